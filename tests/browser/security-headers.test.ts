import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteAndPortal } from '../helpers/site-and-portal.ts';

// The fixture site under a base path, served with the headers of its own _headers file.
const served = siteAndPortal('campaign-base');
const { base: BASE, headers } = served;

// Another site (another port is another origin) that shows an embed card in a frame, as a portal does.
beforeAll(() => {
  writeFileSync(
    join(served.portalDir, 'index.html'),
    `<!doctype html><title>Portal</title><iframe src="${served.origin}${BASE}vi/embed/guides/alerts-on-android/"></iframe>`,
  );
});

/** A new page that records every CSP violation and console error of every frame and navigation. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await served.browser.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI} in ${e.documentURI}`);
    });
  });
  page.on('console', (message) => {
    // A 404 answer is logged as a failed load: the 404 page is asked for on purpose.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  return { page, problems };
}

const PAGES = [
  ['language chooser', ''],
  ['home', 'vi/'],
  ['guide', 'vi/guides/alerts-on-android/'],
  ['message', 'vi/messages/know-your-route/'],
  ['guide list', 'en/guides/'],
  ['message list', 'zh/messages/'],
  ['status', 'status/'],
  ['poster gallery', 'posters/'],
  ['poster print page', 'posters/k7p/'],
  ['short link', 'p/k7p/'],
  ['retired short link', 'p/s9b/'],
  ['embed card', 'vi/embed/guides/alerts-on-android/'],
  ['404 page', 'vi/no-such-page/'],
] as const;

describe('every kind of page under the site’s Content-Security-Policy, in Chromium', () => {
  it('is served with the headers of _headers', async () => {
    const response = await fetch(`${served.origin}${BASE}vi/`);
    expect(response.headers.get('content-security-policy')).toBe(headers['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  });

  it.each(PAGES)('the %s (%s) runs and shows with no violation and no error', async (_kind, path) => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${served.origin}${BASE}${path}`, { waitUntil: 'load' });
    expect(response!.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.waitForLoadState('load'); // a short link or the chooser moves on to its page
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches on the search page and from the header field', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${served.origin}${BASE}vi/search/?q=${encodeURIComponent('ban do so tan')}`);
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
    const first = await page.locator('.search-results li > a').first().getAttribute('href');
    expect(first).toBe(`${BASE}vi/guides/evacuation-map/`);

    await page.goto(`${served.origin}${BASE}en/guides/household-registration/`);
    await page.locator('form[data-search-header] input[type=search]').fill('evacuation point');
    await page.locator('form[data-search-header] .search-results li').first().waitFor();
    expect(await page.locator('form[data-search-header] .search-results li > a').first().getAttribute('href')).toBe(`${BASE}en/messages/know-your-route/`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets another site show an embed card in a frame', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${served.portalOrigin}/index.html`);
    const card = page.frameLocator('iframe').locator('article h1');
    await card.waitFor();
    expect(await card.innerText()).not.toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports code the policy does not allow (so a clean run above means something)', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${served.origin}${BASE}vi/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "ran"';
      document.body.append(script);
      document.body.insertAdjacentHTML('beforeend', '<img src="https://example.org/pixel.png">');
    });
    await expect
      .poll(() => problems.filter((p) => !p.startsWith('console:')))
      .toEqual([expect.stringMatching(/^script-src-elem blocked inline in /), expect.stringMatching(/^img-src blocked https:\/\/example.org\/pixel.png/)]);
    expect(await page.title()).not.toBe('ran');
    await page.close();
  });
});
