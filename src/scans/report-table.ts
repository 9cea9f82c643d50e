import type { ScanReport } from './scan-report.ts';

/**
 * Columns a character takes in a terminal: two for East Asian wide characters (Chinese, Japanese,
 * Korean, full-width forms), none for combining marks (Vietnamese tones written as two code points).
 */
function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
    return 2;
  return 1;
}

/** Columns a text takes in a terminal. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c.codePointAt(0)!);
  return width;
}

/** Text safe to print: control characters from a poster file (or a log's code) cannot move the cursor or colour the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Cuts a text to at most `max` columns, with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const c of text) {
    if (textWidth(out + c) > max - 1) break;
    out += c;
  }
  return `${out}…`;
}

/** Lays out rows as aligned columns; numbers (right-aligned) are the columns `numeric` names. */
function table(rows: string[][], numeric: (column: number) => boolean): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => textWidth(row[i]!))));
  const line = (row: string[]) =>
    row
      .map((value, i) => {
        const pad = ' '.repeat(widths[i]! - textWidth(value));
        return numeric(i) ? pad + value : value + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** How wide the place column may be before it is cut, so the table fits a terminal. */
const PLACE_WIDTH = 32;

/**
 * The report for a terminal: a table of posters (code, place, target, paper, status, scans,
 * unique scans and unique scans per ISO week), then unique scans per day of the posters that
 * had any, then the unknown codes.
 */
export function reportTable(report: ScanReport): string {
  const head = ['code', 'place', 'target', 'paper', 'status', 'total', 'unique', ...report.weeks];
  const rows = report.posters.map((p) => [
    p.code,
    cut(printable(p.place), PLACE_WIDTH),
    p.target,
    p.paper,
    p.status,
    String(p.total),
    String(p.unique),
    ...report.weeks.map((w) => String(p.weeks.get(w) ?? 0)),
  ]);
  const out = ['Poster scans (unique: one per visitor per day; weeks are ISO weeks, unique scans)', '', table([head, ...rows], (i) => i >= 5)];
  const scanned = report.posters.filter((p) => p.total > 0);
  if (scanned.length) {
    const dayRows = report.days.filter((d) => scanned.some((p) => p.days.get(d))).map((d) => [d, ...scanned.map((p) => String(p.days.get(d) ?? 0))]);
    out.push(
      '',
      'Unique scans by day',
      '',
      table([['day', ...scanned.map((p) => p.code)], ...dayRows], (i) => i >= 1),
    );
  } else out.push('', 'No scans of any poster in these logs.');
  if (report.unknown.length)
    out.push('', `Codes no poster has (requests by people, any answer): ${report.unknown.map(([code, n]) => `${printable(code)} ${n}`).join(', ')}`);
  return out.join('\n') + '\n';
}
