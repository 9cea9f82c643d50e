import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES, ownSlugs } from '../helpers/sites.ts';

const env = browserAndSite('campaign-base');
const BASE = env.base;

/** The slugs a locale of the fixture has of its own, for a kind. */
const slugsOf = (locale: string, kind: string) => ownSlugs(SITES['campaign-base'].siteDir, locale, kind);

/** Opens the search page of a locale with `q` and returns the result paths in order. */
async function searchPage(page: Page, locale: string, q: string): Promise<string[]> {
  await page.goto(`${env.origin}${BASE}${locale}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
  return await page.locator('.search-results li > a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/**
 * A page without a signal for the files `unreachable` matches, until `signal.on` is set; without
 * the offline worker, whose own requests the page's routes would not see. Collects page errors.
 */
async function pageWithoutSignal(unreachable: RegExp) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const signal = { on: false };
  await page.route(unreachable, (route) => (signal.on ? route.continue() : route.abort('internetdisconnected')));
  return { context, page, errors, signal };
}

describe('search, in Chromium, under a base path', () => {
  it.each([
    ['vi', 'bản đồ sơ tán', 'vi/guides/evacuation-map/'],
    ['vi', 'ban do so tan', 'vi/guides/evacuation-map/'],
    ['vi', 'canh bao thien tai android', 'vi/guides/alerts-on-android/'],
    ['vi', 'dang ky ho gia dinh', 'vi/guides/household-registration/'],
    ['vi', 'biet truoc duong den diem so tan', 'vi/messages/know-your-route/'],
    ['vi', 'đường đến điểm sơ tán', 'vi/messages/know-your-route/'],
    ['en', 'register your household', 'en/guides/household-registration/'],
    ['en', 'evacuation point', 'en/messages/know-your-route/'],
    ['zh', '安卓', 'zh/guides/alerts-on-android/'],
    ['zh', '登记 电话号码', 'zh/messages/sign-up-for-warnings/'],
  ])('%s: “%s” finds %s first', async (locale, q, expected) => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, locale, q);
    expect(results[0]).toBe(BASE + expected);
    await page.close();
  });

  it('shows excerpts of the real text, accents included, for a query typed without them', async () => {
    const page = await env.browser.newPage();
    await searchPage(page, 'vi', 'duong den diem so tan');
    const marks = await page.locator('.search-results li').first().locator('mark').allTextContents();
    expect(marks).toContain('đường');
    expect(await page.locator('.search-results').innerText()).not.toContain('⁂');
    await page.close();
  });

  it('keeps a query typed with accents ranking its exact matches first', async () => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, 'vi', 'Đăng ký hộ gia đình');
    expect(results[0]).toBe(`${BASE}vi/guides/household-registration/`);
    await page.close();
  });

  it.each([
    ['duong den diem so tan', 'đường đến điểm sơ tán'],
    ['dang ky ho gia dinh', 'đăng ký hộ gia đình'],
    ['ban do so tan', 'bản đồ sơ tán'],
  ])('“%s” finds the same pages as “%s”', async (plain, accented) => {
    const page = await env.browser.newPage();
    const withAccents = await searchPage(page, 'vi', accented);
    expect(withAccents.length).toBeGreaterThan(0);
    expect((await searchPage(page, 'vi', plain)).sort()).toEqual(withAccents.sort());
    await page.close();
  });

  it('a Vietnamese query on an English page finds no Vietnamese page', async () => {
    const page = await env.browser.newPage();
    const results = await searchPage(page, 'en', 'đường đến điểm sơ tán');
    for (const path of results) expect(path.startsWith(`${BASE}en/`)).toBe(true);
    await page.close();
  });

  it('never returns fallback pages', async () => {
    const page = await env.browser.newPage();
    // The app's name is in every page zh shows, its own and those shown from en and vi.
    const results = await searchPage(page, 'zh', 'Cảnh báo sớm');
    const own = [
      ...slugsOf('zh', 'guides').map((slug) => `${BASE}zh/guides/${slug}/`),
      ...slugsOf('zh', 'messages').map((slug) => `${BASE}zh/messages/${slug}/`),
    ];
    expect(results.length).toBeGreaterThan(0);
    for (const path of results) expect(own).toContain(path);
    await page.close();
  });

  it('each filter narrows the results', async () => {
    const page = await env.browser.newPage();
    const all = await searchPage(page, 'vi', 'cảnh báo');
    expect(all.length).toBeGreaterThan(3);
    for (const [name, value] of [
      ['type', 'message'],
      ['type', 'guide'],
      ['platform', 'ios'],
    ] as const) {
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
    await searchPage(page, 'vi', 'bão');
    await page.locator('#search-page-q').fill('sơ tán');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'sơ tán');
    await page.close();
  });

  it('without JavaScript, the search page says so and lists every guide', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.origin}${BASE}vi/search/?q=canh+bao`);
    expect(await page.locator('.search-no-js .notice').innerText()).toContain('JavaScript');
    expect(await page.locator('.search-no-js .card').count()).toBe(slugsOf('vi', 'guides').length);
    await context.close();
  });

  it('a guide page loads no search code until the reader focuses the field, then shows results', async () => {
    const page = await env.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.origin}${BASE}vi/guides/alerts-on-android/`, { waitUntil: 'networkidle' });
    // Only the scripts the page names (its tools) have loaded.
    const own = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
    expect(requests.filter((u) => /pagefind|search\.js|strings\.json|\.js(\?|$)/.test(u) && !own.includes(u))).toEqual([]);
    await page.locator('#site-search').focus();
    await page.locator('#site-search').fill('dang ky ho gia dinh');
    await page.locator('.search-panel .search-results li').first().waitFor();
    expect(requests.some((u) => u.includes(`${BASE}pagefind/pagefind.js`))).toBe(true);
    expect(requests.some((u) => u.includes(`${BASE}search.js`))).toBe(true);
    // The labels are the locale's file, fetched with the search code rather than carried by every page.
    expect(requests.filter((u) => u.endsWith('strings.json'))).toEqual([`${env.origin}${BASE}vi/search/strings.json`]);
    expect(await page.locator('.search-panel .search-all').textContent()).toBe('Xem tất cả kết quả');
    expect(await page.locator('.search-panel .search-results li a').first().getAttribute('href')).toBe(`${BASE}vi/guides/household-registration/`);
    // By keyboard: past the button into the results, announced by a status line.
    expect(await page.locator('.search-panel [role=status]').innerText()).toMatch(/kết quả/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe(`${BASE}vi/guides/household-registration/`);
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    for (const url of requests) expect(new URL(url).origin).toBe(env.origin);
    await page.close();
  });

  it('without a signal the header search shows no results and no error, and tries again at the next keystroke', async () => {
    const { context, page, errors, signal } = await pageWithoutSignal(/strings\.json|pagefind\.js/);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    await page.goto(`${env.origin}${BASE}vi/guides/alerts-on-android/`, { waitUntil: 'networkidle' });
    await page.locator('#site-search').focus();
    await page.locator('#site-search').fill('dang ky ho gia dinh');
    // Each failed at least once (the keystroke may have tried again).
    await expect.poll(() => [...new Set(failed)].sort(), { timeout: 10_000 }).toEqual([`${BASE}pagefind/pagefind.js`, `${BASE}vi/search/strings.json`]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    signal.on = true;
    await page.locator('#site-search').press('End');
    await page.locator('#site-search').pressSequentially(' ');
    await page.locator('.search-panel .search-results li').first().waitFor();
    expect(await page.locator('.search-panel .search-results li a').first().getAttribute('href')).toBe(`${BASE}vi/guides/household-registration/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['the search index', /pagefind\.js/],
    ['the search code itself', /\/search\.js/],
  ])('without a signal for %s, the search page says so and lists every guide, as without JavaScript', async (_what, unreachable) => {
    const { context, page, errors } = await pageWithoutSignal(unreachable);
    await page.goto(`${env.origin}${BASE}vi/search/?q=canh+bao`);
    const labels = (await (await page.request.get(`${env.origin}${BASE}vi/search/strings.json`)).json()) as { offline: string };
    await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 10_000 }).toBe(labels.offline);
    expect(labels.offline).toBe('Không có kết nối mạng');
    expect(await page.locator('#search-page-q').inputValue()).toBe('canh bao');
    expect(await page.locator('.search-no-js .card').count()).toBe(slugsOf('vi', 'guides').length);
    expect(await page.locator('.search-no-js').isVisible()).toBe(true);
    expect(await page.locator('.search-no-js .notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
