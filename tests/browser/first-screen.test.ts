import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProjectFonts } from '../../src/fonts/fontconfig.ts';
import { browserAndSite } from '../helpers/browser-site.ts';

// A phone draws every script: Chromium gets the Noto fonts Android ships instead of this machine's few.
useProjectFonts();

const PHONE = { width: 360, height: 640 };

/** The guide pages of a built site, as `locale/guides/slug/`, from its folders; not the redirects of renamed guides. */
function guidePaths(dir: string): string[] {
  return readdirSync(dir).flatMap((locale) => {
    const guides = join(dir, locale, 'guides');
    if (!/^[a-z]{2,3}(-[A-Za-z]+)?$/.test(locale) || !existsSync(guides)) return [];
    return readdirSync(guides, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(guides, entry.name, 'index.html')))
      .filter((entry) => !readFileSync(join(guides, entry.name, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
      .map((entry) => `${locale}/guides/${entry.name}/`);
  });
}

/** Where step 1's first line ends, in CSS px from the top of the page: its number's bottom edge. */
const stepOneBottom = (page: Page) =>
  page
    .locator('.step-number')
    .first()
    .evaluate((el) => Math.round(el.getBoundingClientRect().bottom + window.scrollY));

describe('the first screen of every demo guide on a 360 × 640 phone', () => {
  const env = browserAndSite('demo');

  it('shows step 1', async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    const late: string[] = [];
    for (const path of guidePaths(env.dir)) {
      await page.goto(`${env.origin}${env.base}${path}`);
      await page.evaluate(() => document.fonts.ready);
      const bottom = await stepOneBottom(page);
      if (bottom > PHONE.height) late.push(`${path}: step 1 ends ${bottom} px down`);
    }
    expect(late).toEqual([]);
    await page.close();
  });
});

describe('a guide page on a phone and on a wide screen', () => {
  const env = browserAndSite('campaign');
  const guide = () => `${env.origin}${env.base}vi/guides/household-registration/`;

  it('on a phone: the header is the campaign name, a search link and the languages; the lists are in the footer', async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(guide());
    const header = page.locator('.site-header');
    expect(await header.locator('.brand').isVisible()).toBe(true);
    expect(await header.locator('.language-nav').isVisible()).toBe(true);
    expect(await header.locator('.search-form').isVisible()).toBe(false);
    expect(await header.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-footer .main-nav').isVisible()).toBe(true);
    // Two rows: the name beside the search link, then the languages.
    const [brand, search, languages] = await Promise.all(['.brand', '.search-link', '.language-nav'].map((s) => header.locator(s).boundingBox()));
    expect(Math.abs(brand!.y + brand!.height / 2 - (search!.y + search!.height / 2))).toBeLessThan(brand!.height / 2);
    expect(languages!.y).toBeGreaterThanOrEqual(brand!.y + brand!.height - 1);
    // The search link is a fingertip wide, named for screen readers, and leads to the search page.
    expect(search!.width).toBeGreaterThanOrEqual(44);
    expect(await header.locator('.search-link').getAttribute('href')).toBe(`${env.base}vi/search/`);
    expect((await page.getByRole('link', { name: 'Tìm kiếm' }).count()) > 0).toBe(true);
    // Things to have ready are one line, folded, and open with a tap.
    const before = page.locator('details.prerequisites');
    expect(await before.getAttribute('open')).toBeNull();
    expect(await before.locator('li').first().isVisible()).toBe(false);
    await before.locator('summary').click();
    expect(await before.locator('li').first().isVisible()).toBe(true);
    await page.close();
  });

  it('on a wide screen: the search field and the lists are in the header, and the things to have ready are open', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(guide());
    const header = page.locator('.site-header');
    expect(await header.locator('.search-form').isVisible()).toBe(true);
    expect(await header.locator('.main-nav').isVisible()).toBe(true);
    expect(await header.locator('.search-link').isVisible()).toBe(false);
    expect(await page.locator('.site-footer .main-nav').isVisible()).toBe(false);
    expect(await page.locator('details.prerequisites li').first().isVisible()).toBe(true);
    await page.close();
  });

  it('without JavaScript, the things to have ready are one tap away', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(guide());
    const before = page.locator('details.prerequisites');
    await before.locator('summary').click();
    expect(await before.locator('li').first().isVisible()).toBe(true);
    await context.close();
  });

  it('printed, shows the things to have ready', async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(guide());
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.prerequisites li').first().isVisible()).toBe(true);
    await page.close();
  });
});
