import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refIssues, type SiteRefs } from '../../src/markdown/check-refs.ts';
import { classifyLink } from '../../src/markdown/link-policy.ts';
import { readBody } from '../../src/markdown/read-body.ts';

const guide = (body: string) => readBody(body, { path: 'vi/guides/g.md', kind: 'guides' });
const mdxGuide = (body: string) => readBody(body, { path: 'vi/guides/g.mdx', kind: 'guides' });
const message = (body: string) => readBody(body, { path: 'vi/messages/m.md', kind: 'messages' });
const issuesOf = (body: string) => message(body).issues.map((i) => [i.line, i.field, i.message]);

describe('bidi controls in a body', () => {
  it('are refused at their line, named by code point; direction marks pass', () => {
    expect(issuesOf('Hello.\n\nSee invoice \u202Efdp.exe today.\n')).toEqual([
      [3, 'text', 'U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed: it shows the line in another order than it is written; remove it'],
    ]);
    expect(issuesOf('مرحبا \u200Fabc\u200E.\n')).toEqual([]);
  });
});

describe('raw HTML in Markdown', () => {
  it('harmless formatting passes and reaches the page unchanged', () => {
    const body = message(
      'Press <kbd>Ctrl</kbd> and <mark title="note">this</mark>, H<sub>2</sub>O, <b lang="en">bold</b>.\n\n<details open>\n<summary>More</summary>\n\nText.\n</details>\n\n<!-- a note -->\n\n<table><tr><td colspan="2">x</td></tr></table>\n',
    );
    expect(body.issues).toEqual([]);
    expect(body.html).toContain('<kbd>Ctrl</kbd>');
    expect(body.html).toContain('<mark title="note">this</mark>');
    expect(body.html).toContain('<td colspan="2">x</td>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script> is not allowed: a page may not run script/],
    ['<style>body { background: url(https://evil.example/x.png) }</style>', /<style> is not allowed/],
    ['<iframe src="https://evil.example/"></iframe>', /<iframe> is not allowed: a page may not load or run anything/],
    ['<object data="x.swf"></object>', /<object> is not allowed/],
    ['<embed src="x.swf">', /<embed> is not allowed/],
    ['<form action="https://evil.example/"><input name="pin"></form>', /<form> is not allowed: a page may not ask readers for anything/],
    [
      '<img src="https://tracker.example/x.png" alt="">',
      /<img> is not allowed; write an image as Markdown with its file in the content folder: !\[description\]\(\.\.\/\.\.\/images\/name\.png\)/,
    ],
    ['<a href="javascript:alert(1)">x</a>', /<a> is not allowed; write a link as Markdown/],
    ['<svg onload="alert(1)"></svg>', /<svg> is not allowed/],
    ['<center>old</center>', /<center> is not among the elements a body may use \(abbr, b, /],
  ])('%s is refused at its line, saying what to write instead', (html, message) => {
    const issues = issuesOf(`Intro.\n\n${html}\n`);
    expect(issues[0]).toEqual([3, 'html', expect.stringMatching(message)]);
  });

  it.each([
    ['<b onclick="alert(1)">x</b>', /onclick= on <b> is not allowed: an event handler runs script/],
    ['<span ONERROR=alert(1)>x</span>', /onerror= on <span> is not allowed: an event handler runs script/],
    ['<span style="background:url(https://evil.example/x)">x</span>', /style= on <span> is not allowed: the site's own style applies/],
    ['<span class="step">x</span>', /class= on <span> is not allowed/],
    ['<span id="step-1">x</span>', /id= on <span> is not allowed/],
    ['<q cite="https://evil.example/">x</q>', /cite= on <q> is not allowed: addresses are written as Markdown links/],
    ['<div srcset="https://evil.example/ 1x">x</div>', /srcset= on <div> is not allowed: addresses are written as Markdown links/],
  ])('an attribute: %s', (html, message) => {
    expect(issuesOf(`${html}\n`)).toEqual([[1, 'html', expect.stringMatching(message)]]);
  });

  it('is found at its own line inside a block of HTML, and inside code it is only text', () => {
    const body = message('<div>\nfine\n<span\n  onmouseover="x()">y</span>\n</div>\n\n`<script>` and\n\n```\n<script>alert(1)</script>\n```\n');
    expect(body.issues.map((i) => [i.line, i.message.slice(0, 14)])).toEqual([[4, 'onmouseover= o']]);
  });

  it('nothing is dropped from the page: a refused element is reported, never removed quietly', () => {
    const body = message('Call <marquee>now</marquee>.\n');
    expect(body.issues).toHaveLength(1);
    expect(body.html).toContain('now');
  });
});

describe('MDX runs no code', () => {
  it('Markdown and the same harmless elements pass', () => {
    expect(mdxGuide('1. Enter the code <strong>A1B2</strong>.\n2. Press <kbd title="key">OK</kbd>. {/* a note */}\n').issues).toEqual([]);
  });

  it.each([
    [
      "import { execSync } from 'node:child_process'\n\n1. Step.\n",
      /line 1: import and export are not allowed: they would run code .* remove "import \{ execSync \} from 'node:child_process'"/,
    ],
    ['export const code = 1;\n\n1. Step.\n', /line 1: import and export are not allowed/],
    [
      '1. Step {process.env.SECRET}.\n',
      /line 1: \{process\.env\.SECRET\} is not allowed: an expression runs code when the site is built \(it could read secrets or files\)/,
    ],
    ['1. Step.\n\n{require("fs").readFileSync("/etc/passwd")}\n', /line 3: \{require\("fs"\)/],
    ['1. Step <Chart data="x" />.\n', /line 1: <Chart> is a component, and components are not allowed/],
    ['1. Step <x.y />.\n', /line 1: <x\.y> is a component/],
    ['1. Step <b onClick={() => 1}>x</b>.\n', /line 1: onClick= on <b> is not allowed: an event handler runs script/],
    ['1. Step <b title={process.env.SECRET}>x</b>.\n', /line 1: title=\{process\.env\.SECRET\} on <b> is not allowed: an expression runs code/],
    ['1. Step <b {...props}>x</b>.\n', /line 1: \{\.\.\.props\} on <b> is not allowed/],
    ['1. Step.\n\n<script>alert(1)</script>\n', /line 3: <script> is not allowed/],
    ['1. Step <img src="https://x.example/a.png" />.\n', /line 1: <img> is not allowed; write an image as Markdown/],
    ['1. Step <>x</>.\n', /line 1: a fragment <>…<\/> is not allowed/],
  ])('%s is refused at its line', (body, message) => {
    const issues = mdxGuide(body).issues.map((i) => `line ${i.line}: ${i.message}`);
    expect(issues).toEqual([expect.stringMatching(message)]);
    expect(mdxGuide(body).issues[0]!.field).toBe('mdx');
  });
});

describe('guides need numbered steps', () => {
  it('a guide without a numbered list is refused; a message needs none', () => {
    const [issue, ...more] = guide('Some text.\n\n- a bullet\n').issues;
    expect(more).toEqual([]);
    expect([issue?.line, issue?.field]).toEqual([1, 'steps']);
    expect(issue?.message).toMatch(/a guide needs numbered steps, and this one has none; write each step as an item of a numbered list: "1\. Open the app\."/);
    expect(guide('Intro.\n\n1. Step.\n').issues).toEqual([]);
    expect(message('Some text.\n').issues).toEqual([]);
  });
});

describe('classifyLink', () => {
  const where = { path: 'vi/guides/g.md', site: 'https://loa.example.org', base: '/campaign/' };
  it.each([
    ['https://example.org/x', 'external'],
    ['mailto:a@example.org', 'external'],
    ['tel:+84123', 'external'],
    ['#step-2', 'fragment'],
    ['../messages/m.md#x', 'page-file'],
    ['/vi/guides/x/', 'site-path'],
    ['/campaign/vi/guides/x', 'site-path'],
    ['https://loa.example.org/campaign/vi/guides/x/', 'site-path'],
    ['../x/', 'site-path'],
    ['javascript:alert(1)', 'refused'],
    ['JavaScript:alert(1)', 'refused'],
    [' java\tscript:alert(1)', 'refused'],
    ['data:text/html,<script>x</script>', 'refused'],
    ['vbscript:x', 'refused'],
    ['file:///etc/passwd', 'refused'],
    ['http://example.org/', 'refused'],
    ['//evil.example/x', 'refused'],
    ['/\\evil.example/x', 'refused'],
  ])('%s is %s', (href, type) => {
    expect(classifyLink(href, where).type).toBe(type);
  });
  it('gives site paths below the base, with their anchor', () => {
    expect(classifyLink('/campaign/vi/guides/x/#step-2', where)).toEqual({ type: 'site-path', path: 'vi/guides/x/', hash: 'step-2', spelling: 'root' });
    expect(classifyLink('/vi/guides/x', where)).toEqual({ type: 'site-path', path: 'vi/guides/x', spelling: 'root' });
    expect(classifyLink('http://loa.example.org/campaign/en/messages/m/', where)).toMatchObject({ path: 'en/messages/m/', spelling: 'own-address' });
    expect(classifyLink('../other/', where)).toEqual({ type: 'site-path', path: 'vi/guides/other/', spelling: 'relative' });
  });
});

describe('links and images against the site', () => {
  const contentDir = mkdtempSync(join(tmpdir(), 'loa-refs-'));
  afterAll(() => rmSync(contentDir, { recursive: true, force: true }));
  mkdirSync(join(contentDir, 'images'));
  writeFileSync(join(contentDir, 'images/x.png'), '');
  const site: SiteRefs = {
    site: 'https://loa.example.org',
    base: '/',
    contentDir,
    chains: new Map([
      ['vi', ['vi']],
      ['en', ['en', 'vi']],
    ]),
    pages: new Map([
      ['vi/guides/setup-android', { ext: 'md', steps: ['android-step-1', 'android-step-2', 'ios-step-1'] }],
      ['vi/guides/g', { ext: 'md', steps: ['step-1', 'step-2'] }],
      ['vi/messages/get-vaccinated', { ext: 'mdx', steps: [] }],
    ]),
    kinds: ['guides', 'messages'],
  };
  const from = { path: 'vi/guides/g.md', steps: ['step-1', 'step-2'] };
  const link = (target: string, text = 'x') => refIssues({ kind: 'link', target, text, line: 4 }, from, site).map((i) => `${i.line} ${i.field}: ${i.message}`);
  const image = (target: string, text = 'A screen') =>
    refIssues({ kind: 'image', target, text, line: 4 }, from, site).map((i) => `${i.line} ${i.field}: ${i.message}`);

  it('Markdown files, anchors and addresses elsewhere that exist pass', () => {
    for (const target of [
      './setup-android.md',
      './setup-android.md#ios-step-1',
      '../messages/get-vaccinated.mdx',
      '#step-2',
      '#some-heading',
      'https://example.org',
      'mailto:a@b.c',
    ])
      expect(link(target), target).toEqual([]);
  });

  it('a page or step that does not exist, with a did-you-mean', () => {
    expect(link('./setup-andriod.md')).toEqual([
      expect.stringMatching(/^4 link: links to \.\/setup-andriod\.md, which is not a guide or message in content\/ .*did you mean \.\/setup-android\.md\?$/),
    ]);
    expect(link('./setup-android.md#android-step-9')).toEqual([
      '4 link: links to ./setup-android.md#android-step-9, a step that page does not have (it has android-step-1 to ios-step-1); did you mean ./setup-android.md#android-step-1?',
    ]);
    expect(link('#step-9')).toEqual(['4 link: links to #step-9, a step that page does not have (it has step-1 to step-2); did you mean #step-1?']);
    expect(link('./setup-android.md#step-1')[0]).toMatch(/a step that page does not have/);
  });

  it('a page written as a site address, in every spelling, is refused with its Markdown file to write', () => {
    for (const target of ['/vi/guides/setup-android/', '/vi/guides/setup-android', 'https://loa.example.org/vi/guides/setup-android/', '../setup-android/'])
      expect(link(`${target}#android-step-2`, 'the guide'), target).toEqual([
        expect.stringMatching(
          /^4 link: links to .*, a page of this site written as an address; write its Markdown file instead, \[the guide\]\(\.\/setup-android\.md#android-step-2\)/,
        ),
      ]);
    expect(link('/en/messages/get-vaccinated/')).toEqual([
      expect.stringMatching(/write its Markdown file instead, \[x\]\(\.\.\/\.\.\/en\/messages\/get-vaccinated\.mdx\)/),
    ]);
    expect(link('/vi/guides/setup-andriod/')).toEqual([
      '4 link: links to /vi/guides/setup-andriod/, which is not a page of this site; did you mean ./setup-android.md?',
    ]);
  });

  it('other addresses from the site root are refused with the relative spelling', () => {
    expect(link('/vi/search/')).toEqual([
      "4 link: links to /vi/search/, written from the site's root, which breaks when the site lives under a base path; write it relative to this page: ../../../vi/search/",
    ]);
  });

  it('schemes a page may not have', () => {
    expect(link('javascript:alert(1)')).toEqual([
      '4 link: links to a javascript: address, which a page may not have (it could run script or open a file); a link may be relative, https:, mailto: or tel:',
    ]);
    expect(link('http://example.org/')[0]).toMatch(/an http: address .*; write it with https:\/\//);
    expect(link('//evil.example/x')[0]).toMatch(/write it as https:\/\/evil\.example\/x/);
  });

  it('images must be files in the content folder, with the path to write', () => {
    expect(image('../../images/x.png')).toEqual([]);
    expect(image('https://tracker.example/x.png')).toEqual([
      '4 image: image https://tracker.example/x.png is on another site; a page may load nothing from elsewhere: save the picture in the content folder (e.g. content/images/) and write its path relative to this file, ![A screen](../../images/name.png)',
    ]);
    expect(image('//tracker.example/x.png')[0]).toMatch(/is on another site/);
    expect(image('data:image/png;base64,AAAA')[0]).toMatch(/is on another site/);
    expect(image('/images/x.png')).toEqual([
      "4 image: image /images/x.png is written from the site's root; write its path relative to this file: ../../images/x.png",
    ]);
    expect(image('../../../outside.png')[0]).toMatch(/is outside the content folder/);
    expect(image('../../images/y.png')).toEqual(['4 image: image ../../images/y.png not found; expected a file path relative to this file']);
    expect(image('../../images/x.png', ' ')[0]).toMatch(/has no alt text/);
  });
});
