import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT } from '../../src/kinds/guide/embed.ts';
import { axeViolations } from '../helpers/axe.ts';
import { page as builtPage } from '../helpers/dist.ts';
import { siteAndPortal } from '../helpers/site-and-portal.ts';
import { SITES, ownSlugs, siteAddress } from '../helpers/sites.ts';

// The odd corners of issue 16 in Chromium: the fixture site under a base path, served with the
// headers of its own _headers file (so the 404 page's script runs only if the policy allows it).
const served = siteAndPortal('campaign-base');
const { base: BASE, dir } = served;
const LOCALES = ['vi', 'en', 'zh'];

/**
 * Opens a page at 360 × 640, recording errors other than the 404 answer itself (CSP violations
 * included); `forAxe` lets the test add axe's script, which the site's policy rightly refuses.
 */
async function open(path: string, forAxe = false): Promise<{ page: Page; problems: string[] }> {
  const page = await served.browser.newPage({ viewport: { width: 360, height: 640 }, bypassCSP: forAxe });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.goto(`${served.origin}${BASE}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

describe('pages a citizen may land on', () => {
  it.each([
    ['the retired poster’s page', 'p/s9b/'],
    ['a mistyped short link', 'p/7kp/'],
    ['a missing page under a locale', 'vi/no-such-page/'],
    ['the root 404 page', '404.html'],
    ['the language chooser', ''],
    ['the for-websites page', 'en/embed/'],
  ])('%s (%s) passes axe (WCAG 2.2 AA) at 360 px with no error', async (_name, path) => {
    const { page, problems } = await open(path, true);
    if (path === '') await page.waitForLoadState('load'); // the chooser may forward once
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the retired poster’s page stays put (no timed refresh) and links home at once', async () => {
    const { page } = await open('p/s9b/');
    await page.waitForTimeout(1500);
    expect(new URL(page.url()).pathname).toBe(`${BASE}p/s9b/`);
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await page.waitForURL(`**${BASE}vi/`);
    await page.close();
  });
});

describe('a mistyped short link', () => {
  it.each([
    ['p/7kp/', 'k7p', 'two letters swapped'],
    ['P/K7Q/', 'k7p', 'in capitals, one letter wrong'],
    ['p/h4/', 'h4w', 'a letter missing'],
    ['p/n6dd', 'n6d', 'a letter too many, no slash'],
  ])('%s suggests /p/%s/ (%s)', async (path, code) => {
    const { page, problems } = await open(path);
    const link = page.locator('#did-you-mean a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${BASE}p/${code}/`);
    expect(await link.textContent()).toBe(`${BASE}p/${code}/`);
    expect(await page.locator('#did-you-mean').textContent()).toMatch(/\?|？/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['p/s9c/', 'p/zzzzzz/', 'vi/no-such-page/'])('%s suggests nothing (no code near it, retired codes left out, not a short link)', async (path) => {
    const { page, problems } = await open(path);
    expect(await page.locator('#did-you-mean').isHidden()).toBe(true);
    expect(await page.locator('form[role=search]').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the embed card', () => {
  it('in a 300 px iframe of the snippet’s height hides nothing, for every guide in every locale, and with long text too', async () => {
    const origin = siteAddress('campaign-base');
    const snippets = LOCALES.flatMap((locale) =>
      builtPage(
        dir,
        `${locale}/embed/index.html`,
      )('.embed-guide code')
        .map((_, el) => builtPage(dir, `${locale}/embed/index.html`)(el).text())
        .get(),
    );
    expect(snippets).toHaveLength(LOCALES.length * ownSlugs(SITES['campaign-base'].siteDir, 'vi', 'guides').length);
    for (const snippet of snippets) expect(snippet).toContain(`height="${EMBED_HEIGHT}"`);
    writeFileSync(
      join(served.portalDir, 'index.html'),
      `<!doctype html><html lang="en"><title>Portal</title><body style="margin:0">${snippets.map((s) => `<div style="width:300px">${s.replaceAll(origin, served.origin).replace(' loading="lazy"', '')}</div>`).join('')}</body></html>`,
    );
    const page = await served.browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(served.portalOrigin, { waitUntil: 'load' });
    const frames = page.frames().filter((f) => f.url().includes('/embed/guides/'));
    expect(frames).toHaveLength(snippets.length);
    const fits = (long: boolean) =>
      Promise.all(
        frames.map((frame) =>
          frame.evaluate((long) => {
            if (long) {
              const text = 'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(8);
              for (const el of document.querySelectorAll('h1 a, article p')) el.textContent = text;
            }
            const root = document.documentElement;
            const article = document.querySelector('article')!.getBoundingClientRect();
            return {
              url: location.pathname,
              width: innerWidth,
              fits: article.bottom <= innerHeight && root.scrollHeight <= innerHeight && root.scrollWidth <= innerWidth,
            };
          }, long),
        ),
      );
    for (const long of [false, true])
      for (const frame of await fits(long)) {
        expect(frame.width, frame.url).toBe(300);
        expect(frame.fits, `${frame.url}${long ? ' with long text' : ''}`).toBe(true);
      }
    await page.close();
  });
});
