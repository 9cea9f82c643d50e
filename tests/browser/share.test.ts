import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { siteInlineHashes } from '../../src/build/inline-hashes.ts';
import { securityHeaders } from '../../src/build/security-headers.ts';
import { SITES, builtSite, siteAddress } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

// Share (issue 16) in Chromium at 360 × 640 on the campaign fixture, served with its own
// security headers, so the page's script runs only as its Content-Security-Policy allows.
const dir = builtSite('campaign');
const BASE = SITES.campaign.base;
const ADDRESS = siteAddress('campaign');
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serve(dir, BASE, Object.fromEntries(securityHeaders(siteInlineHashes(dir))));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A share sheet that records what it was given and answers `outcome` (resolves, or rejects with that error name). */
const fakeShare = (outcome: 'shared' | 'AbortError' | 'NotAllowedError') => `
  window.__shared = [];
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value: (data) => {
      window.__shared.push(data);
      return ${outcome === 'shared' ? 'Promise.resolve()' : `Promise.reject(new DOMException('no', '${outcome}'))`};
    },
  });
`;
/** A phone without a share sheet (Chromium on Linux has none; this makes sure). */
const NO_SHARE = `delete Navigator.prototype.share;`;
/** A clipboard that refuses to be written, as on a page not served over HTTPS. */
const NO_CLIPBOARD = `Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });`;

async function open(
  path: string,
  scripts: string[],
  options: { bypassCSP?: boolean; clipboard?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, bypassCSP: options.bypassCSP });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  for (const script of scripts) await page.addInitScript(script);
  await page.goto(`${site.origin}${BASE}${path}`);
  return { page, context, problems };
}

const shared = (page: Page) => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
const status = (page: Page) => page.locator('.page-tools [role=status]');

describe('Share on a 360 × 640 phone', () => {
  it('opens the phone’s share sheet with the page’s address and title', async () => {
    const { page, context, problems } = await open('vi/guides/alerts-on-android/', [fakeShare('shared')]);
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared.length === 1);
    expect(await shared(page)).toEqual([{ title: await page.title(), url: `${ADDRESS}/vi/guides/alerts-on-android/` }]);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`${ADDRESS}/vi/guides/alerts-on-android/`);
    // Shared, so nothing copied and nothing said.
    await page.waitForTimeout(200);
    expect(await status(page).textContent()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does nothing more when the reader closes the share sheet', async () => {
    const { page, context } = await open('vi/messages/know-your-route/', [fakeShare('AbortError')], { clipboard: true });
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared.length === 1);
    await page.waitForTimeout(200);
    expect(await status(page).textContent()).toBe('');
    await context.close();
  });

  it('on a page shown from a fallback, shares the address the reader is on, in their language', async () => {
    const { page, context } = await open('zh/guides/household-registration/', [fakeShare('shared')]);
    await page.getByRole('button', { name: '分享' }).click();
    await page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared.length === 1);
    expect((await shared(page))[0]!.url).toBe(`${ADDRESS}/zh/guides/household-registration/`);
    await context.close();
  });

  it.each([
    ['without a share sheet', [NO_SHARE]],
    ['when the share sheet refuses', [fakeShare('NotAllowedError')]],
  ])('%s, copies the link and says so in a polite live region', async (_name, scripts) => {
    const { page, context, problems } = await open('vi/guides/alerts-on-android/', scripts, { clipboard: true });
    expect(await status(page).getAttribute('role')).toBe('status');
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await page.waitForFunction(() => document.querySelector('.page-tools [role=status]')?.textContent);
    expect(await status(page).textContent()).toBe('Đã chép liên kết');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ADDRESS}/vi/guides/alerts-on-android/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without a clipboard either, shows the link in a field, selected to copy', async () => {
    const { page, context } = await open('vi/guides/alerts-on-android/', [NO_SHARE, NO_CLIPBOARD]);
    const field = page.getByRole('textbox', { name: 'Hãy chép liên kết này:' });
    expect(await field.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await field.waitFor({ state: 'visible' });
    expect(await field.inputValue()).toBe(`${ADDRESS}/vi/guides/alerts-on-android/`);
    expect(await field.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.readOnly, el.selectionStart, el.selectionEnd])).toEqual([
      true,
      true,
      0,
      `${ADDRESS}/vi/guides/alerts-on-android/`.length,
    ]);
    expect(await status(page).textContent()).toBe('Hãy chép liên kết này:');
    await context.close();
  });

  it('with the message shown, passes axe (WCAG 2.2 AA)', async () => {
    const { page, context } = await open('vi/guides/alerts-on-android/', [NO_SHARE], { clipboard: true, bypassCSP: true });
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await page.waitForFunction(() => document.querySelector('.page-tools [role=status]')?.textContent);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is absent without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${BASE}vi/guides/alerts-on-android/`);
    expect(await page.locator('.page-tools .share').count()).toBe(1);
    expect(await page.locator('.page-tools .share').isVisible()).toBe(false);
    expect(await page.getByRole('textbox', { name: 'Hãy chép liên kết này:' }).isVisible()).toBe(false);
    await context.close();
  });
});
