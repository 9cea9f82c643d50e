import type { LogRecord } from './log-record.ts';

/** The fields of a CloudFront standard log that counting scans reads, by their names in its `#Fields:` line. */
const NEEDED = ['date', 'c-ip', 'cs-method', 'cs-uri-stem', 'sc-status', 'cs(User-Agent)'] as const;

/** Where each needed field is on a CloudFront line (and the query, when the log has it). */
export interface CloudFrontColumns {
  date: number;
  address: number;
  method: number;
  stem: number;
  status: number;
  userAgent: number;
  query: number;
}

/**
 * Reads the columns from a CloudFront standard log's `#Fields:` line (the fields are named, and
 * their order has changed between log versions), or says which needed fields it lacks.
 */
export function cloudFrontColumns(header: string): CloudFrontColumns | { problem: string } {
  const names = header
    .replace(/^#Fields:\s*/, '')
    .trim()
    .split(/\s+/);
  const missing = NEEDED.filter((name) => !names.includes(name));
  if (missing.length) return { problem: `its #Fields line lacks ${missing.join(', ')}` };
  const at = (name: string) => names.indexOf(name);
  return {
    date: at('date'),
    address: at('c-ip'),
    method: at('cs-method'),
    stem: at('cs-uri-stem'),
    status: at('sc-status'),
    userAgent: at('cs(User-Agent)'),
    query: at('cs-uri-query'),
  };
}

/** Undoes CloudFront's URL encoding of a field (spaces are `%20`, and some fields are encoded twice: `%2520`). */
function decodeField(value: string): string {
  let text = value;
  for (let round = 0; round < 2 && text.includes('%'); round++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text;
}

/**
 * Reads one tab-separated line of an Amazon CloudFront standard log (the logs CloudFront writes
 * to S3 for a site served from a bucket), or undefined when it is not one. Days are UTC, as
 * CloudFront writes them.
 */
export function parseCloudFront(line: string, columns: CloudFrontColumns): LogRecord | undefined {
  const fields = line.split('\t');
  const date = fields[columns.date];
  const status = fields[columns.status];
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !status || !/^\d{3}$/.test(status)) return undefined;
  const query = columns.query >= 0 ? fields[columns.query] : undefined;
  const stem = fields[columns.stem] ?? '';
  return {
    address: fields[columns.address] ?? '',
    day: date,
    method: fields[columns.method] ?? '',
    path: query && query !== '-' ? `${stem}?${query}` : stem,
    status: Number(status),
    userAgent: decodeField(fields[columns.userAgent] ?? ''),
  };
}
