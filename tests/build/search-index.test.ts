import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, MAX_FRAGMENTS } from '../../src/search/build-index.ts';

/** A built page as Loa writes a guide: the article marked for Pagefind, between a header and a footer it must not index. */
const page = (lang: string, title: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><header>Menu words</header>` +
  `<main><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></main><footer>Footer words</footer></body></html>`;

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'loa-index-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const entry = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };

describe('the search index of a built site', () => {
  it('indexes each language’s marked pages, under the base path, and on a second build takes unchanged languages from the cache', async () => {
    const dir = site({
      'vi/guides/cai-dat/index.html': page('vi', 'Cài đặt ứng dụng', 'Mở cửa hàng Đường dẫn'),
      'vi/guides/mo/index.html': page('vi', 'Mở ứng dụng', 'Nhấn vào biểu tượng'),
      'en/guides/install/index.html': page('en', 'Install the app', 'Open the store'),
      'vi/index.html': '<!DOCTYPE html><html lang="vi"><body><p>A list, not indexed</p></body></html>',
    });
    const cache = `${dir}-cache`; // beside the site, as the build cache is beside dist/
    const first = await buildSearchIndex(dir, '/campaign/', cache);
    expect(first).toEqual({ pages: 3, errors: [], indexed: ['en', 'vi'] });
    expect(Object.fromEntries(Object.entries(entry(dir).languages).map(([lang, { page_count }]) => [lang, page_count]))).toEqual({ en: 1, vi: 2 });
    // Pagefind's fragments (gzip) hold each page's address as its url meta, which search results
    // link to: the base path and the page's folder.
    const { gunzipSync } = await import('node:zlib');
    const fragments = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) => gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', f))).toString());
    const pages = fragments.map((f) => JSON.parse(f.slice(f.indexOf('{'))) as { content: string; meta: Record<string, string> });
    expect(pages.find((p) => p.meta.url === '/campaign/vi/guides/cai-dat/')?.content).toContain('Đường dẫn');
    expect(pages.map((p) => p.meta.url).sort()).toEqual(['/campaign/en/guides/install/', '/campaign/vi/guides/cai-dat/', '/campaign/vi/guides/mo/']);
    expect(fragments.join('')).not.toContain('Menu words');
    // Only the build's own folders are left in the cache: one finished index per language.
    expect(readdirSync(cache).sort()).toEqual([expect.stringMatching(/^en-[0-9a-f]{20}$/), expect.stringMatching(/^vi-[0-9a-f]{20}$/)]);

    writeFileSync(join(dir, 'en/guides/install/index.html'), page('en', 'Install the app', 'Open the app store'));
    const second = await buildSearchIndex(dir, '/campaign/', cache);
    expect(second).toEqual({ pages: 3, errors: [], indexed: ['en'] });
    // A page gone is gone from its language's index too.
    rmSync(join(dir, 'vi/guides/mo'), { recursive: true });
    expect(await buildSearchIndex(dir, '/campaign/', cache)).toEqual({ pages: 2, errors: [], indexed: ['vi'] });
    expect(entry(dir).languages.vi?.page_count).toBe(1);
  });

  it(`gives a language of more than ${MAX_FRAGMENTS} pages fragment files shared by a few pages each, every page in one of them`, async () => {
    const count = MAX_FRAGMENTS + 100;
    const pages: Record<string, string> = { 'en/guides/install/index.html': page('en', 'Install the app', 'Open the store') };
    for (let i = 0; i < count; i++) pages[`vi/guides/g${i}/index.html`] = page('vi', `Hướng dẫn ${i}`, `Từ riêng${i}`);
    const dir = site(pages);
    expect(await buildSearchIndex(dir, '/', `${dir}-cache`)).toEqual({ pages: count + 1, errors: [], indexed: ['en', 'vi'] });
    const { gunzipSync } = await import('node:zlib');
    const files = readdirSync(join(dir, 'pagefind', 'fragment'));
    const vi = files.filter((f) => f.startsWith('vi_'));
    expect(vi.length).toBeGreaterThan(0);
    expect(vi.length).toBeLessThanOrEqual(MAX_FRAGMENTS);
    // The small language keeps one file for its one page.
    expect(files.filter((f) => f.startsWith('en_'))).toHaveLength(1);
    const text = vi.map((f) => gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', f))).toString()).join('\n');
    for (let i = 0; i < count; i++) expect(text.split(`"url":"/vi/guides/g${i}/"`), `page ${i}`).toHaveLength(2);
  });

  it('of a site with no page to index still holds Pagefind’s files, with no language', async () => {
    const dir = site({ 'index.html': '<!DOCTYPE html><html lang="vi"><body><p>Nothing marked</p></body></html>' });
    const result = await buildSearchIndex(dir, '/', `${dir}-cache`);
    expect(result).toEqual({ pages: 0, errors: [], indexed: ['none'] });
    expect(readdirSync(join(dir, 'pagefind'))).toContain('pagefind.js');
    expect(entry(dir).languages).toEqual({});
  });
});
