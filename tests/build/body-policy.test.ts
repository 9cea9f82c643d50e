import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFiles, page } from '../helpers/dist.ts';
import { builtSite, runBuild } from '../helpers/sites.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-body-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the minimal fixture with some files changed. */
const fixture = (name: string, changes: Record<string, Change>) => changedFixture(work, name, changes);

/** Builds a broken fixture over a previous dist/; see failedBuild. Returns its errors. */
const failingBuild = (name: string, changes: Record<string, Change>, env: Record<string, string> = {}) => failedBuild(fixture(name, changes), env);

// A guide's front matter takes lines 1–7 and a blank line follows: its body starts on line 9.
const guide = (body: string) => `---\ntitle: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: 3\n---\n\n${body}`;
const GUIDE = 'content/en/guides/hostile.md';

describe('a body with harmless formatting and links builds, and nothing executable or remote reaches a page', () => {
  const hostile = guide(
    [
      '1. Press <kbd>Ctrl</kbd> + <kbd title="the key">F</kbd>, then <mark>search</mark>. H<sub>2</sub>O, x<sup>2</sup>, <b lang="en" dir="ltr">bold</b>, <del datetime="2024-01-01">old</del> <ins>new</ins>.',
      '2. Call <a-not-a-link>ok</a-not-a-link> no, call [the hotline](tel:+84123456789), write to [us](mailto:help@example.org), or read [the ministry](https://moh.example.gov.vn/page?x=1#top).',
      '',
      '   <details open>',
      '   <summary>More</summary>',
      '',
      '   Text with `<script>alert(1)</script>` as code.',
      '   </details>',
      '',
      '3. A table: <table><tr><th scope="col" colspan="2">Head</th></tr><tr><td rowspan="1">a</td><td>b</td></tr></table>',
      '',
      '<!-- a note for editors -->',
      '',
      '```html',
      '<img src="https://tracker.example/x.png" onerror="alert(1)">',
      '```',
      '',
      'See [step 2](#step-2) and [the first guide](./first.md#step-1).',
      '',
    ].join('\n'),
  );

  it('fails the check only on the element that is not allowed', () => {
    const err = failingBuild('custom-element', { [GUIDE]: hostile });
    expect(err).toMatch(/content\/en\/guides\/hostile\.md\n +line 10 +html: <a-not-a-link> is not among the elements a body may use/);
    expect(err).toContain('Loa found 1 problem');
  });

  it('builds without it; every page is free of foreign script, handlers, javascript: and other origins', () => {
    const dir = fixture('hostile-allowed', { [GUIDE]: hostile.replace('<a-not-a-link>ok</a-not-a-link> no, call', 'call') });
    const out = join(dir, 'dist');
    const result = runBuild(dir, out);
    expect(result.status, result.output).toBe(0);

    const $ = page(out, 'en/guides/hostile/index.html');
    expect($('kbd[title="the key"]').text()).toBe('F');
    expect($('mark').text()).toBe('search');
    expect($('details[open] summary').text()).toBe('More');
    expect($('th[scope="col"][colspan="2"]').text()).toBe('Head');
    expect($('a[href="tel:+84123456789"]').text()).toBe('the hotline');
    expect($('code').first().text()).toBe('<script>alert(1)</script>');

    // Loa's own scripts are those of the untouched fixture's pages.
    const own = new Set(htmlFiles(builtSite('minimal')).flatMap((file) => scriptsOf(page(builtSite('minimal'), file))));
    const files = htmlFiles(out);
    expect(files).toContain('fr/guides/hostile/index.html'); // the fallback page too
    for (const file of files) {
      const doc = page(out, file);
      for (const script of scriptsOf(doc)) expect(own, `${file}: a script that is not Loa's`).toContain(script);
      expect(unsafeOf(doc), file).toEqual([]);
    }
  });
});

/** A page's scripts: each one's src, or its text. */
function scriptsOf($: CheerioAPI): string[] {
  return $('script')
    .map((_, el) => $(el).attr('src') ?? $(el).text())
    .get();
}

