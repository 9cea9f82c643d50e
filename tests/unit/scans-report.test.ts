import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Poster } from '../../src/posters/load-posters.ts';
import type { DayCount, ScanCounts } from '../../src/scans/count-scans.ts';
import { reportCsv } from '../../src/scans/report-csv.ts';
import { reportHtml } from '../../src/scans/report-html.ts';
import { reportTable, textWidth } from '../../src/scans/report-table.ts';
import { scanReport } from '../../src/scans/scan-report.ts';

const poster = (code: string, place: string | undefined, status: 'active' | 'retired' = 'active') =>
  ({ code, place, status, paper: 'A4', target: { locale: 'vi', kind: 'guides', slug: 'alerts-on-android' } }) as unknown as Poster;

const days = (entries: Record<string, [number, number]>) =>
  new Map<string, DayCount>(Object.entries(entries).map(([day, [total, unique]]) => [day, { total, unique }]));

const counts: ScanCounts = {
  byCode: new Map([
    ['k7p', days({ '2026-09-28': [5, 3], '2026-09-29': [1, 1], '2026-10-12': [2, 2] })],
    ['n6d', days({ '2026-10-06': [1, 1] })],
  ]),
  unknown: new Map([
    ['qqq', 1],
    ['zz9', 2],
  ]),
};
const posters = [poster('k7p', 'Nhà văn hóa, "Đông" <thôn>, A & B'), poster('n6d', '=HYPERLINK("https://evil.example")'), poster('s9b', undefined, 'retired')];
const report = scanReport(posters, counts);

describe('the report', () => {
  it('has every poster in file order, with totals, unique scans and every week and day from the first scan to the last', () => {
    expect(report.weeks).toEqual(['2026-W40', '2026-W41', '2026-W42']);
    expect(report.days).toHaveLength(15);
    expect(report.posters.map((p) => [p.code, p.total, p.unique, [...p.weeks.values()]])).toEqual([
      ['k7p', 8, 6, [4, 0, 2]],
      ['n6d', 1, 1, [0, 1, 0]],
      ['s9b', 0, 0, [0, 0, 0]],
    ]);
    expect(report.posters[0]!.days.get('2026-09-30')).toBe(0);
    expect(report.posters[0]!.target).toBe('vi/guides/alerts-on-android');
    expect(report.unknown).toEqual([
      ['zz9', 2],
      ['qqq', 1],
    ]);
  });

  it('is empty of weeks when nothing was scanned', () => {
    const none = scanReport(posters, { byCode: new Map(), unknown: new Map() });
    expect(none.weeks).toEqual([]);
    expect(reportTable(none)).toContain('No scans of any poster');
    expect(reportCsv(none).split('\r\n')[0]).toBe('code,place,target,paper,status,total,unique');
  });
});

describe('the CSV', () => {
  const rows = reportCsv(report).split('\r\n');

  it('has the columns code, place, target, paper, status, total, unique and one per ISO week, a row per poster', () => {
    expect(rows[0]).toBe('code,place,target,paper,status,total,unique,2026-W40,2026-W41,2026-W42');
    expect(rows).toHaveLength(posters.length + 2); // and the last line's end
    expect(rows[3]).toBe('s9b,,vi/guides/alerts-on-android,A4,retired,0,0,0,0,0');
  });

  it('quotes as RFC 4180 says and never lets a spreadsheet read a cell as a formula', () => {
    expect(rows[1]).toBe('k7p,"Nhà văn hóa, ""Đông"" <thôn>, A & B",vi/guides/alerts-on-android,A4,active,8,6,4,0,2');
    expect(rows[2]!.split(',')[1]).toBe(`"'=HYPERLINK(""https://evil.example"")"`);
  });
});

describe('the terminal table', () => {
  it('aligns columns, counting wide characters as two', () => {
    expect(textWidth('华人会馆')).toBe(8);
    expect(textWidth('Đông')).toBe(4);
    expect(textWidth('Đ\u0301')).toBe(1);
    const table = reportTable(report).split('\n');
    const header = table.find((line) => line.startsWith('code'))!;
    expect(header).toMatch(/code +place +target +paper +status +total +unique +2026-W40 +2026-W41 +2026-W42/);
    const k7p = table.find((line) => line.startsWith('k7p'))!;
    expect(textWidth(k7p)).toBe(textWidth(header));
    expect(reportTable(report)).toContain('zz9 2, qqq 1');
  });

  it('prints no control characters from a poster file', () => {
    const evil = scanReport([poster('k7p', 'a\u001b[31mred\u0007')], counts);
    expect(reportTable(evil)).not.toContain('\u001b');
    expect(reportTable(evil)).not.toContain('\u0007');
  });
});

describe('the HTML report', () => {
  const html = reportHtml(report, { campaign: 'Sẵn sàng <mùa> bão', lang: 'vi', generated: '2026-10-13', files: 2 });
  const $ = load(html);

  it('has a row per poster with its place and a bar per week, the numbers in its accessible name', () => {
    expect(
      $('tbody tr[data-code]')
        .map((_, tr) => $(tr).attr('data-code'))
        .get(),
    ).toEqual(['k7p', 'n6d', 's9b']);
    const k7p = $('tr[data-code=k7p]');
    expect(k7p.find('td[data-label=Place]').text()).toBe('Nhà văn hóa, "Đông" <thôn>, A & B');
    expect(k7p.find('svg rect')).toHaveLength(3);
    expect(k7p.find('svg').attr('role')).toBe('img');
    expect(k7p.find('svg').attr('aria-label')).toBe('Unique scans by week: 2026-W40 4, 2026-W41 0, 2026-W42 2');
    expect(k7p.find('td[data-label=Scans]').text()).toBe('8');
    expect($('ul.unknown li').first().text()).toBe('zz9: 2');
  });

  it('escapes what comes from content and loads nothing from anywhere', () => {
    expect(html).not.toContain('<thôn>');
    expect(html).not.toContain('<mùa>');
    expect($('head > title').text()).toBe('Poster scans – Sẵn sàng <mùa> bão');
    expect($('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|src=/);
  });
});
