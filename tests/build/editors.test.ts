import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SITES, builtSite, runCommand } from '../helpers/sites.ts';
import { page, htmlFiles } from '../helpers/dist.ts';
import { loadContent } from '../../src/model/load-content.ts';
import { translationReport, type TranslationReport } from '../../src/model/translations.ts';

const CAMPAIGN = SITES.campaign.siteDir;
const work = mkdtempSync(join(tmpdir(), 'loa-editors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyOfMinimal(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'tests/fixtures/minimal'), dir, { recursive: true });
  return dir;
}

/** The translation status of a site folder, as `npm run translations -- --json` prints it. */
const statusOf = (siteDir: string) => JSON.parse(runCommand('translations', siteDir, '--json').stdout) as TranslationReport;

describe('npm run check', () => {
  it('passes good content and counts what it checked', () => {
    const result = runCommand('check', CAMPAIGN);
    expect(result.status).toBe(0);
    // 6 pages in vi, 4 in en, 2 in zh; 5 poster files.
    expect(result.stdout).toMatch(/Content is fine: 12 pages in 3 locales, 5 posters/);
  });

  it('lists every problem by file with lines, the same way the build does', () => {
    const dir = copyOfMinimal('check');
    writeFileSync(
      join(dir, 'content/en/guides/first.md'),
      '---\ntitle: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: three\n---\n\n1. Look: ![](../../images/none.png)\n',
    );
    const result = runCommand('check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /content\/en\/guides\/first\.md\n {2}line 6 +minutes: expected a number, found "three"\n {2}line 9 +image: image \.\.\/\.\.\/images\/none\.png not found[^\n]*\n {2}line 9 +image: image \.\.\/\.\.\/images\/none\.png has no alt text/,
    );
  });
});

describe('translation status', () => {
  it('reports translated, outdated, not tracked and missing pages', () => {
    const dir = copyOfMinimal('status');
    expect(runCommand('translations', dir, '--mark-current', 'fr').status).toBe(0);
    const fresh = statusOf(dir);
    expect(fresh.counts.fr).toEqual({ source: 0, current: 1, outdated: 0, unknown: 0, missing: 2, draft: 0 });

    // The source changes after the translation followed it: outdated.
    const source = join(dir, 'content/en/guides/first.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('1. Open the app.', '1. Open the app from the home screen.'));
    const after = statusOf(dir);
    expect(after.rows.find((r) => r.slug === 'first')?.states).toEqual({ en: 'source', fr: 'outdated' });
    const text = runCommand('translations', dir).stdout;
    expect(text).toMatch(/fr: 0 translated, 1 outdated, 0 not tracked, 2 missing/);
    expect(text).toMatch(/ {2}outdated {5}guides\/first/);
    expect(text).toMatch(/ {2}missing {6}messages\/hello/);

    // Marked current again after the translator's update.
    expect(runCommand('translations', dir, '--mark-current', 'fr', 'guides/first').stdout).toContain('content/fr/guides/first.md: follows en');
    expect(statusOf(dir).counts.fr?.current).toBe(1);
  });

  it('says plainly when a translation records no source', () => {
    const report = translationReport(loadContent(join(ROOT, 'tests/fixtures/minimal'), {}));
    expect(report.rows.find((r) => r.slug === 'first')!.states.fr).toBe('unknown');
  });

  it('counts translations that follow their sources and pages a locale lacks', () => {
    const report = translationReport(loadContent(CAMPAIGN, {}));
    expect(report.counts.en).toMatchObject({ current: 4, outdated: 0, unknown: 0, missing: 2 });
    expect(report.counts.zh).toMatchObject({ current: 2, outdated: 0, unknown: 0, missing: 4 });
  });

  it('the built site has a /status/ page for editors, not indexed and not linked from citizens’ pages', () => {
    const campaign = builtSite('campaign');
    const $ = page(campaign, 'status/index.html');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('tbody tr')).toHaveLength(6);
    const row = $('tbody tr').filter((_, el) => $(el).find('th').text() === 'guides/household-registration');
    expect(
      row
        .find('td')
        .map((_, el) => $(el).attr('class'))
        .get(),
    ).toEqual(['state-source', 'state-current', 'state-missing']);
    for (const file of htmlFiles(campaign).filter((f) => !f.startsWith('status/') && !f.startsWith('posters/')))
      expect(page(campaign, file)('a[href*="/status/"]'), file).toHaveLength(0);
  });
});

describe('npm run new', () => {
  it('creates valid files of each kind, refuses to overwrite, and explains bad arguments', () => {
    const dir = copyOfMinimal('new');
    expect(runCommand('new', dir, 'guide', 'install-app').stdout).toContain('Created content/en/guides/install-app.md');
    expect(runCommand('new', dir, 'message', 'second-message').stdout).toContain('Created content/en/messages/second-message.md');
    // A new page is a draft: no poster may lead to it until it is published.
    expect(runCommand('new', dir, 'poster', 'ab2', 'fr/guides/install-app').stderr).toContain('fr/guides/install-app is a draft (draft: true)');
    expect(runCommand('new', dir, 'poster', 'ab2', 'fr/guides/first').stdout).toContain('Created content/posters/ab2.yaml');
    expect(runCommand('new', dir, 'translate', 'fr', 'messages/second-message').stdout).toContain('Created content/fr/messages/second-message.md');
    expect(runCommand('check', dir).status).toBe(0);
    const translation = readFileSync(join(dir, 'content/fr/messages/second-message.md'), 'utf8');
    expect(translation).toMatch(/follows: "[0-9a-f]{12}"/);
    expect(translation).toMatch(/^draft: true$/m);
    expect(statusOf(dir).rows.find((r) => r.slug === 'second-message')?.states.fr).toBe('draft');

    const before = readFileSync(join(dir, 'content/en/guides/install-app.md'), 'utf8');
    const again = runCommand('new', dir, 'guide', 'install-app');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(join(dir, 'content/en/guides/install-app.md'), 'utf8')).toBe(before);

    for (const [args, message] of [
      [['guide', 'Bad Slug'], 'lowercase letters, digits and hyphens'],
      [['poster', 'O0', 'en/guides/first'], 'characters outside the alphabet'],
      [['poster', 'cd3', 'en/guides/frist'], 'No page en/guides/frist'],
      [['poster', 'ab2', 'en/guides/first'], 'already used by content/posters/ab2.yaml'],
      [['translate', 'de', 'guides/first'], 'Name the locale to translate into (en, fr)'],
      [['translate', 'fr', 'nothing'], 'Name the page as guides/<slug>'],
      [['frob'], 'Unknown kind "frob"'],
      [[], 'Usage: npm run new'],
    ] as const) {
      const result = runCommand('new', dir, ...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(join(dir, 'content/posters/cd3.yaml'))).toBe(false);
  });
});