/** What on a page could run script or load from another origin: event handlers, javascript: and data: URLs, remote resources. */
function unsafeOf($: CheerioAPI): string[] {
  const found: string[] = [];
  $('*').each((_, el) => {
    if (!('attribs' in el)) return; // script and style elements are elements too
    for (const [name, value] of Object.entries(el.attribs)) {
      const where = `<${el.name} ${name}="${value}">`;
      if (/^on/i.test(name)) found.push(`handler ${where}`);
      // A data: image or icon (Loa's own) runs nothing; a data: document or script can.
      const dataRuns = /^\s*data:/i.test(value) && !['link', 'img', 'source'].includes(el.name);
      if ((/^\s*(javascript|vbscript):/i.test(value) || dataRuns) && name !== 'content') found.push(`script URL ${where}`);
      const loads = ['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background'].includes(name) || (name === 'href' && el.name !== 'a');
      if (loads && /(^|\s|,)(https?:)?\/\/(?!example\.org\/)/i.test(value) && !(el.name === 'link' && /^(canonical|alternate)$/.test(el.attribs.rel ?? '')))
        found.push(`remote ${where}`);
      if (name === 'style' && /url\(/i.test(value)) found.push(`style URL ${where}`);
    }
    if (['iframe', 'object', 'embed', 'frame', 'applet'].includes(el.name)) found.push(`element <${el.name}>`);
  });
  $('style').each((_, el) => {
    if (/url\(\s*['"]?(https?:)?\/\//i.test($(el).text())) found.push('remote url() in <style>');
  });
  return found;
}

describe('each refused construct fails the build with file, line and field, and keeps the previous dist/', () => {
  it.each([
    ['script', '<script>alert(1)</script>', /line 11 +html: <script> is not allowed: a page may not run script/],
    ['iframe', '<iframe src="https://evil.example/"></iframe>', /line 11 +html: <iframe> is not allowed: a page may not load or run anything/],
    ['style', '<style>body { background: url(https://evil.example/x.png) }</style>', /line 11 +html: <style> is not allowed/],
    ['object', '<object data="https://evil.example/x.swf"></object>', /line 11 +html: <object> is not allowed/],
    ['embed', '<embed src="https://evil.example/x.swf">', /line 11 +html: <embed> is not allowed/],
    ['form', '<form action="https://evil.example/"><input name="pin"></form>', /line 11 +html: <form> is not allowed: a page may not ask readers for anything/],
    ['handler', '<b onerror="alert(1)">x</b>', /line 11 +html: onerror= on <b> is not allowed: an event handler runs script; remove it/],
    ['style-url', '<span style="background: url(https://evil.example/t.png)">x</span>', /line 11 +html: style= on <span> is not allowed/],
    [
      'raw-img',
      '<img src="https://tracker.example/x.png" alt="x">',
      /line 11 +html: <img> is not allowed; write an image as Markdown .*!\[description\]\(\.\.\/\.\.\/images\/name\.png\)/,
    ],
    ['javascript', '[x](javascript:alert(1))', /line 11 +link: links to a javascript: address, which a page may not have/],
    ['data', '[x](data:text/html;base64,PHNjcmlwdD4=)', /line 11 +link: links to a data: address/],
    ['vbscript', '[x](vbscript:msgbox)', /line 11 +link: links to a vbscript: address/],
    ['file', '[x](file:///etc/passwd)', /line 11 +link: links to a file: address/],
    ['http', '[x](http://example.com/)', /line 11 +link: links to http:\/\/example\.com\/, an http: address .*; write it with https:\/\//],
    [
      'protocol-relative',
      '[x](//evil.example/x)',
      /line 11 +link: links to \/\/evil\.example\/x, an address without https: .*; write it as https:\/\/evil\.example\/x/,
    ],
    [
      'remote-image',
      '![A chart](https://tracker.example/chart.png)',
      /line 11 +image: image https:\/\/tracker\.example\/chart\.png is on another site; .*!\[A chart\]\(\.\.\/\.\.\/images\/name\.png\)/,
    ],
    [
      'root-image',
      '![A chart](/images/chart.png)',
      /line 11 +image: image \/images\/chart\.png is written from the site's root; write its path relative to this file: \.\.\/\.\.\/images\/chart\.png/,
    ],
    [
      'site-url',
      '[the first guide](/en/guides/first/)',
      /line 11 +link: links to \/en\/guides\/first\/, a page of this site written as an address; write its Markdown file instead, \[the first guide\]\(\.\/first\.md\)/,
    ],
    [
      'own-address',
      '[x](https://example.org/fr/guides/frist)',
      /line 11 +link: links to https:\/\/example\.org\/fr\/guides\/frist, which is not a page of this site; did you mean \.\.\/\.\.\/fr\/guides\/first\.md\?/,
    ],
    [
      'missing-anchor',
      '[x](./first.md#step-9)',
      /line 11 +link: links to \.\/first\.md#step-9, a step that page does not have \(it has step-1 to step-2\); did you mean \.\/first\.md#step-1\?/,
    ],
    [
      'missing-page',
      '[x](../guides/frist.md)',
      /line 11 +link: links to \.\.\/guides\/frist\.md, which is not a guide or message .*did you mean \.\/first\.md\?/,
    ],
  ])('%s', (name, construct, expected) => {
    const err = failingBuild(`refused-${name}`, { [GUIDE]: guide(`1. Open the app.\n\n${construct}\n`) });
    expect(err).toMatch(new RegExp(`content/en/guides/hostile\\.md\\n +${expected.source}`));
  });

  it('a guide with no numbered steps', () => {
    const err = failingBuild('no-steps', { [GUIDE]: guide('Open the app, then tap Register.\n') });
    expect(err).toMatch(
      /content\/en\/guides\/hostile\.md\n +line 9 +steps: a guide needs numbered steps, and this one has none; write each step as an item of a numbered list/,
    );
  });
});

describe('MDX cannot run code', () => {
  it('an import of child_process is refused before Astro compiles it: no command runs', () => {
    const marker = join(work, 'ran-a-command');
    const err = failingBuild('mdx-import', {
      'content/en/guides/run.mdx': guide(
        `import { execSync } from 'node:child_process';\n\nexport const out = execSync('touch ${marker}');\n\n1. Step {out}.\n`,
      ),
    });
    expect(err).toMatch(/content\/en\/guides\/run\.mdx\n +line 9 +mdx: import and export are not allowed: they would run code when the site is built/);
    expect(err).toMatch(/line 11 +mdx: import and export are not allowed/);
    expect(err).toMatch(/line 13 +mdx: \{out\} is not allowed: an expression runs code/);
    expect(existsSync(marker)).toBe(false);
  });

  it('an expression reading the environment is refused, and the secret reaches no output', () => {
    const secret = 'loa-test-secret-4f1c9a';
    const err = failingBuild('mdx-env', { 'content/en/guides/env.mdx': guide('1. The code is {process.env.LOA_TEST_SECRET}.\n') }, { LOA_TEST_SECRET: secret });
    expect(err).toMatch(
      /content\/en\/guides\/env\.mdx\n +line 9 +mdx: \{process\.env\.LOA_TEST_SECRET\} is not allowed: an expression runs code when the site is built \(it could read secrets or files\)/,
    );
    expect(err).not.toContain(secret);
  });
});
