import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES, ownSlugs, siteAddress } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

const env = browserAndSite('campaign-base');
const BASE = env.base;
const LOCALES = ['vi', 'en', 'zh'];

/** Every kind of page, in every locale where it applies. */
const PAGES = [
  '',
  '404.html',
  'posters/',
  'posters/k7p/',
  'posters/h4w/',
  'status/',
  ...LOCALES.flatMap((l) => [
    `${l}/`,
    `${l}/guides/`,
    `${l}/guides/alerts-on-android/`,
    `${l}/guides/household-registration/`,
    `${l}/guides/evacuation-map/`,
    `${l}/messages/`,
    `${l}/messages/sign-up-for-warnings/`,
    `${l}/messages/know-your-route/`,
    `${l}/search/?q=${l === 'zh' ? '预警' : l === 'en' ? 'warning' : 'canh bao'}`,
    `${l}/404.html`,
    `${l}/embed/guides/alerts-on-android/`,
  ]),
];

/** Opens a page, recording console errors and requests to other origins. */
async function open(page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== env.origin && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
  });
  const response = await page.goto(`${env.origin}${BASE}${path}`, { waitUntil: 'networkidle' });
  if (path.includes('search/')) await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
  return { problems, status: response?.status() };
}

describe('every page type, every locale, at 390 px and 1280 px', () => {
  for (const width of [390, 1280]) {
    it.each(PAGES)(`${width} px: %s has no WCAG 2.2 AA violation, no console error, no foreign request`, async (path) => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      const { problems } = await open(page, path);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

/** Every page of a kind: the default locale (vi) has them all, the others show them too. */
const slugs = (kind: string) => ownSlugs(SITES['campaign-base'].siteDir, 'vi', kind);
const GUIDES = slugs('guides');
const MESSAGES = slugs('messages');

describe('without JavaScript', () => {
  it('every guide and message in every locale is fully readable, and its language links work', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    expect(GUIDES.length + MESSAGES.length).toBe(6);
    for (const locale of LOCALES) {
      for (const path of [...GUIDES.map((g) => `guides/${g}/`), ...MESSAGES.map((m) => `messages/${m}/`)]) {
        const response = await page.goto(`${env.origin}${BASE}${locale}/${path}`);
        expect(response?.status()).toBe(200);
        expect((await page.locator('.body').innerText()).length, `${locale}/${path}`).toBeGreaterThan(80);
        for (const step of await page.locator('li.step').all()) expect(await step.isVisible()).toBe(true);
        for (const href of await page.locator('.language-nav a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
          expect((await context.request.get(href)).status(), href).toBe(200);
        }
      }
    }
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link, language links, search and every step link in order, with focus always visible', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'en/guides/alerts-on-android/');
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement === document.body)) break; // past the last link
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          name: el.matches('.skip-link')
            ? 'skip'
            : el.closest('.language-nav')
              ? 'language'
              : el.matches('#site-search')
                ? 'search'
                : el.matches('.step-number')
                  ? 'step'
                  : el.closest('.main-nav')
                    ? 'nav'
                    : el.tagName.toLowerCase(),
          visible: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0,
        };
      });
      expect(focus.visible, `${focus.name} has no visible focus`).toBe(true);
      expect(focus.onScreen, `${focus.name} is off screen`).toBe(true);
      stops.push(focus.name);
    }
    const order = ['skip', 'language', 'nav', 'search', 'step'].map((name) => stops.indexOf(name));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stops[0]).toBe('skip');
    const steps = await page.locator('.step-number').count();
    expect(stops.filter((s) => s === 'step').length).toBe(steps);
    await page.close();
  });
});

describe('print', () => {
  it('a guide prints as a clean numbered list with its screenshots and its address, without navigation or search', async () => {
    const page = await env.browser.newPage();
    await open(page, 'vi/guides/alerts-on-android/');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.search-form', '.language-nav', '.skip-link', '.embed'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    const steps = page.locator('li.step');
    expect(await steps.count()).toBeGreaterThan(4);
    for (const step of await steps.all()) expect(await step.locator('.step-number').isVisible()).toBe(true);
    for (const image of await page.locator('.body img').all()) {
      await image.evaluate((img) => ((img as HTMLImageElement).loading = 'eager'));
      expect(await image.isVisible()).toBe(true);
    }
    expect(await page.locator('.print-url').innerText()).toBe(`${siteAddress('campaign-base')}${BASE}vi/guides/alerts-on-android/`);
    const pdf = Buffer.from(await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)!.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('text zoom and small screens', () => {
  it.each(['vi/', 'vi/guides/household-registration/', 'zh/guides/alerts-on-android/', 'en/messages/sign-up-for-warnings/', 'vi/search/?q=canh bao', ''])(
    '%s at 320 px with text at 200 percent scrolls only down and no text overlaps',
    async (path) => {
      const page = await env.browser.newPage({ viewport: { width: 320, height: 640 } });
      await open(page, path);
      await page.addStyleTag({ content: 'html { font-size: 225% !important; }' }); // 200 % of the site's own 112.5 %
      const result = await page.evaluate(() => {
        // The boxes of every line of visible text, each with the element that holds it.
        const lines: { el: Element; r: DOMRect }[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement!;
          if (!node.textContent!.trim() || !el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true })) continue;
          // Text for screen readers only, clipped to a pixel, is not seen.
          const box = el.getBoundingClientRect();
          if (box.width <= 1 && box.height <= 1) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) lines.push({ el, r });
        }
        const overlaps: string[] = [];
        for (let i = 0; i < lines.length; i++)
          for (let j = i + 1; j < lines.length; j++) {
            const a = lines[i]!;
            const b = lines[j]!;
            if (a.el === b.el) continue;
            const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
            const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
            if (x > 2 && y > 2)
              overlaps.push(
                `${a.el.tagName}.${a.el.className} “${a.el.textContent?.slice(0, 20)}” × ${b.el.tagName}.${b.el.className} “${b.el.textContent?.slice(0, 20)}”`,
              );
          }
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`);
        return { scroll: document.documentElement.scrollWidth - window.innerWidth, overlaps, wide };
      });
      expect(result.wide).toEqual([]);
      expect(result.scroll).toBeLessThanOrEqual(0);
      expect(result.overlaps).toEqual([]);
      await page.close();
    },
  );
});
