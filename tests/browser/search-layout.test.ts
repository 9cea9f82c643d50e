import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';
import { axeViolations } from '../helpers/axe.ts';

// The search page as a citizen sees it on a cheap phone: results first, filters folded into one
// line with touch-size choices, every result labelled guide or message.
const env = browserAndSite('campaign-base');
/** WCAG 2.2's enhanced target size (2.5.5): 44 × 44 CSS px. */
const TARGET = 44;

/** Opens a locale's search page with `q` at a viewport size and waits for the results. */
async function searchAt(width: number, height: number, locale: string, q: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width, height } });
  await page.goto(`${env.origin}${env.base}${locale}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
  await page.locator('.search-results li').first().waitFor();
  return page;
}

describe('the search page on a 360 × 640 phone, in Chromium', () => {
  it.each([
    ['vi', 'cảnh báo'],
    ['en', 'warning'],
    ['zh', '安卓'],
  ])('%s: after a search for “%s” the first result starts on the first screen, below the field', async (locale, q) => {
    const page = await searchAt(360, 640, locale, q);
    const field = await page.locator('#search-page-q').boundingBox();
    const first = await page.locator('.search-results li').first().boundingBox();
    expect(first!.y).toBeGreaterThan(field!.y);
    expect(first!.y + 40).toBeLessThanOrEqual(640); // the title's first line at least
    if (process.env.SEARCH_SHOTS) await page.screenshot({ path: `${process.env.SEARCH_SHOTS}/${locale}-360.png`, fullPage: true });
    await page.close();
  });

  it('the filters fold into one line that says how many are chosen, and every choice is a 44 × 44 px target', async () => {
    const page = await searchAt(360, 640, 'vi', 'cảnh báo');
    const filters = page.locator('details.search-filters');
    expect(await filters.getAttribute('open')).toBeNull();
    const summary = page.locator('.search-filters summary');
    const closed = await summary.boundingBox();
    expect(closed!.height).toBeGreaterThanOrEqual(TARGET);
    await summary.click();
    const choices = await page.locator('.search-filters label').all();
    expect(choices.length).toBeGreaterThan(3);
    for (const choice of choices) {
      const box = await choice.boundingBox();
      expect(box!.height, await choice.innerText()).toBeGreaterThanOrEqual(TARGET);
      expect(box!.width, await choice.innerText()).toBeGreaterThanOrEqual(TARGET);
    }
    const before = await page.locator('.search-results li').count();
    await page.locator('.search-filters label', { hasText: 'Thông điệp' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length < n, before);
    expect(await summary.innerText()).toMatch(/\(1\)/);
    await page.locator('.search-filters label', { hasText: 'Android' }).click();
    await page.waitForFunction(() => document.querySelector('.search-filters summary')?.textContent?.includes('(2)'));
    if (process.env.SEARCH_SHOTS) await page.screenshot({ path: `${process.env.SEARCH_SHOTS}/vi-360-filters.png`, fullPage: true });
    await page.close();
  });

  it('on a wide screen the filters are open', async () => {
    const page = await searchAt(1280, 800, 'vi', 'cảnh báo');
    expect(await page.locator('details.search-filters').getAttribute('open')).not.toBeNull();
    expect(await page.locator('.search-filters input[value=android]').isVisible()).toBe(true);
    if (process.env.SEARCH_SHOTS) await page.screenshot({ path: `${process.env.SEARCH_SHOTS}/vi-1280.png` });
    await page.close();
  });

  it.each([
    ['vi', 'cảnh báo', 'Hướng dẫn', 'Thông điệp'],
    ['en', 'warning', 'Guide', 'Message'],
  ])('%s: every result says whether it is a guide or a message, and its title is larger than its excerpt', async (locale, q, guide, message) => {
    const page = await searchAt(360, 640, locale, q);
    const results = await page.locator('.search-results li').evaluateAll((items) =>
      items.map((li) => ({
        path: li.querySelector('a')!.pathname,
        type: li.querySelector('.search-type')?.textContent,
        title: parseFloat(getComputedStyle(li.querySelector('a')!).fontSize),
        excerpt: parseFloat(getComputedStyle(li.querySelector('p')!).fontSize),
      })),
    );
    expect(results.map((r) => r.path).some((p) => p.includes('/guides/'))).toBe(true);
    expect(results.map((r) => r.path).some((p) => p.includes('/messages/'))).toBe(true);
    for (const result of results) {
      expect(result.type, result.path).toBe(result.path.includes('/guides/') ? guide : message);
      expect(result.title, result.path).toBeGreaterThanOrEqual(result.excerpt * 1.2);
    }
    await page.close();
  });

  it('the number of results is still announced politely', async () => {
    const page = await searchAt(360, 640, 'en', 'warning');
    expect(await page.locator('.search-status').getAttribute('role')).toBe('status');
    expect(await page.locator('.search-status').innerText()).toMatch(/results? for “warning”/);
    await page.close();
  });

  it('in the header’s panel on a guide page too (a wide screen’s: a phone has a search link), each result says its type, legibly (axe)', async () => {
    const page = await env.browser.newPage({ viewport: { width: 768, height: 640 } });
    await page.goto(`${env.origin}${env.base}en/guides/alerts-on-android/`);
    await page.locator('#site-search').fill('warning');
    await page.locator('.search-panel .search-results li').first().waitFor();
    const types = await page.locator('.search-panel .search-type').allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(['Guide', 'Message']).toContain(type);
    expect(await axeViolations(page, '.search-panel')).toEqual([]);
    await page.close();
  });

  it.each([360, 1280])('%s px: the search page with results and filters open has no WCAG 2.2 AA violation', async (width) => {
    const page = await searchAt(width, 800, 'vi', 'cảnh báo');
    if (width < 640) await page.locator('.search-filters summary').click();
    await page.locator('.search-filters input[value=guide]').check();
    await page.waitForFunction(() => document.querySelector('.search-filters summary')?.textContent?.includes('(1)'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
