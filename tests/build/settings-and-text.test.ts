import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild } from '../helpers/sites.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the minimal fixture (or another) with some files changed. */
const fixture = (name: string, changes: Record<string, Change>, from = 'minimal') => changedFixture(work, name, changes, from);

/** Builds a broken fixture over a previous dist/; see failedBuild. Returns its errors. */
const failingBuild = (name: string, changes: Record<string, Change>, env: Record<string, string> = {}) => failedBuild(fixture(name, changes), env);

const settings = readFileSync(join(ROOT, 'tests/fixtures/minimal/content/site.yaml'), 'utf8');
const guide = (frontMatter: string) => `---\n${frontMatter}\n---\n\n1. Open the app.\n`;
const goodGuide = 'title: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: 3';

describe('the site address', () => {
  it('with a path, in site.yaml, is refused with a pointer to base', () => {
    const err = failingBuild('site-path', { 'content/site.yaml': settings.replace('https://example.org', 'https://example.org/campaign') });
    expect(err).toMatch(
      /content\/site\.yaml\n +line 1 +site: expected the address without a path; the path belongs in the base: write site: https:\/\/example\.org and base: \/campaign\//,
    );
  });

  it('with a path, from SITE_URL, is refused naming the variable', () => {
    const err = failingBuild('site-url-path', {}, { SITE_URL: 'https://host.example/campaign/' });
    expect(err).toMatch(/SITE_URL \(environment\)\n +site: expected the address without a path; .*base: \/campaign\//);
  });

  it('over http:// is refused, unless the build is a local preview', () => {
    const changes = { 'content/site.yaml': settings.replace('https://example.org', 'http://example.org') };
    const err = failingBuild('site-http', changes);
    expect(err).toMatch(/line 1 +site: expected an https:\/\/ address \(http:\/\/ is accepted only for a local preview built with LOA_LOCAL_PREVIEW=1\)/);
    const dir = fixture('site-http-preview', changes);
    expect(runBuild(dir, join(dir, 'dist'), { LOA_LOCAL_PREVIEW: '1' }).status).toBe(0);
  });
});

describe('the base path', () => {
  it.each([
    ['//evil.example/', 'an empty segment \\(two slashes in a row\\)'],
    ['/a;b/', 'the character ";"'],
    ['/a b/', 'the character " "'],
    ['/{x}/', 'the character "\\{"'],
    ['/a\nb/', 'the character "\\\\n"'],
    ['/../', 'the segment "\\.\\."'],
  ])('BASE_PATH=%j is refused with a message naming the variable', (base, what) => {
    const err = failingBuild(`base-${readdirSync(work).length}`, {}, { BASE_PATH: base });
    expect(err).toMatch(
      new RegExp(
        `BASE_PATH \\(environment\\)\\n +base: expected a path such as /campaign/ made of letters, digits, -, _, \\. and ~ between single slashes, not ${what}`,
      ),
    );
  });

  it('in site.yaml is refused with its line', () => {
    const err = failingBuild('base-yaml', {
      'content/site.yaml': settings.replace('site: https://example.org\n', 'site: https://example.org\nbase: /a%20b/\n'),
    });
    expect(err).toMatch(/content\/site\.yaml\n +line 2 +base: expected a path such as \/campaign\/ .*, not the character "%"; found "\/a%20b\/"/);
  });

  it('written without slashes gives the same site, search index, redirects and nginx map as /campaign/', () => {
    const dir = fixture('base-bare', {}, 'campaign');
    const out = join(work, 'bare');
    const reference = join(work, 'slashes');
    for (const [base, to] of [
      ['campaign', out],
      ['/campaign/', reference],
    ] as const) {
      const result = runBuild(dir, to, { BASE_PATH: base });
      expect(result.status, result.output).toBe(0);
    }
    const files = (root: string): string[] =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(join(root, f)).isFile())
        .sort();
    expect(files(out)).toEqual(files(reference));
    for (const file of files(out)) expect(readFileSync(join(out, file)), relative(out, join(out, file))).toEqual(readFileSync(join(reference, file)));
    expect(readFileSync(join(out, '_redirects'), 'utf8')).toMatch(/^\/campaign\/p\/\w+\/ \/campaign\/\w+\/guides\//m);
  });
});

describe('YAML', () => {
  it('an alias bomb in front matter is a problem at its line, not a ReferenceError', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    const err = failingBuild('alias-bomb', { 'content/en/guides/first.md': guide(`${goodGuide}\n${bomb.join('\n')}`) });
    expect(err).toMatch(/content\/en\/guides\/first\.md\n +line 8 +malformed front matter: aliases such as \*a copy their values too many times/);
  });

  it('__proto__ is an unknown field in front matter, site.yaml, ui.yaml and poster files', () => {
    // Settings come first: with a problem in them, nothing else is read, so they are tried apart.
    const settingsErr = failingBuild('proto-settings', {
      'content/site.yaml': settings.replace('  en: Minimal campaign', '  en: Minimal campaign\n  __proto__: x'),
    });
    expect(settingsErr).toMatch(/content\/site\.yaml\n +line 5 +name\.__proto__: unknown field/);
    const err = failingBuild('proto', {
      'content/en/guides/first.md': guide(`${goodGuide}\n__proto__: { title: X }`),
      'content/fr/ui.yaml': 'guides: Guides\n__proto__:\n  guides: x\n',
      'content/posters/one.yaml': 'code: ab2\ntarget: en/guides/first\ndate: 2024-05-01\n__proto__: x\n',
    });
    expect(err).toMatch(/content\/en\/guides\/first\.md\n +line 7 +__proto__: unknown field/);
    expect(err).toMatch(/content\/posters\/one\.yaml\n +line 4 +__proto__: unknown field/);
    expect(err).toMatch(/content\/fr\/ui\.yaml\n +line 2 +__proto__: unknown field/);
  });

  it('unknown keys come with a did-you-mean', () => {
    const err = failingBuild('did-you-mean', { 'content/site.yaml': settings.replace('    fallback: [en]', '    fallbacks: [en]') });
    expect(err).toMatch(/content\/site\.yaml\n +line 13 +locales\[1\]\.fallbacks: unknown field; did you mean fallback\?/);
    const second = failingBuild('did-you-mean-2', {
      'content/en/guides/first.md': guide('title: T\nsumary: S\napp: A\nplatforms: [android]\nminutes: 3'),
      'content/fr/ui.yaml': 'guidez: Guides\n',
      'content/posters/one.yaml': 'code: ab2\ntarget: en/guides/first\ndate: 2024-05-01\npapr: A4\n',
    });
    expect(second).toMatch(/content\/en\/guides\/first\.md\n(.*\n)* +line 3 +sumary: unknown field; did you mean summary\?/);
    expect(second).toMatch(/content\/fr\/ui\.yaml\n +line 1 +guidez: unknown UI string; did you mean guides\?/);
    expect(second).toMatch(/content\/posters\/one\.yaml\n +line 4 +papr: unknown field; did you mean paper\?/);
  });
});

