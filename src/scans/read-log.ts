import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ScansError, type LogRecord } from './log-record.ts';
import { parseCombined } from './parse-combined.ts';
import { cloudFrontColumns, parseCloudFront, type CloudFrontColumns } from './parse-cloudfront.ts';

/** The formats a log may be in, as error messages name them. */
export const KNOWN_FORMATS =
  'the nginx/Apache combined format (1.2.3.4 - - [28/Sep/2026:06:30:00 +0700] "GET /p/k7m/ HTTP/1.1" 301 0 "-" "Mozilla/5.0 …") ' +
  'or an Amazon CloudFront standard log (#Version and #Fields lines, then tab-separated fields), plain or gzip';

/** The longest line a log may have: access log lines are a few hundred bytes, so anything longer is not one. */
const MAX_LINE_BYTES = 2 ** 20;

/** What reading one log file found, besides its records. */
export interface LogSummary {
  format: 'combined' | 'cloudfront';
  gzip: boolean;
  lines: number;
  /** Lines that mention a short link but are not in the file's format (a cut-off last line, say). */
  unreadable: number;
  firstUnreadable?: number;
}

/** True when the file starts with gzip's magic bytes, whatever its name (rotated logs are named .1, .gz, or anything). */
async function isGzip(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ScansError(`Cannot read ${file}: ${describeFsError(error)}`);
  }
  try {
    const bytes = Buffer.alloc(2);
    const { bytesRead } = await handle.read(bytes, 0, 2, 0);
    return bytesRead === 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  } catch (error) {
    throw new ScansError(`Cannot read ${file}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads an access log line by line, streaming (a gzip file through zlib as it is read), so a
 * log of any size takes the same memory. The first line decides the format; a first line in no
 * known format is an error naming the file and line. `wanted` is a cheap test each line gets
 * before it is parsed (most lines of a site's log are not short links); each parsed record of a
 * wanted line goes to `onRecord`.
 */
export async function readLog(file: string, wanted: (line: string) => boolean, onRecord: (record: LogRecord) => void): Promise<LogSummary> {
  const gzip = await isGzip(file);
  const raw = createReadStream(file);
  const input: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const summary: LogSummary = { format: 'combined', gzip, lines: 0, unreadable: 0 };
  let columns: CloudFrontColumns | undefined;
  let decided = false;
  let checkedFirstEntry = false;

  return new Promise<LogSummary>((resolve, reject) => {
    let failed = false;
    const fail = (error: ScansError) => {
      if (failed) return;
      failed = true;
      lines.close();
      raw.destroy();
      input.destroy();
      reject(error);
    };
    const notKnown = (n: number, why = '') => fail(new ScansError(`${file}, line ${n}: not an access log in a known format${why}; expected ${KNOWN_FORMATS}`));

    const gzipError = (error: Error) =>
      fail(
        new ScansError(
          /unexpected end/i.test(error.message)
            ? `${file}: the gzip file is cut short (${error.message}); was it still being written?`
            : `${file}: starts like a gzip file but cannot be unpacked (${error.message})`,
        ),
      );
    raw.on('error', (error) => fail(new ScansError(`Cannot read ${file}: ${describeFsError(error)}`)));
    if (gzip) input.on('error', gzipError);
    // readline keeps a line until its end: a file without line ends (an image, an archive named by
    // mistake) would otherwise fill memory before the first line could be judged.
    let sinceLineEnd = 0;
    input.on('data', (chunk: Buffer) => {
      const end = chunk.lastIndexOf(10);
      sinceLineEnd = end === -1 ? sinceLineEnd + chunk.length : chunk.length - end - 1;
      if (sinceLineEnd > MAX_LINE_BYTES) notKnown(summary.lines + 1, ' (a line of more than 1 MB)');
    });
    // readline passes its input's errors on: the same ones, already reported above.
    lines.on('error', (error) => (gzip ? gzipError(error) : fail(new ScansError(`Cannot read ${file}: ${describeFsError(error)}`))));
    lines.on('line', (line) => {
      if (failed) return;
      const n = ++summary.lines;
      if (line === '') return;
      if (line.charCodeAt(0) === 35 /* # */) {
        // CloudFront's header lines: #Version: 1.0, then #Fields: date time …
        if (!decided || summary.format === 'cloudfront') {
          decided = true;
          summary.format = 'cloudfront';
          if (line.startsWith('#Fields:')) {
            const found = cloudFrontColumns(line);
            if ('problem' in found) return notKnown(n, ` (a CloudFront log, but ${found.problem})`);
            columns = found;
          }
          return;
        }
      }
      if (!decided) {
        decided = true;
        // The first line is always parsed in full: it says whether the file is a log at all.
        const record = parseCombined(line);
        if (!record) return notKnown(n);
        if (wanted(line)) onRecord(record);
        return;
      }
      if (summary.format === 'cloudfront' && !checkedFirstEntry) {
        // A CloudFront log's first entry is parsed in full too.
        checkedFirstEntry = true;
        if (!columns) return notKnown(n, ' (a CloudFront log without a #Fields line before its first entry)');
        const record = parseCloudFront(line, columns);
        if (!record) return notKnown(n, ' (a CloudFront log whose entry does not match its #Fields line)');
        if (wanted(line)) onRecord(record);
        return;
      }
      if (!wanted(line)) return;
      const record = columns ? parseCloudFront(line, columns) : parseCombined(line);
      if (record) onRecord(record);
      else {
        summary.unreadable++;
        summary.firstUnreadable ??= n;
      }
    });
    lines.on('close', () => {
      if (failed) return;
      // Wait for the gunzip stream's own end, which reports a cut-off file after the last line.
      setImmediate(() => {
        if (!failed) resolve(summary);
      });
    });
  });
}
