import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild, runCommand } from '../helpers/sites.ts';
import { changedFixture, type Change } from '../helpers/changed-site.ts';
import { page } from '../helpers/dist.ts';
import type { TranslationReport } from '../../src/model/translations.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-drafts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Text found only in the drafts, and text found only in the published message added next to them. */
const DRAFT = 'Zebradraft';
const PUBLISHED = 'Yakpublished';
/** What the drafts' pages and recording would be called in the output. */
const DRAFT_PATH = /draft-(guide|message)|audio\/draft-/;

const SETTINGS = readFileSync(join(ROOT, 'tests/fixtures/campaign/content/site.yaml'), 'utf8');
const MP3 = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/broadcast/content/audio/market-day.mp3')));

/** A guide as `npm run new` writes it (placeholders and all), with `draft` as given. */
const scaffoldedGuide = (draft: string) =>
  `---\ntitle: Hướng dẫn ${DRAFT}\n${draft}summary: Tóm tắt ${DRAFT}.\napp: Cảnh báo sớm\nplatforms: [android]\nminutes: 3\n---\n\nA short introduction.\n\n1. The first step, one short sentence.\n2. The second step.\n3. The third step.\n`;

/** A broadcast message with a recording and a schedule, so it would be in the podcast, calendar and schedule. */
const broadcastMessage = (title: string, audio: string, draft: string) =>
  `---\ntitle: Tin ${title}\nsummary: Tóm tắt ${title}.\ndate: 2025-10-18\n${draft}broadcast: true\naudio: audio/${audio}\nschedule:\n  from: 2025-10-20\n  until: 2025-10-26\n  times: [07:00]\n---\n\nKính thưa bà con. ${title} là tin thử.\n`;

/** The campaign fixture with drafts of every kind: a new guide, a scheduled recorded message, a translation of a published guide. */
const DRAFTS: Record<string, Change> = {
  'content/site.yaml': `${SETTINGS}\ntimezone: Asia/Ho_Chi_Minh\n`,
  'content/audio/drill.mp3': MP3,
  'content/audio/draft.mp3': MP3,
  'content/vi/messages/drill.md': broadcastMessage(PUBLISHED, 'drill.mp3', ''),
  'content/vi/messages/draft-message.md': broadcastMessage(DRAFT, 'draft.mp3', 'draft: true\n'),
  'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: true\n'),
  'content/en/guides/evacuation-map.md': `---\ntitle: The evacuation map ${DRAFT}\nsummary: Half translated ${DRAFT}.\ndraft: true\napp: Early warning\nplatforms: [web]\nminutes: 3\n---\n\n1. Open the commune's website.\n`,
};

