import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { SITES, builtSite } from '../helpers/sites.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let rtl: Awaited<ReturnType<typeof serve>>;
const foreignRequests: string[] = [];

const campaignDir = builtSite('campaign-base');
const rtlDir = builtSite('rtl');

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serve(campaignDir, SITES['campaign-base'].base);
  rtl = await serve(rtlDir, SITES.rtl.base);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rtl?.close();
});

async function phone(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    javaScriptEnabled,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156',
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && url.protocol !== 'data:') foreignRequests.push(request.url());
  });
  return { context, page: await context.newPage() };
}

const stepsInSource = (file: string) =>
  readFileSync(join(SITES['campaign-base'].siteDir, 'content', file), 'utf8')
    .split('\n')
    .filter((line) => /^\d+\.\s/.test(line)).length;

describe('reading a guide on a phone without JavaScript', () => {
  it('shows every step, numbered, without sideways scrolling, and follows a language link', async () => {
    const { context, page } = await phone(false);
    await page.goto(`${site.origin}/campaign/vi/guides/alerts-on-android/`);
    const steps = page.locator('li.step');
    const count = stepsInSource('vi/guides/alerts-on-android.md');
    expect(count).toBeGreaterThanOrEqual(5);
    await expect.poll(() => steps.count()).toBe(count);
    for (let i = 0; i < count; i++) {
      const step = steps.nth(i);
      await step.scrollIntoViewIfNeeded();
      expect(await step.isVisible()).toBe(true);
      expect(await step.locator('.step-number').innerText()).toBe(String(i + 1));
      expect((await step.innerText()).length).toBeGreaterThan(10);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${site.origin}/campaign/en/guides/alerts-on-android/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('li.step').count()).toBe(stepsInSource('en/guides/alerts-on-android.md'));
    await context.close();
  });

  it('shows both the Android and the iPhone steps, with jump links that work', async () => {
    const { context, page } = await phone(false);
    await page.goto(`${site.origin}/campaign/en/guides/household-registration/`);
    const android = page.locator('section[data-platform=android] li.step');
    const ios = page.locator('section[data-platform=ios] li.step');
    expect(await android.count()).toBeGreaterThan(3);
    expect(await ios.count()).toBeGreaterThan(3);
    expect(await ios.last().isVisible()).toBe(true);
    await page.locator('.platform-choice a[href="#ios"]').click();
    expect(new URL(page.url()).hash).toBe('#ios');
    await context.close();
  });
});

describe('with JavaScript', () => {
  it('shows the chosen platform only and remembers the choice', async () => {
    const { context, page } = await phone(true);
    await page.goto(`${site.origin}/campaign/en/guides/household-registration/`);
    await page.locator('.platform-choice a[data-platform=ios]').click();
    expect(await page.locator('section[data-platform=android]').isHidden()).toBe(true);
    expect(await page.locator('section[data-platform=ios]').isVisible()).toBe(true);
    const again = await context.newPage();
    await again.goto(`${site.origin}/campaign/vi/guides/household-registration/`);
    expect(await again.locator('section[data-platform=android]').isHidden()).toBe(true);
    expect(await again.locator('section[data-platform=ios]').isVisible()).toBe(true);
    await again.locator('.platform-choice a[data-platform=""]').click();
    expect(await again.locator('section[data-platform=android]').isVisible()).toBe(true);
    await context.close();
  });

  it('the language chooser forwards once to the browser’s language', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/campaign/`);
    await page.waitForURL(`${site.origin}/campaign/en/`);
    await page.goto(`${site.origin}/campaign/`);
    expect(new URL(page.url()).pathname).toBe('/campaign/');
    await context.close();
  });
});

describe('right-to-left', () => {
  it('mirrors the layout for an rtl locale', async () => {
    const { context, page } = await phone(false);
    await page.goto(`${rtl.origin}/ar/guides/install/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const step = (await page.locator('li.step').first().boundingBox())!;
    const number = (await page.locator('li.step .step-number').first().boundingBox())!;
    expect(number.x).toBeGreaterThan(step.x + step.width / 2);
    await page.goto(`${rtl.origin}/en/guides/install/`);
    const ltrStep = (await page.locator('li.step').first().boundingBox())!;
    const ltrNumber = (await page.locator('li.step .step-number').first().boundingBox())!;
    expect(ltrNumber.x).toBeLessThan(ltrStep.x + ltrStep.width / 2);
    await context.close();
  });
});

describe('privacy', () => {
  it('no page asked for anything from another origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});
