import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { buildSearchIndex, MAX_FRAGMENTS } from '../../src/search/build-index.ts';

// A language of more pages than MAX_FRAGMENTS, whose pages share fragment files (see
// tests/build/search-index.test.ts): Pagefind's script in the browser finds each page's text in its shared file.
const COUNT = MAX_FRAGMENTS + 100;
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loa-fragments-'));
  for (let i = 0; i < COUNT; i++) {
    const file = join(dir, `vi/guides/g${i}/index.html`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<!DOCTYPE html><html lang="vi"><body><article data-pagefind-body><h1>Hướng dẫn ${i}</h1><p>riêng${i}</p></article></body></html>`);
  }
  const { errors } = await buildSearchIndex(dir, '/', `${dir}-cache`);
  expect(errors).toEqual([]);
  [browser, site] = await Promise.all([launchBrowser(), serve(dir, '/')]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a search index whose pages share fragment files, in Chromium', () => {
  it.each([0, 277, COUNT - 1])('finds page %i with its title and address', async (i) => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/vi/guides/g0/`);
    // A string, for the test runner would rewrite an import() written here as code.
    const found = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search('riêng${i}');
      return Promise.all(results.map(async (result) => { const data = await result.data(); return [data.meta.url, data.meta.title]; }));
    })()`);
    expect(found).toEqual([[`/vi/guides/g${i}/`, `Hướng dẫn ${i}`]]);
    await page.close();
  });
});