describe('text', () => {
  it('a title of invisible characters is "expected some text", with file, line and field', () => {
    const err = failingBuild('invisible', { 'content/en/guides/first.md': guide(goodGuide.replace('title: T', 'title: "\u200B\u2060\u00AD\uFEFF"')) });
    expect(err).toMatch(/content\/en\/guides\/first\.md\n +line 2 +title: expected some text; found "<U\+200B><U\+2060><U\+00AD><U\+FEFF>"/);
  });

  it('a right-to-left override in a title is refused, and the message does not carry it', () => {
    const err = failingBuild('rlo', { 'content/en/messages/hello.md': '---\ntitle: "Invoice \u202Efdp.exe"\nsummary: S\ndate: 2024-05-01\n---\n\nHi.\n' });
    expect(err).toMatch(/content\/en\/messages\/hello\.md\n +line 2 +title: expected text without bidi controls, .*remove U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/);
    expect(err).not.toContain('\u202E');
  });

  it('a label with {constructor} or a placeholder its English text lacks is reported', () => {
    const err = failingBuild('label', { 'content/fr/ui.yaml': 'guides: Guides\nstepCount: "{constructor} étapes"\n' });
    expect(err).toMatch(/content\/fr\/ui\.yaml\n +line 2 +stepCount: unknown placeholder \{constructor\}; missing \{n\}; this label takes \{n\}/);
  });
});
