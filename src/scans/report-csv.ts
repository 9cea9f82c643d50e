import type { ScanReport } from './scan-report.ts';

/** The fixed columns, before one column per ISO week. */
export const CSV_COLUMNS = ['code', 'place', 'target', 'paper', 'status', 'total', 'unique'] as const;

/**
 * A cell as RFC 4180 wants it (quoted when it holds a comma, quote or line break), and never read
 * as a formula: a place written as `=HYPERLINK(…)` or `+84 …` in a poster file gets a leading `'`,
 * as OWASP advises, so opening the file in a spreadsheet runs nothing.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The report for spreadsheets: one row per poster, the columns of CSV_COLUMNS, then one per ISO
 * week (`2026-W40`) with that week's unique scans. UTF-8 with CRLF line ends, as RFC 4180 says.
 */
export function reportCsv(report: ScanReport): string {
  const rows = [[...CSV_COLUMNS, ...report.weeks].map(cell).join(',')];
  for (const p of report.posters)
    rows.push([p.code, p.place, p.target, p.paper, p.status, p.total, p.unique, ...report.weeks.map((w) => p.weeks.get(w) ?? 0)].map(cell).join(','));
  return rows.join('\r\n') + '\r\n';
}
