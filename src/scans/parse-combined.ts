import type { LogRecord } from './log-record.ts';

/**
 * nginx's and Apache's "combined" line: address, identity, user, [time], "request", status,
 * size, "referrer", "user agent", and whatever a custom format adds after (nginx's `main` adds
 * "X-Forwarded-For"). Quoted fields may hold escaped quotes (`\"` in Apache, `\x22` in nginx); they are
 * matched as runs of plain characters between escapes, which is several times faster than a character at a time.
 */
const COMBINED =
  /^(\S+) \S+ \S+ \[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}) \S+ "[^"\\]*(?:\\.[^"\\]*)*" "([^"\\]*(?:\\.[^"\\]*)*)"/;

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/**
 * Reads one line of the combined log format, the default of nginx and a standard one of Apache,
 * or undefined when the line is not one. The day is the one the server wrote (its local time),
 * which for a campaign's own server is the campaign's day.
 */
export function parseCombined(line: string): LogRecord | undefined {
  const match = COMBINED.exec(line);
  if (!match) return undefined;
  const month = MONTHS[match[3]!];
  if (!month) return undefined;
  // A request line is "METHOD target PROTOCOL"; junk (TLS bytes sent to port 80, "-") has no target.
  const request = match[5]!.split(' ');
  return {
    address: match[1]!,
    day: `${match[4]}-${month}-${match[2]}`,
    method: request.length >= 2 ? request[0]! : '',
    path: request.length >= 2 ? request[1]! : '',
    status: Number(match[6]),
    userAgent: match[7]!,
  };
}
