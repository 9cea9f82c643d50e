import { describe, expect, it } from 'vitest';
import { ScanCounter } from '../../src/scans/count-scans.ts';
import { daysFrom, isoWeek, weeksFrom } from '../../src/scans/iso-week.ts';
import type { LogRecord } from '../../src/scans/log-record.ts';
import { shortLinkCode, shortLinkPrefixes } from '../../src/scans/short-link-path.ts';

const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'WhatsApp/2.23.20.0 A',
  'TelegramBot (like TwitterBot)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
];

const visit = (over: Partial<LogRecord>): LogRecord => ({
  address: '203.0.113.5',
  day: '2026-09-28',
  method: 'GET',
  path: '/p/k7p/',
  status: 200,
  userAgent: ANDROID,
  ...over,
});

describe('short-link paths', () => {
  const root = shortLinkPrefixes('/');
  const base = shortLinkPrefixes('/campaign/');

  it('are /p/ and /P/ under the base path', () => {
    expect(root).toEqual(['/p/', '/P/']);
    expect(base).toEqual(['/campaign/p/', '/campaign/P/']);
  });

  it('give the code in lower case, with or without the trailing slash or a query', () => {
    for (const path of ['/p/k7p/', '/p/k7p', '/P/K7P/', '/P/K7P', '/p/k7p/?utm_source=poster', '/p/k7p?x=1', '/p/k7p/#top'])
      expect(shortLinkCode(path, root), path).toBe('k7p');
    expect(shortLinkCode('/campaign/p/k7p/', base)).toBe('k7p');
    expect(shortLinkCode('/campaign/P/K7P/?a=b', base)).toBe('k7p');
  });

  it('are no other path', () => {
    for (const path of ['/p/', '/p/k7p/index.html', '/posters/k7p/', '/vi/p/k7p/', '/p/k7p/extra/', '/pk7p/', '/p/wp-login.php'])
      expect(shortLinkCode(path, root), path).toBeUndefined();
    expect(shortLinkCode('/p/k7p/', base)).toBeUndefined();
  });
});

describe('ISO weeks', () => {
  it('start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeek('2026-09-28')).toBe('2026-W40'); // a Monday
    expect(isoWeek('2026-10-04')).toBe('2026-W40'); // the Sunday after
    expect(isoWeek('2026-10-05')).toBe('2026-W41');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('and days are listed without gaps', () => {
    expect(daysFrom('2026-09-29', '2026-10-02')).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
    expect(weeksFrom('2026-09-27', '2026-10-13')).toEqual(['2026-W39', '2026-W40', '2026-W41', '2026-W42']);
  });
});

describe('counting scans', () => {
  const counter = () => new ScanCounter(['k7p', 'n6d'], '/');

  it('counts every request and one unique scan per visitor per day', () => {
    const c = counter();
    c.add(visit({}));
    c.add(visit({ path: '/P/K7P/', status: 301 }));
    c.add(visit({ path: '/p/k7p?utm_source=poster', status: 304 }));
    c.add(visit({ userAgent: IPHONE })); // same address, another phone: another visitor
    c.add(visit({ address: '198.51.100.1' }));
    c.add(visit({ day: '2026-09-29' })); // the first visitor again, the next day
    c.add(visit({ path: '/p/n6d/', method: 'HEAD' }));
    const { byCode } = c.counts();
    expect(Object.fromEntries(byCode.get('k7p')!)).toEqual({ '2026-09-28': { total: 5, unique: 3 }, '2026-09-29': { total: 1, unique: 1 } });
    expect(Object.fromEntries(byCode.get('n6d')!)).toEqual({ '2026-09-28': { total: 1, unique: 1 } });
  });

  it('leaves out bots and link previews, other methods, answers other than 2xx and 3xx, and other paths', () => {
    const c = counter();
    for (const userAgent of [...BOTS, '']) c.add(visit({ userAgent }));
    c.add(visit({ method: 'POST' }));
    for (const status of [101, 404, 500, 0]) c.add(visit({ status }));
    for (const path of ['/posters/k7p/', '/p/k7p/index.html', '/vi/']) c.add(visit({ path }));
    expect(c.counts().byCode.size).toBe(0);
  });

  it('notes codes no poster has, by people, whatever the answer', () => {
    const c = counter();
    c.add(visit({ path: '/p/zz9/', status: 404 }));
    c.add(visit({ path: '/P/ZZ9', status: 404, address: '198.51.100.1' }));
    c.add(visit({ path: '/p/qqq/', status: 200 }));
    c.add(visit({ path: '/p/zz9/', status: 404, userAgent: BOTS[0] }));
    expect(Object.fromEntries(c.counts().unknown)).toEqual({ zz9: 2, qqq: 1 });
  });

  it('tells visitors apart by a hash salted anew for each counter, keeping none of it in the counts', () => {
    const c = counter();
    c.add(visit({}));
    expect(JSON.stringify([...c.counts().byCode.get('k7p')!])).not.toMatch(/203\.0\.113|Android/);
    // Salts differ: two counters are two runs.
    const salts = [counter(), counter()].map((one) => (one as unknown as { salt: Buffer }).salt.toString('hex'));
    expect(salts[0]).not.toBe(salts[1]);
  });

  it('under a base path counts only the short links under it', () => {
    const c = new ScanCounter(['k7p'], '/campaign/');
    c.add(visit({ path: '/campaign/p/k7p/' }));
    c.add(visit({ path: '/p/k7p/' }));
    expect(c.counts().byCode.get('k7p')!.get('2026-09-28')).toEqual({ total: 1, unique: 1 });
    expect(c.wanted('"GET /campaign/P/K7P/ HTTP/1.1"')).toBe(true);
    expect(c.wanted('"GET /vi/guides/x/ HTTP/1.1"')).toBe(false);
  });
});
