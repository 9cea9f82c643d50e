import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';

// The campaign fixture: English falls back to the built-in plural forms of searchResults
// (`1 result` / `{n} results`); its topics have labels per locale in site.yaml.
const env = browserAndSite('campaign');

/** Opens a locale's search page with `q`; gives the status line and the number of results. */
async function search(page: Page, locale: string, q: string): Promise<{ status: string; count: number }> {
  await page.goto(`${env.origin}${env.base}${locale}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
  return { status: (await page.locator('.search-status').textContent()) ?? '', count: await page.locator('.search-results li').count() };
}

describe('search labels, in Chromium', () => {
  it('the number of results takes the plural form the count needs', async () => {
    const page = await env.browser.newPage();
    const one = await search(page, 'en', 'torch');
    expect(one.count).toBe(1);
    expect(one.status).toBe('1 result for “torch”');
    const several = await search(page, 'en', 'warning');
    expect(several.count).toBeGreaterThan(1);
    expect(several.status).toBe(`${several.count} results for “warning”`);
    await page.close();
  });

  it('the topic filter shows the topics by their labels in the page’s language', async () => {
    const page = await env.browser.newPage();
    await search(page, 'vi', 'cảnh báo');
    const topics = await page
      .locator('.search-filters input[name=topic]')
      .evaluateAll((boxes) => boxes.map((b) => (b.parentElement?.textContent ?? '').trim()));
    expect(topics).toEqual(['Sơ tán', 'Tình nguyện viên', 'Ứng dụng cảnh báo']);
    await page.close();
  });
});
