import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { readBody } from '../../src/markdown/read-body.ts';
import { readerSteps } from '../../src/markdown/steps.ts';
import { keySteps } from '../../src/posters/key-steps.ts';
import { bodyMarkdown } from '../../src/markdown/satteri-plugin.ts';

const guide = (markdown: string) => readBody(markdown, { path: 'vi/guides/g.md', kind: 'guides' });
const message = (markdown: string) => readBody(markdown, { path: 'vi/messages/m.md', kind: 'messages' });

describe('steps', () => {
  it('are the items of top-level numbered lists: nested lists are not steps, text between lists does not end them', () => {
    const body = guide('Intro.\n\n1. One\n   1. not a step\n   - nor this\n2. Two\n\nA note between steps.\n\n3. Three\n\n   More about three.\n');
    expect(body.steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(body.steps.map((s) => s.line)).toEqual([3, 6, 10]);
  });
  it('are counted per platform section, and one reader follows the first platform’s', () => {
    const body = guide('Before you start:\n\n1. Charge the phone\n\n## Android\n\n1. A\n2. B\n\nThen:\n\n3. C\n\n## iPhone\n\n1. D\n\n## Help\n\n1. E\n');
    expect(body.platforms).toEqual(['android', 'ios']);
    expect(body.steps.map((s) => s.id)).toEqual(['step-1', 'android-step-1', 'android-step-2', 'android-step-3', 'ios-step-1', 'step-2']);
    expect(readerSteps(body.steps).map((s) => s.id)).toEqual(['step-1', 'android-step-1', 'android-step-2', 'android-step-3', 'step-2']);
  });
  it('agree with the page: the HTML numbers the same steps', () => {
    const body = guide('1. One\n   1. nested\n\nBetween.\n\n1. Two\n');
    expect(body.html).toContain('<li id="step-2" class="step">');
    expect(body.html).not.toContain('step-3');
    expect(body.steps).toHaveLength(2);
  });
  it('give the poster plain text: links keep their text, images, marks and later paragraphs go', () => {
    const body = guide(
      '1. Tap **Register** in the [app](./a.md).\n\n   ![The button](x.png)\n\n   A second paragraph.\n2. Type the *code*\n   from the message\n   - a nested item\n',
    );
    expect(keySteps(body, 'en')).toEqual({ steps: ['Tap Register in the app.', 'Type the code from the message'], more: false });
  });
  it('give the poster the first sentence of at most four steps of one platform, saying which and that there are more', () => {
    const body = guide(
      '## Android\n\n1. Open Play Store. It is on the home screen.\n2. Search.\n3. Install.\n4. Open.\n5. Allow alerts.\n\n## iPhone\n\n1. Open App Store.\n2. Get.\n',
    );
    expect(keySteps(body, 'en')).toEqual({ steps: ['Open Play Store.', 'Search.', 'Install.', 'Open.'], platform: 'android', more: true });
    expect(keySteps(body, 'en', undefined, 'ios')).toEqual({ steps: ['Open App Store.', 'Get.'], platform: 'ios', more: false });
    expect(keySteps(body, 'en', ['Get the app.'], 'ios')).toEqual({ steps: ['Get the app.'], platform: 'ios', more: true });
    const chinese = guide('1. 打开应用。然后点一下。\n');
    expect(keySteps(chinese, 'zh').steps).toEqual(['打开应用。']);
  });
});

describe('links and images', () => {
  it('are found in every Markdown spelling with their lines, and not inside code', () => {
    const body = guide(
      'See [a](./a.md).\n\n```\n[b](./b.md)\n```\n\nAnd `[c](./c.md)` and [d][ref] and ![alt text](<../../images/ảnh 1.png>).\n\n[ref]: ../messages/d.md#x\n',
    );
    expect(body.refs).toEqual([
      { kind: 'link', target: './a.md', text: 'a', line: 1 },
      { kind: 'link', target: '../messages/d.md#x', text: 'd', line: 7 },
      { kind: 'image', target: '../../images/%E1%BA%A3nh%201.png', text: 'alt text', line: 7 },
    ]);
  });
  it('are found in MDX bodies too, which are parsed and never run', () => {
    const body = readBody("export const code = 'A1';\n\n1. Enter <strong>{code}</strong>.\n2. See ![x](i.png)\n", { path: 'vi/guides/g.mdx', kind: 'guides' });
    expect(body.html).toBeUndefined();
    expect(body.steps.map((s) => s.id)).toEqual(['step-1', 'step-2']);
    expect(body.refs).toEqual([{ kind: 'image', target: 'i.png', text: 'x', line: 4 }]);
  });
  it('an MDX body that does not parse throws with its line', () => {
    expect(() => readBody('Fine.\n\n1. x <b>{a\n', { path: 'vi/guides/g.mdx', kind: 'guides' })).toThrow(/^3:/);
  });
});

describe('plain text', () => {
  it('has one paragraph per block and list items as dashes, for reading aloud', () => {
    expect(message('Hello **all** & welcome.\n\nSecond,  \nline.\n\n- One\n- [Two](./t.md)\n\n![pic](p.png)\n').text).toBe(
      'Hello all & welcome.\n\nSecond,\n\nline.\n\n- One\n\n- Two',
    );
  });
});

describe('HTML', () => {
  it('is what Astro’s Markdown processor writes for the same body', async () => {
    const renderer = await bodyMarkdown.createRenderer({ syntaxHighlight: false });
    const markdown =
      "Intro with a 'quote' and [a link](../messages/m.md#x).\n\n## Android\n\n1. One\n\n   ![Screen](../../images/s.png)\n\n## Other\n\n1. Two\n";
    const { code } = await renderer.render(markdown, { fileURL: pathToFileURL('/site/content/vi/guides/g.md'), frontmatter: {} });
    expect(guide(markdown).html).toBe(code);
  });
});
