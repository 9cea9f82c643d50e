import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { bodyFileOf, pageLink, shapeBody } from '../../src/markdown/shape-body.ts';
import { platformOfHeading, platformsOf } from '../../src/markdown/steps.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { loaBodyPlugin } from '../../src/markdown/satteri-plugin.ts';

describe('pageLink', () => {
  it('links to a page in the same locale relatively, so fallbacks keep the reader’s locale', () => {
    expect(pageLink('vi/guides/a.md', './b.md')).toBe('../../guides/b/');
    expect(pageLink('vi/guides/a.md', '../messages/m.md#x')).toBe('../../messages/m/#x');
  });
  it('links to another locale explicitly', () => {
    expect(pageLink('vi/guides/a.md', '../../en/guides/b.mdx')).toBe('../../../en/guides/b/');
  });
  it('leaves other links alone', () => {
    expect(pageLink('vi/guides/a.md', 'https://example.org/x.md')).toBeUndefined();
    expect(pageLink('vi/guides/a.md', '#step-2')).toBeUndefined();
  });
});

describe('platform sections', () => {
  it('recognises platform headings', () => {
    expect(platformOfHeading('Android')).toBe('android');
    expect(platformOfHeading('Trên iPhone')).toBe('ios');
    expect(platformOfHeading('Web')).toBe('web');
    expect(platformOfHeading('Website')).toBeUndefined();
    expect(platformsOf(parseBody('## Android\n\n1. x\n\n## iPhone\n\n1. y\n\n```\n## Web\n```\n', 'md'))).toEqual(['android', 'ios']);
  });
  it('reads where a body file sits', () => {
    expect(bodyFileOf('/site/content/vi/guides/a.md')).toEqual({ path: 'vi/guides/a.md', kind: 'guides' });
    expect(bodyFileOf('/site/src/pages/a.md')).toBeUndefined();
  });
});

describe('shapeBody through Sätteri', () => {
  const render = (markdown: string, path = '/s/content/vi/guides/g.md') =>
    markdownToHtml(markdown, { hastPlugins: [loaBodyPlugin], fileURL: new URL(`file://${path}`) }).html;

  it('numbers steps with stable anchors and a link to each', () => {
    const html = render('Intro.\n\n1. One\n2. Two\n\nBetween.\n\n1. Three\n');
    expect(html).toContain('<li id="step-1" class="step"><a class="step-number" href="#step-1">1</a>');
    expect(html).toContain('<li id="step-2" class="step">');
    expect(html).toMatch(/<ol class="steps" start="3">\s*<li id="step-3"/);
  });
  it('wraps platform sections and numbers their steps separately', () => {
    const html = render('## Android\n\n1. A\n2. B\n\n## iPhone\n\n1. C\n');
    expect(html).toContain('<section class="platform" data-platform="android"><h2 id="android">Android</h2>');
    expect(html).toContain('id="android-step-2"');
    expect(html).toContain('<li id="ios-step-1" class="step">');
  });
  it('loads the first image eagerly and leaves messages unnumbered', () => {
    const tree = shapeBody(
      {
        type: 'root',
        children: [
          { type: 'element', tagName: 'ol', properties: {}, children: [{ type: 'element', tagName: 'li', properties: {}, children: [] }] },
          { type: 'element', tagName: 'img', properties: { src: 'a.png' }, children: [] },
        ],
      },
      { path: 'vi/messages/m.md', kind: 'messages' },
    );
    expect(JSON.stringify(tree)).not.toContain('step-1');
    expect(JSON.stringify(tree)).toContain('"loading":"eager"');
  });
  it('leaves files outside content alone', () => {
    expect(render('1. One\n', '/s/src/x.md')).not.toContain('step-1');
  });
});
