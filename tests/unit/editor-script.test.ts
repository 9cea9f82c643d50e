import { describe, expect, it } from 'vitest';
import { hasText, pageFingerprint, sourceLocale } from '../../src/admin/editor/fingerprint.ts';
import { followsNote } from '../../src/admin/editor/follows-field.ts';
import { pagePicturePaths } from '../../src/admin/editor/picture-paths.ts';
import { fieldName, fromFile, SOURCE_FIELD, toFile } from '../../src/admin/editor/yaml-file.ts';
import { fingerprint } from '../../src/model/translations.ts';

// The parts of the editor's script (src/admin/editor/) that decide something; the browser test
// (tests/browser/admin.test.ts) drives them in Sveltia.

describe("the editor's fingerprint of a translation's source", () => {
  it('is the one npm run translations computes, whatever the spacing around the body and without a summary', async () => {
    const pages = [
      { title: 'Đăng ký tiêm', summary: 'Trên điện thoại.', body: '1. Mở ứng dụng.\n2. Bấm Gửi.' },
      { title: 'Đăng ký tiêm', summary: 'Trên điện thoại.', body: '\n\n1. Mở ứng dụng.\n2. Bấm Gửi.\n\n' },
      { title: '注册', body: '一步' },
    ];
    for (const { body, ...data } of pages) expect(await pageFingerprint({ ...data, body })).toBe(fingerprint({ data: data as never, body }));
    expect(await pageFingerprint(pages[0]!)).toBe(await pageFingerprint(pages[1]!));
    expect(await pageFingerprint(pages[0]!)).not.toBe(await pageFingerprint({ ...pages[0]!, summary: 'Khác.' }));
  });

  it('is taken of the first locale in the site order with the page published, else of the first with the page', () => {
    const order = ['vi', 'en', 'zh'];
    const page = (title: string, draft?: boolean) => ({ title, body: 'x', draft });
    expect(sourceLocale({ en: page('A'), vi: page('B') }, order)).toBe('vi');
    expect(sourceLocale({ en: page('A'), vi: page('B', true) }, order)).toBe('en');
    expect(sourceLocale({ zh: page('A', true), vi: page('B', true) }, order)).toBe('vi');
    // A locale just added, with no text yet, is no source.
    expect(sourceLocale({ vi: { title: '', body: '' }, en: page('A') }, order)).toBe('en');
    expect(sourceLocale({}, order)).toBeUndefined();
    expect(hasText({ title: '', summary: '', body: '  \n' })).toBe(false);
  });
});

describe('what a translator reads under Follows', () => {
  it('says whether the translation follows the present source text', () => {
    expect(followsNote('vi', 'vi', undefined, undefined)).toMatch(/^This is the source text/);
    expect(followsNote('en', 'vi', 'abc123abc123', 'abc123abc123')).toBe('Follows the current Vietnamese text.');
    expect(followsNote('en', 'vi', 'abc123abc123', 'ffffffffffff')).toMatch(/^Written from an earlier Vietnamese text/);
    expect(followsNote('en', 'vi', '', 'ffffffffffff')).toMatch(/^Not recorded yet/);
    expect(followsNote('en', undefined, undefined, undefined)).toBe('');
  });
});

describe('pictures in a body saved from the editor', () => {
  it("are written relative to the page, as npm run check wants them, also when picked from the site's images", () => {
    expect(pagePicturePaths('1. Mở.\n   ![Màn hình](/content/images/a.png)\n![B](../../images/b.png)')).toBe(
      '1. Mở.\n   ![Màn hình](../../images/a.png)\n![B](../../images/b.png)',
    );
    // Only pictures of the content folder: a link to a page of the site stays as written.
    expect(pagePicturePaths('[Trang](/content/x) ![](/images/c.png)')).toBe('[Trang](/content/x) ![](/images/c.png)');
  });
});

describe('the settings and UI strings files saved from the editor', () => {
  const file = [
    '# Site settings: read by the build.',
    'site: https://example.org',
    'name:',
    '  vi: Chiến dịch',
    '  en: Campaign',
    'tagline:',
    '  vi: Một dòng',
    '  en: One line',
    '# Locales, in order.',
    'locales:',
    '  - code: vi',
    '    name: Tiếng Việt',
    '  - code: en',
    '    name: English',
    '    fallback: [ vi ]',
    'topics:',
    '  b: { vi: B }',
    '  a: { vi: A }',
    '',
  ].join('\n');

  it('change only what the editor changed, keeping comments, order and what it has no field for', () => {
    const data = fromFile(file) as { name: Record<string, string>; tagline: Record<string, string>; locales: object[]; topics?: unknown; loaSource: string };
    expect(data.loaSource).toBe(file);
    expect(SOURCE_FIELD).toBe('loaSource');
    data.name.en = 'The campaign';
    delete data.tagline.en; // emptied: left out when saved
    data.locales = data.locales.map((locale: object) => ({ ...locale, dir: 'ltr' })); // a default the editor adds
    delete data.topics; // a map it cannot show
    expect(toFile(data)).toBe(
      file
        .replace('  en: Campaign', '  en: The campaign')
        .replace('  en: One line\n', '')
        .replace('    name: Tiếng Việt\n', '    name: Tiếng Việt\n    dir: ltr\n')
        .replace('    fallback: [ vi ]\n', '    fallback: [ vi ]\n    dir: ltr\n'),
    );
    // Saved unchanged, the file is the same.
    expect(toFile(fromFile(file))).toBe(file);
  });

  it('give a label key with a dot a field name without one, and write it back as it was', () => {
    const data = fromFile('# Labels\nsearch: Tìm\nplatform.android: Android\n');
    expect(Object.keys(data)).toEqual(['search', 'platform__android', SOURCE_FIELD]);
    expect(fieldName('platform.android')).toBe('platform__android');
    expect(toFile({ ...data, platform__android: 'Điện thoại Android' })).toBe('# Labels\nsearch: Tìm\nplatform.android: Điện thoại Android\n');
  });
});
