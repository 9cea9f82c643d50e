import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/scans/log-record.ts';
import { readLog } from '../../src/scans/read-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'loa-scans-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const combined = (path: string, n = 1) => `203.0.113.${n} - - [28/Sep/2026:06:30:00 +0700] "GET ${path} HTTP/1.1" 200 512 "-" "${ANDROID}"`;
const LOG = [combined('/vi/'), combined('/p/k7p/'), '', combined('/_astro/site.css'), combined('/P/N6D/', 2)].join('\n') + '\n';
const CLOUDFRONT = [
  '#Version: 1.0',
  '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query',
  ['2026-09-28', '01:00:00', 'SIN2-C1', '10', '198.51.100.7', 'GET', 'd1.cloudfront.net', '/vi/', '200', '-', ANDROID.replaceAll(' ', '%20'), '-'].join('\t'),
  ['2026-09-28', '01:00:01', 'SIN2-C1', '10', '198.51.100.7', 'GET', 'd1.cloudfront.net', '/p/k7p/', '301', '-', ANDROID.replaceAll(' ', '%20'), 'a=b'].join(
    '\t',
  ),
].join('\n');

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Reads a log, keeping the records of lines that mention /p/ or /P/. */
async function read(path: string) {
  const records: LogRecord[] = [];
  const summary = await readLog(
    path,
    (line) => line.includes('/p/') || line.includes('/P/'),
    (r) => records.push(r),
  );
  return { summary, paths: records.map((r) => r.path) };
}

describe('reading a log', () => {
  it('streams a plain combined log, passing on the wanted lines only', async () => {
    const { summary, paths } = await read(file('access.log', LOG));
    expect(paths).toEqual(['/p/k7p/', '/P/N6D/']);
    expect(summary).toMatchObject({ format: 'combined', gzip: false, lines: 5, unreadable: 0 });
  });

  it('knows gzip by its magic bytes, not by its name', async () => {
    const gz = await read(file('access.log.1', gzipSync(LOG)));
    expect(gz.paths).toEqual(['/p/k7p/', '/P/N6D/']);
    expect(gz.summary.gzip).toBe(true);
    const plain = await read(file('plain.gz', LOG));
    expect(plain.summary.gzip).toBe(false);
    expect(plain.paths).toHaveLength(2);
    // Rotated logs are sometimes several gzip members one after another.
    const members = await read(file('members.gz', Buffer.concat([gzipSync(LOG), gzipSync(combined('/p/h4w/') + '\n')])));
    expect(members.paths).toEqual(['/p/k7p/', '/P/N6D/', '/p/h4w/']);
  });

  it('reads CloudFront standard logs, plain or gzip', async () => {
    for (const content of [CLOUDFRONT, gzipSync(CLOUDFRONT)]) {
      const { summary, paths } = await read(file('E2ABC.2026-09-28-01.abcd', content));
      expect(summary.format).toBe('cloudfront');
      expect(paths).toEqual(['/p/k7p/?a=b']);
    }
  });

  it('counts wanted lines it cannot read, with the first one’s number', async () => {
    const { summary, paths } = await read(file('cut.log', LOG + combined('/p/k7p/').slice(0, 60) + '\n'));
    expect(paths).toHaveLength(2);
    expect(summary).toMatchObject({ unreadable: 1, firstUnreadable: 6 });
  });

  it('refuses a file in no known format, naming the file, the line and the formats expected', async () => {
    await expect(read(file('notes.txt', '\n\nDear diary, today /p/k7p/ was scanned\n'))).rejects.toThrow(
      /notes\.txt, line 3: not an access log in a known format; expected the nginx\/Apache combined format .* or an Amazon CloudFront standard log/,
    );
    await expect(read(file('json.log', '{"path":"/p/k7p/"}\n'))).rejects.toThrow(/json\.log, line 1/);
    await expect(read(file('fields.log', '#Version: 1.0\n#Fields: date time c-ip\n'))).rejects.toThrow(/fields\.log, line 2: .*lacks cs-method/);
    // A file without line ends is refused before it fills memory, plain or gzip.
    await expect(read(file('image.png', Buffer.alloc(3 * 2 ** 20, 0x41)))).rejects.toThrow(/image\.png, line 1: .*a line of more than 1 MB/);
    await expect(read(file('image.gz', gzipSync(Buffer.alloc(3 * 2 ** 20, 0x41))))).rejects.toThrow(/image\.gz, line 1: .*a line of more than 1 MB/);
    await expect(read(file('nofields.log', '#Version: 1.0\n2026-09-28\t01:00:00\n'))).rejects.toThrow(/nofields\.log, line 2: .*without a #Fields line/);
  });

  it('says why a file cannot be read: missing, a folder, a gzip file cut short or broken', async () => {
    await expect(read(join(dir, 'missing.log'))).rejects.toThrow(/Cannot read .*missing\.log: no such file/);
    mkdirSync(join(dir, 'logs'), { recursive: true });
    await expect(read(join(dir, 'logs'))).rejects.toThrow(/logs: it is a folder/);
    const whole = gzipSync(LOG.repeat(50));
    await expect(read(file('cut.gz', whole.subarray(0, whole.length - 20)))).rejects.toThrow(/cut\.gz: the gzip file is cut short/);
    await expect(read(file('broken.gz', Buffer.from([0x1f, 0x8b, 0x99, 0x99, 0x99])))).rejects.toThrow(
      /broken\.gz: starts like a gzip file but cannot be unpacked/,
    );
  });
});
