import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';

const BASE = '/campaign/';

const env = browserAndSite('demo-base', BASE);

/** Opens the search page of a locale with `q` and returns the result paths in order. */
async function searchPage(page: Page, locale: string, q: string): Promise<string[]> {
  await page.goto(`${env.origin}${BASE}${locale}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
  return (await page.locator('.search-results li > a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
}

describe('search, in Chromium, under a base path', () => {
  it.each([
    ['vi', 'chứng nhận tiêm chủng', 'vi/guides/vaccination-certificate/'],
    ['vi', 'chung nhan tiem chung', 'vi/guides/vaccination-certificate/'],
    ['vi', 'so suc khoe dien tu android', 'vi/guides/install-android/'],
    ['vi', 'dang ky tai khoan', 'vi/guides/create-account/'],
    ['vi', 'duong den diem tiem', 'vi/messages/go-when-called/'],
    ['vi', 'đường đến điểm tiêm', 'vi/messages/go-when-called/'],
    ['en', 'vaccination certificate', 'en/guides/vaccination-certificate/'],
    ['en', 'create an account', 'en/guides/create-account/'],
    ['zh', '安卓', 'zh/guides/install-android/'],
  ])('%s: “%s” finds %s first', async (locale, q, expected) => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, locale, q);
    expect(results[0]).toBe(BASE + expected);
    await page.close();
  });

  it('shows excerpts of the real text, accents included, for a query typed without them', async () => {
    const page = await env.browser.newPage();
    await searchPage(page, 'vi', 'duong den diem tiem');
    const marks = await page.locator('.search-results li').first().locator('mark').allTextContents();
    expect(marks).toContain('đường');
    expect(await page.locator('.search-results').innerText()).not.toContain('⁂');
    await page.close();
  });

  it('keeps a query typed with accents ranking its exact matches first', async () => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, 'vi', 'Đăng ký');
    expect(results[0]).toBe(`${BASE}vi/guides/create-account/`);
    await page.close();
  });

  it('a Vietnamese query on an English page finds no Vietnamese page', async () => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, 'en', 'chứng nhận tiêm chủng');
    for (const path of results) expect(path.startsWith(`${BASE}en/`)).toBe(true);
    await page.close();
  });

  it('never returns fallback pages', async () => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, 'zh', 'Sổ sức khỏe điện tử');
    for (const path of results) expect(['install-android', 'install-iphone', 'vaccination-right-and-duty', 'install-the-app', 'go-when-called'].some((slug) => path.endsWith(`/${slug}/`))).toBe(true);
    await page.close();
  });

  it('each filter narrows the results', async () => {
    const page = await env.browser.newPage();
    const all = await searchPage(page, 'vi', 'sổ sức khỏe điện tử');
    expect(all.length).toBeGreaterThan(3);
    for (const [name, value] of [['type', 'message'], ['type', 'guide'], ['platform', 'ios']] as const) {
      const box = page.locator(`.search-filters input[name=${name}][value=${value}]`);
      await box.check();
      await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length < n, all.length);
      const narrowed = await page.locator('.search-results li > a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed.length).toBeLessThan(all.length);
      if (value === 'message') for (const p of narrowed) expect(p).toContain('/messages/');
      if (value === 'guide') for (const p of narrowed) expect(p).toContain('/guides/');
      await box.uncheck();
      await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length === n, all.length);
    }
    await page.close();
  });

  it('keeps q in the address as the reader types', async () => {
    const page = await env.browser.newPage();
    await searchPage(page, 'vi', 'tiêm');
    await page.locator('#search-page-q').fill('chứng nhận');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'chứng nhận');
    await page.close();
  });

  it('without JavaScript, the search page says so and lists every guide', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.origin}${BASE}vi/search/?q=tiem`);
    expect(await page.locator('.search-no-js .notice').innerText()).toContain('JavaScript');
    expect(await page.locator('.search-no-js .card').count()).toBe(5);
    await context.close();
  });

  it('a guide page loads no search code until the reader focuses the field, then shows results', async () => {
    const page = await env.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.origin}${BASE}vi/guides/install-android/`, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => /pagefind|search\.js|\.js(\?|$)/.test(u))).toEqual([]);
    await page.locator('#site-search').focus();
    await page.locator('#site-search').fill('dang ky tai khoan');
    await page.locator('.search-panel .search-results li').first().waitFor();
    expect(requests.some((u) => u.includes(`${BASE}pagefind/pagefind.js`))).toBe(true);
    expect(requests.some((u) => u.includes(`${BASE}search.js`))).toBe(true);
    expect(await page.locator('.search-panel .search-results li a').first().getAttribute('href')).toBe(`${BASE}vi/guides/create-account/`);
    // By keyboard: past the button into the results, announced by a status line.
    expect(await page.locator('.search-panel [role=status]').innerText()).toMatch(/kết quả/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe(`${BASE}vi/guides/create-account/`);
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    for (const url of requests) expect(new URL(url).origin).toBe(env.origin);
    await page.close();
  });
});
