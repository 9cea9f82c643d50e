import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SITES, buildEnvironment } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';

// npm run scans on the campaign fixture's posters, from logs generated here whose true counts are
// known: repeated visits by one visitor on one day and on the next, bots and link previews, other
// paths, codes no poster has, short links in capitals and with queries, gzip, CloudFront.
const dir = mkdtempSync(join(tmpdir(), 'loa-scans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const ZALO =
  'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36 Zalo android/12110';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'WhatsApp/2.23.20.0 A',
  'TelegramBot (like TwitterBot)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
];
const ADDRESSES = ['203.0.113.10', '203.0.113.11', '2001:db8::42', '198.51.100.7', '198.51.100.8'];

/** A combined-format line, as nginx writes it. */
const line = (address: string, day: string, request: string, status: number, agent: string, time = '08:15:00') => {
  const [y, m, d] = day.split('-');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
  return `${address} - - [${d}/${month}/${y}:${time} +0700] "${request} HTTP/1.1" ${status} 0 "https://flood.example.org/vi/" "${agent}"`;
};
const [A, B, C] = ADDRESSES;

// 2026-09-28 and 29 are in ISO week 40, 2026-10-06 in week 41.
const PLAIN = [
  line(A!, '2026-09-28', 'GET /P/K7P/', 200, ANDROID, '08:00:00'), // k7p: A's first scan
  line(A!, '2026-09-28', 'GET /vi/guides/alerts-on-android/', 200, ANDROID), // where it leads: not a scan
  line(B!, '2026-09-28', 'GET /p/k7p/', 200, IPHONE), // k7p: B
  line(A!, '2026-09-28', 'GET /p/k7p/', 200, IPHONE), // k7p: A's address with another phone, another visitor
  ...BOTS.map((bot) => line(C!, '2026-09-28', 'GET /p/k7p/', 200, bot)), // link previews and crawlers
  line(C!, '2026-09-28', 'GET /p/k7p/', 200, '-'), // no user agent: a script
  line(C!, '2026-09-28', 'POST /p/k7p/', 200, ZALO), // not a visit
  line(C!, '2026-09-28', 'GET /p/k7p/', 500, ZALO), // not answered
  line(C!, '2026-09-28', 'GET /p/k7p/index.html', 200, ZALO), // another path
  line(C!, '2026-09-28', 'GET /posters/k7p/', 200, ZALO), // the print page
  line(C!, '2026-09-28', 'GET /p/zz9/', 404, ZALO), // a code no poster has
  line(A!, '2026-09-29', 'GET /p/zz9', 404, ANDROID),
  line(B!, '2026-09-29', 'GET /P/QQQ/', 404, IPHONE),
  line(C!, '2026-09-29', 'GET /p/zz9/', 404, BOTS[0]!), // a bot's: not listed
  line(B!, '2026-09-29', 'GET /p/s9b/', 200, IPHONE), // the retired poster's link still counts
].join('\n');

// A rotated log, gzip, named without .gz as logrotate's delaycompress leaves it: the same visitor
// again on the same day, and on the next.
const ROTATED = [
  line(A!, '2026-09-28', 'GET /p/k7p/?utm_source=poster', 301, ANDROID, '18:00:00'), // A again the same day: total only
  line(A!, '2026-09-29', 'GET /p/k7p', 301, ANDROID), // A the next day: unique again
  line(C!, '2026-10-06', 'HEAD /p/n6d/', 200, ZALO), // n6d in week 41
].join('\n');

// A CloudFront standard log, gzip, with the user agent URL-encoded twice.
const cloudFront = (address: string, stem: string, status: number, agent: string, query = '-') =>
  [
    '2026-10-06',
    '01:00:00',
    'SIN2-C1',
    '512',
    address,
    'GET',
    'd1.cloudfront.net',
    stem,
    String(status),
    '-',
    agent.replaceAll(' ', '%2520'),
    query,
    '-',
    'Hit',
  ].join('\t');
const CLOUDFRONT = [
  '#Version: 1.0',
  '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type',
  cloudFront(ADDRESSES[3]!, '/P/H4W/', 301, IPHONE, 'utm_source=poster'), // h4w
  cloudFront(ADDRESSES[4]!, '/p/h4w/', 301, ANDROID), // h4w, another visitor
  cloudFront(ADDRESSES[4]!, '/p/h4w/', 301, BOTS[2]!), // WhatsApp's preview
  cloudFront(ADDRESSES[4]!, '/vi/', 200, ANDROID),
].join('\n');

const files = {
  plain: join(dir, 'access.log'),
  rotated: join(dir, 'access.log.1'),
  cloudFront: join(dir, 'E2ABC.2026-10-06-01.a1b2c3'),
};
writeFileSync(files.plain, PLAIN + '\n');
writeFileSync(files.rotated, gzipSync(ROTATED + '\n'));
writeFileSync(files.cloudFront, gzipSync(CLOUDFRONT + '\n'));
const ALL = [files.plain, files.rotated, files.cloudFront];

/** The true counts: code → [total, unique, week 40, week 41]. */
const EXPECTED: Record<string, [number, number, number, number]> = {
  h4w: [2, 2, 0, 2],
  r2f: [0, 0, 0, 0],
  s9b: [1, 1, 1, 0],
  n6d: [1, 1, 0, 1],
  k7p: [5, 4, 4, 0], // A, B and A's other phone on the 28th (A twice), A on the 29th
};

/** Runs the real command on the campaign fixture (or its base-path build's settings). */
function scans(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/scans.ts'), ...args], {
    cwd: dir,
    env: buildEnvironment(SITES.campaign.siteDir, env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lines of CSV, cells split (no fixture place holds a quote). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((row) =>
      row
        .match(/("[^"]*"|[^,]*)(,|$)/g)!
        .slice(0, -1)
        .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')),
    );
}

const posters = loadPosterFiles(SITES.campaign.siteDir).posters;
const csvFile = join(dir, 'scans.csv');
const htmlFile = join(dir, 'scans.html');
const run = scans(['--csv', csvFile, '--html', htmlFile, ...ALL]);

describe('npm run scans', () => {
  it('succeeds on nginx logs, plain and gzip, and a CloudFront log', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes a CSV with the exact columns, a row per poster with its facts and the true counts', () => {
    const rows = csvRows(readFileSync(csvFile, 'utf8'));
    expect(rows[0]).toEqual(['code', 'place', 'target', 'paper', 'status', 'total', 'unique', '2026-W40', '2026-W41']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(posters.map((p) => p.code));
    for (const row of rows.slice(1)) {
      const poster = posters.find((p) => p.code === row[0])!;
      const { locale, kind, slug } = poster.target;
      expect(row.slice(1, 5), row[0]).toEqual([poster.place ?? '', `${locale}/${kind}/${slug}`, poster.paper, poster.status]);
      expect(row.slice(5).map(Number), row[0]).toEqual(EXPECTED[row[0]!]);
    }
  });

  it('prints the same counts as a table, and the unknown codes once with their counts', () => {
    const k7p = run.stdout.split('\n').find((l) => l.startsWith('k7p '))!;
    expect(k7p.trim().split(/\s+/).slice(-4)).toEqual(['5', '4', '4', '0']);
    expect(run.stdout.match(/Codes no poster has.*$/m)?.[0]).toBe('Codes no poster has (requests by people, any answer): zz9 2, qqq 1');
    expect(run.stdout.match(/zz9/g)).toHaveLength(1);
    // By day, for the posters with scans (h4w s9b n6d k7p): A, B and A's other phone on the 28th, A on the 29th.
    expect(run.stdout).toMatch(/^day +h4w +s9b +n6d +k7p$/m);
    expect(run.stdout).toMatch(/^2026-09-28 +0 +0 +0 +3$/m);
    expect(run.stdout).toMatch(/^2026-09-29 +0 +1 +0 +1$/m);
  });

  it('writes the CSV to standard output with --csv alone, even before a log’s name', () => {
    const out = scans(['--csv', ...ALL]);
    expect(out.status).toBe(0);
    expect(
      csvRows(out.stdout)
        .find((r) => r[0] === 'k7p')!
        .slice(5)
        .map(Number),
    ).toEqual(EXPECTED.k7p);
    expect(out.stderr).toContain('Codes no poster has: zz9 2, qqq 1');
  });

  it('writes an HTML report: a row per poster with its place and a bar per week', () => {
    const $ = load(readFileSync(htmlFile, 'utf8'));
    expect(
      $('tbody tr[data-code]')
        .map((_, tr) => $(tr).attr('data-code'))
        .get(),
    ).toEqual(posters.map((p) => p.code));
    for (const poster of posters) {
      const row = $(`tr[data-code=${poster.code}]`);
      expect(row.find('td[data-label=Place]').text()).toBe(poster.place ?? '');
      expect(row.find('svg rect')).toHaveLength(2);
      const [total, unique, w40, w41] = EXPECTED[poster.code]!;
      expect(row.find('td[data-label=Scans]').text()).toBe(String(total));
      expect(row.find('td[data-label=Unique]').text()).toBe(String(unique));
      expect(row.find('svg').attr('aria-label')).toBe(`Unique scans by week: 2026-W40 ${w40}, 2026-W41 ${w41}`);
    }
    expect($('script, link[href], img, iframe')).toHaveLength(0);
  });

  it('writes and prints nothing personal: no address, no user agent', () => {
    const outputs = [run.stdout, run.stderr, readFileSync(csvFile, 'utf8'), readFileSync(htmlFile, 'utf8'), scans(['--csv', ...ALL]).stdout];
    for (const output of outputs) {
      for (const address of ADDRESSES) expect(output).not.toContain(address);
      for (const agent of [ANDROID, IPHONE, ZALO, ...BOTS]) expect(output).not.toContain(agent.slice(0, 24));
      expect(output).not.toMatch(/Android 13|iPhone OS|Googlebot|facebookexternalhit|WhatsApp/);
    }
  });

  it('under a base path counts only the short links under it', () => {
    const log = join(dir, 'base.log');
    writeFileSync(
      log,
      [
        line(A!, '2026-09-28', 'GET /campaign/p/k7p/', 200, ANDROID),
        line(B!, '2026-09-28', 'GET /campaign/p/k7p?utm_source=poster', 301, IPHONE),
        line(C!, '2026-09-28', 'GET /p/k7p/', 200, ZALO), // outside the site
        line(C!, '2026-09-28', 'GET /campaign/p/zz9/', 404, ZALO),
      ].join('\n'),
    );
    const out = scans(['--csv', log], { BASE_PATH: '/campaign/' });
    expect(out.status).toBe(0);
    expect(
      csvRows(out.stdout)
        .find((r) => r[0] === 'k7p')!
        .slice(5)
        .map(Number),
    ).toEqual([2, 2, 2]);
    expect(out.stderr).toContain('Codes no poster has: zz9 1');
  });
});

describe('npm run scans refuses', () => {
  /** A refusal: exit code 1, the message on standard error, no stack trace. */
  function refused(args: string[]): string {
    const out = scans(args);
    expect(out.status).toBe(1);
    expect(out.stderr).not.toMatch(/^\s+at /m);
    expect(out.stdout).toBe('');
    return out.stderr;
  }

  it('a missing file, naming it', () => {
    expect(refused([files.plain, 'nowhere.log'])).toMatch(/^Cannot read nowhere\.log: no such file/);
  });

  it('a file in no known format, naming the line and the formats expected', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '\nVisits to /p/k7p/ this week: many\n');
    expect(refused([notes])).toMatch(
      /notes\.txt, line 2: not an access log in a known format; expected the nginx\/Apache combined format .*CloudFront standard log/,
    );
  });

  it('a gzip file cut short', () => {
    const whole = gzipSync((PLAIN + '\n').repeat(40));
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, whole.subarray(0, whole.length / 2));
    expect(refused([cut])).toMatch(/cut\.gz: the gzip file is cut short/);
  });

  it('a bad flag, no logs, and an output file that is not .csv or .html', () => {
    expect(refused(['--pdf', files.plain])).toMatch(/^Unknown option --pdf\nUsage: npm run scans/);
    expect(refused([])).toMatch(/^Name the access logs to read/);
    expect(refused(['--html', files.plain])).toMatch(/--html needs the report's file name, ending in \.html; found ".*access\.log"/);
    expect(refused(['--html'])).toMatch(/found nothing/);
    expect(refused(['--csv=access.log', files.plain])).toMatch(/--csv writes to a file ending in \.csv/);
  });
});