/** A pattern matching a text as written. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a site with drafts', () => {
  const site = changedFixture(work, 'drafts', DRAFTS, 'campaign');
  const dist = join(work, 'drafts-dist');
  let files: string[] = [];
  beforeAll(() => {
    const result = runBuild(site, dist);
    expect(result.status, result.output).toBe(0);
    files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  });
  const text = (file: string) => readFileSync(join(dist, file), 'utf8');
  const textFiles = () => files.filter((f) => /\.(html|xml|json|txt|ics|js|yml|webmanifest)$/.test(f));

  it('passes the check, the draft’s placeholders and all, which counts the drafts apart', () => {
    const checked = runCommand('check', site);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/Content is fine: \d+ pages in \d+ locales, \d+ posters, and [2-9]\d* drafts not published/);
  });

  it('builds no page, fallback, share image, embed card or recording for a draft', () => {
    expect(files.filter((f) => DRAFT_PATH.test(f))).toEqual([]);
    // The published message next to them is there, so the paths above would be found.
    expect(files).toContain('vi/messages/drill/index.html');
    expect(files.filter((f) => /^audio\/drill-\w+\.mp3$/.test(f))).toHaveLength(1);
    for (const file of ['vi/messages/drill/share.png', 'vi/embed/guides/evacuation-map/index.html', 'en/guides/evacuation-map/index.html'])
      expect(files).toContain(file);
  });

  it('leaves drafts out of every list, feed, sitemap, calendar, schedule and the home page', () => {
    for (const file of [
      'vi/index.html',
      'vi/messages/index.html',
      'vi/messages/feed.xml',
      'vi/messages/feed.json',
      'vi/messages/podcast.xml',
      'vi/broadcast/index.html',
      'vi/broadcast/broadcast.ics',
    ])
      expect(text(file), file).toContain(PUBLISHED);
    expect(text('sitemap.xml')).toContain('/vi/messages/drill/');
    expect(text('vi/guides/index.html')).toContain('Xem bản đồ điểm sơ tán gần nhà');
    const leaks = textFiles().filter((f) => text(f).includes(DRAFT) || (!f.startsWith('status') && DRAFT_PATH.test(text(f))));
    expect(leaks).toEqual([]);
  });

  it('leaves drafts out of the search index', () => {
    const fragments = join(dist, 'pagefind/fragment');
    const indexed = readdirSync(fragments).map((f) =>
      gunzipSync(readFileSync(join(fragments, f)))
        .subarray(12)
        .toString('utf8'),
    );
    expect(indexed.some((fragment) => fragment.includes(PUBLISHED))).toBe(true);
    expect(indexed.filter((fragment) => fragment.includes(DRAFT))).toEqual([]);
  });

  it('shows a locale whose translation is a draft the fallback, as if it were not written', () => {
    for (const locale of ['en', 'zh']) {
      const $ = page(dist, `${locale}/guides/evacuation-map/index.html`);
      expect($('main h1').text(), locale).toBe('Xem bản đồ điểm sơ tán gần nhà');
      expect($('main h1').closest('[lang]').attr('lang'), locale).toBe('vi');
    }
  });

  it('shows drafts as drafts in the translation status, not as published and without a link', () => {
    const report = JSON.parse(runCommand('translations', site, '--json').stdout) as TranslationReport;
    expect(report.rows.find((r) => r.slug === 'draft-guide')?.states).toEqual({ vi: 'draft', en: 'missing', zh: 'missing' });
    expect(report.rows.find((r) => r.slug === 'evacuation-map')?.states).toMatchObject({ vi: 'source', en: 'draft' });
    expect(report.counts.en).toMatchObject({ draft: 1 });
    const printed = runCommand('translations', site).stdout;
    expect(printed).toMatch(/^en: .*, 1 drafts /m);
    expect(printed).toMatch(/^ {2}draft +guides\/evacuation-map$/m);

    const $ = page(dist, 'status/index.html');
    const row = $('tr').filter((_, tr) => $(tr).find('th code').text() === 'guides/draft-guide');
    expect(
      row
        .find('td')
        .map((_, td) => $(td).attr('class'))
        .get(),
    ).toEqual(['state-draft', 'state-missing', 'state-missing']);
    expect(row.find('a')).toHaveLength(0);
    const map = $('tr').filter((_, tr) => $(tr).find('th code').text() === 'guides/evacuation-map');
    expect(map.find('td.state-draft').text()).toBe('bản nháp');
    expect(map.find('td.state-draft a')).toHaveLength(0);
  });
});

describe('npm run check with drafts', () => {
  const checked = (name: string, changes: Record<string, Change>) => runCommand('check', changedFixture(work, name, changes, 'campaign'));

  it('reports a draft’s problems with file and line, like any page’s', () => {
    const result = checked('bad-draft', { 'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: true\n').replace('minutes: 3', 'minutes: three') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/content\/vi\/guides\/draft-guide\.md\n {2}line 7 +minutes: expected a number, found "three"/);
  });

  it('refuses placeholder text from npm run new in a page to publish, naming each line and saying it may stay a draft', () => {
    const result = checked('placeholders', { 'content/vi/guides/draft-guide.md': scaffoldedGuide('') });
    expect(result.status).toBe(1);
    for (const [line, placeholder] of [
      [9, 'A short introduction.'],
      [11, 'The first step, one short sentence.'],
      [12, 'The second step.'],
      [13, 'The third step.'],
    ] as const)
      expect(result.stderr).toMatch(
        new RegExp(
          `line ${line} +body: still the placeholder "${literally(placeholder)}" written by npm run new; replace it with the guide's own text \\(the page can stay a draft \\(draft: true\\) until it is written\\)`,
        ),
      );
    // The same file as a draft passes (see the site above); with draft: false it does not.
    expect(checked('placeholders-false', { 'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: false\n') }).status).toBe(1);
  });

  it('refuses a link from a published page to a draft, with file and line', () => {
    const map = readFileSync(join(ROOT, 'tests/fixtures/campaign/content/vi/guides/evacuation-map.md'), 'utf8');
    const lines = map.split('\n').length;
    const result = checked('link-to-draft', {
      'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: true\n'),
      'content/vi/guides/evacuation-map.md': `${map}\nXem thêm [hướng dẫn mới](draft-guide.md).\n`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `content/vi/guides/evacuation-map\\.md\\n {2}line ${lines + 1} +link: ${literally('links to draft-guide.md, a draft (draft: true), which is not published: a reader would find no page there; publish it first (remove draft: true) or remove the link')}`,
      ),
    );
    // A draft may link to a draft.
    const fromDraft = checked('link-between-drafts', {
      'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: true\n'),
      'content/vi/guides/other-draft.md': `${scaffoldedGuide('draft: true\n')}\nXem [hướng dẫn](draft-guide.md).\n`,
    });
    expect(fromDraft.stderr).toBe('');
    expect(fromDraft.status).toBe(0);
  });

  it('refuses a poster whose target is a draft', () => {
    const result = checked('poster-to-draft', {
      'content/vi/guides/draft-guide.md': scaffoldedGuide('draft: true\n'),
      'content/posters/draft.yaml': 'code: q4t\ntarget: vi/guides/draft-guide\nplace: Chợ\ndate: 2025-10-01\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /content\/posters\/draft\.yaml\n +(?:line \d+ +)?target: targets content\/vi\/guides\/draft-guide, a draft \(draft: true\), which is not published/,
    );
  });
});

describe('npm run new', () => {
  it('writes drafts: a new page and a new translation, which pass the check until they are published with their placeholders', () => {
    const dir = changedFixture(work, 'new', {}, 'campaign');
    expect(runCommand('new', dir, 'guide', 'open-the-app').status).toBe(0);
    expect(runCommand('new', dir, 'translate', 'zh', 'guides/evacuation-map').status).toBe(0);
    const guide = join(dir, 'content/vi/guides/open-the-app.md');
    expect(readFileSync(guide, 'utf8')).toMatch(/^---\ntitle: Open the app\ndraft: true\n/);
    expect(readFileSync(join(dir, 'content/zh/guides/evacuation-map.md'), 'utf8')).toMatch(/^draft: true$/m);
    expect(runCommand('check', dir).status).toBe(0);

    writeFileSync(guide, readFileSync(guide, 'utf8').replace('draft: true\n', ''));
    const published = runCommand('check', dir);
    expect(published.status).toBe(1);
    expect(published.stderr).toMatch(
      /content\/vi\/guides\/open-the-app\.md\n {2}line 3 +summary: still the placeholder "One or two sentences on what the reader will be able to do\." written by npm run new/,
    );
    expect(published.stderr).toContain('the page can stay a draft (draft: true) until it is written');
  });
});
