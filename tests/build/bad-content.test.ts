import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild } from '../helpers/sites.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the minimal fixture with some files changed. */
const fixture = (name: string, changes: Record<string, Change>) => changedFixture(work, name, changes);

const guide = (frontMatter: string, body = '1. Open the app.\n') => `---\n${frontMatter}\n---\n\n${body}`;
const goodGuide = 'title: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: 3';
const settings = readFileSync(join(ROOT, 'tests/fixtures/minimal/content/site.yaml'), 'utf8');

/** Builds a broken fixture over a previous dist/; see failedBuild. Returns its errors. */
const failingBuild = (name: string, changes: Record<string, Change>) => failedBuild(fixture(name, changes));

describe('bad content fails the build with file, line, field and what was expected', () => {
  it('missing title', () => {
    const err = failingBuild('missing-title', { 'content/en/guides/first.md': guide('summary: S\napp: A\nplatforms: [android]\nminutes: 3') });
    expect(err).toContain('content/en/guides/first.md');
    expect(err).toMatch(/line 2 +title: required; expected a string, found nothing/);
  });

  it('a locale folder not in the settings', () => {
    const err = failingBuild('unknown-locale', { 'content/de/guides/first.md': guide(goodGuide) });
    expect(err).toMatch(/content\/de\/\n.*locale folder not in the settings; expected one of en, fr/);
  });

  it('unknown platform', () => {
    const err = failingBuild('platform', {
      'content/en/guides/first.md': guide('title: T\nsummary: S\napp: A\nplatforms:\n  - android\n  - windows\nminutes: 3'),
    });
    expect(err).toMatch(/line 7 +platforms\[1\]: expected one of android, ios, web; found "windows"/);
  });

  it('bad date', () => {
    const err = failingBuild('date', { 'content/en/messages/hello.md': '---\ntitle: Hello\nsummary: S\ndate: 2024-02-30\n---\n\nHi.\n' });
    expect(err).toMatch(/content\/en\/messages\/hello\.md\n +line 4 +date: expected a real date written as YYYY-MM-DD; found "2024-02-30"/);
  });

  it('duplicate slug', () => {
    const err = failingBuild('duplicate', { 'content/en/guides/first.mdx': guide(goodGuide) });
    expect(err).toMatch(/content\/en\/guides\/first\.mdx\n.*slug: duplicate slug "first": content\/en\/guides\/first\.md has the same one/);
  });

  it('a fallback to an undefined locale', () => {
    const err = failingBuild('fallback-undefined', { 'content/site.yaml': settings.replace('fallback: [en]', 'fallback: [de]') });
    expect(err).toMatch(/content\/site\.yaml\n +line 13 +locales\[1\]\.fallback\[0\]: fallback to an undefined locale; expected one of en, fr, found "de"/);
  });

  it('a fallback cycle', () => {
    const err = failingBuild('fallback-cycle', {
      'content/site.yaml': settings.replace('  - code: en\n    name: English', '  - code: en\n    name: English\n    fallback: [fr]'),
    });
    expect(err).toMatch(/locales\[0\]\.fallback: fallback cycle: en → fr → en/);
  });

  it('malformed front matter', () => {
    const broken = failingBuild('malformed', { 'content/en/guides/first.md': guide('title: "Unclosed\nsummary: S') });
    expect(broken).toMatch(/content\/en\/guides\/first\.md\n +line \d+ +malformed front matter: /);
    const unclosed = failingBuild('unclosed', { 'content/en/guides/first.md': '---\ntitle: T\n\n1. Step\n' });
    expect(unclosed).toMatch(/line 1 +malformed front matter: the opening --- has no closing --- line/);
  });

  it('unknown fields, labels, links and images', () => {
    const err = failingBuild('references', {
      'content/en/guides/first.md': guide(`${goodGuide}\ntitel: Typo`, '1. See [nothing](./missing.md).\n\n   ![A screen](./missing.png)\n'),
      'content/en/ui.yaml': 'guides: Guides\nguidez: Oops\n',
    });
    expect(err).toMatch(/line 7 +titel: unknown field/);
    expect(err).toMatch(/line 10 +link: links to \.\/missing\.md/);
    expect(err).toMatch(/line 12 +image: image \.\/missing\.png not found/);
    expect(err).toMatch(/content\/en\/ui\.yaml\n +line 2 +guidez: unknown UI string/);
  });

  it('lists every problem at once', () => {
    const err = failingBuild('many', {
      'content/en/guides/first.md': guide('summary: S\napp: A\nplatforms: [android]\nminutes: 3'),
      'content/en/messages/hello.md': '---\ntitle: Hello\nsummary: S\ndate: yesterday\n---\n',
      'content/de/guides/x.md': guide(goodGuide),
    });
    expect(err).toContain('Loa found 3 problems');
  });

  it('settings: a site address that is not absolute, from the environment too', () => {
    const dir = fixture('site-url', {});
    const result = runBuild(dir, join(dir, 'dist'), { SITE_URL: 'not-a-url' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SITE_URL \(environment\)\n.*site: expected an absolute address/);
  });
});

describe('bad posters fail the build', () => {
  const poster = (fields: string) => `code: ab2\ntarget: en/guides/first\npaper: A4\ndate: 2024-05-01\n${fields}`;

  it('a target that does not exist, with the closest slug suggested', () => {
    const err = failingBuild('poster-target', { 'content/posters/one.yaml': poster('').replace('en/guides/first', 'en/guides/frist') });
    expect(err).toMatch(/content\/posters\/one\.yaml\n +target: no guide "frist" in en or its fallbacks; did you mean en\/guides\/first\?/);
  });

  it('a target outside the site', () => {
    const err = failingBuild('poster-outside', { 'content/posters/one.yaml': poster('').replace('en/guides/first', 'https://elsewhere.example.com/x') });
    expect(err).toMatch(/line 2 +target: target outside the site/);
  });

  it('a duplicate code', () => {
    const err = failingBuild('poster-duplicate', { 'content/posters/one.yaml': poster(''), 'content/posters/two.yaml': poster('') });
    expect(err).toMatch(/content\/posters\/two\.yaml\n +code: duplicate code "ab2": content\/posters\/one\.yaml has the same one/);
  });

  it('characters outside the alphabet', () => {
    const err = failingBuild('poster-code', { 'content/posters/one.yaml': poster('').replace('code: ab2', 'code: O1l') });
    expect(err).toMatch(/line 1 +code: characters outside the alphabet \("O", "1", "l"\)/);
  });

  it('an unknown paper size or level', () => {
    const err = failingBuild('poster-paper', { 'content/posters/one.yaml': poster('level: X\n').replace('paper: A4', 'paper: Letter') });
    expect(err).toMatch(/line 3 +paper: expected one of A5, A4, A3; found "Letter"/);
    expect(err).toMatch(/line 5 +level: expected one of L, M, Q, H; found "X"/);
  });

  it('a site address that is not https, unless the build is a local preview', () => {
    const changes = { 'content/posters/one.yaml': poster(''), 'content/site.yaml': settings.replace('https://example.org', 'http://localhost:4321') };
    const err = failingBuild('poster-http', changes);
    expect(err).toMatch(
      /site: expected an https:\/\/ address \(http:\/\/ is accepted only for a local preview built with LOA_LOCAL_PREVIEW=1\); found "http:\/\/localhost:4321/,
    );
    const dir = fixture('poster-preview', changes);
    expect(runBuild(dir, join(dir, 'dist'), { LOA_LOCAL_PREVIEW: '1' }).status).toBe(0);
  });

  it('a published short link whose poster is gone', () => {
    const err = failingBuild('ledger', { 'content/published-links.yaml': '- code: zz9\n  date: 2024-05-01\n' });
    expect(err).toMatch(/content\/published-links\.yaml\n +zz9: published short link \/p\/zz9\/ has no poster/);
  });
});

describe('the ledger of printed links', () => {
  it('npm run posters -- --publish records codes, keeps comments, and the build then guards them', () => {
    const dir = fixture('publish', { 'content/posters/one.yaml': `code: ab2\ntarget: en/guides/first\ndate: 2024-05-01\n` });
    const publish = spawnSync(process.execPath, [join(ROOT, 'scripts/posters.ts'), '--publish', 'ab2'], {
      env: { ...process.env, LOA_SITE_DIR: dir },
      encoding: 'utf8',
    });
    expect(publish.status).toBe(0);
    const ledger = readFileSync(join(dir, 'content/published-links.yaml'), 'utf8');
    expect(ledger).toMatch(/^# Short links that went to print/);
    expect(ledger).toMatch(/- code: ab2\n {2}date: \d{4}-\d{2}-\d{2}/);
    const unknown = spawnSync(process.execPath, [join(ROOT, 'scripts/posters.ts'), '--publish', 'nope'], {
      env: { ...process.env, LOA_SITE_DIR: dir },
      encoding: 'utf8',
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No poster has the code nope');
    rmSync(join(dir, 'content/posters/one.yaml'));
    const result = runBuild(dir, join(dir, 'dist'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('published short link /p/ab2/ has no poster');
  });
});

describe('renamed pages', () => {
  it('two pages claiming the same old slug, or an old slug that is still live, fail the build', () => {
    const err = failingBuild('renames', {
      'content/en/guides/first.md': guide(`${goodGuide}\npreviously: [start, second]`),
      'content/en/guides/second.md': guide(`${goodGuide}\npreviously: [start]`),
    });
    expect(err).toMatch(/content\/en\/guides\/first\.md\n.*previously: old slug "second" is the slug of a live page \(guides\/second\)/);
    expect(err).toMatch(/content\/en\/guides\/second\.md\n.*previously: old slug "start" is also claimed by content\/en\/guides\/first\.md/);
  });
});
