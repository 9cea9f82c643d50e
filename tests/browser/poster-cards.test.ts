import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES, builtSite } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { serve } from '../../src/build/static-server.ts';

const env = browserAndSite('campaign');
const MM = 96 / 25.4; // CSS pixels per millimetre

/** The campaign's posters, and those of the fixture in six scripts (Khmer, Thai, Arabic right to left, …), served beside it. */
const campaignCodes = loadPosterFiles(SITES.campaign.siteDir).posters.map((p) => p.code);
const scriptsCodes = loadPosterFiles(SITES.scripts.siteDir).posters.map((p) => p.code);
const scriptsDir = builtSite('scripts');
let scripts: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  scripts = await serve(scriptsDir, '/');
});
afterAll(async () => {
  await scripts?.close();
});

/** Opens a cards page as it prints, its fonts loaded. */
async function openCards(origin: string, code: string): Promise<Page> {
  const page = await env.browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${origin}/posters/${code}/cards/`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const cases = [...campaignCodes.map((code) => ['campaign', code] as const), ...scriptsCodes.map((code) => ['scripts', code] as const)];

describe('hand-out cards in print', () => {
  it.each(cases)('%s %s: eight A7 cards on an A4 sheet, nothing outside its card, a code of 35 mm or more', async (site, code) => {
    const page = await openCards(site === 'campaign' ? env.origin : scripts.origin, code);
    const sheet = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const sheetBox = box(document.querySelector('.cards-sheet')!);
      const cards = [...document.querySelectorAll('.card')].map((card) => {
        const c = box(card);
        const outside = [...card.querySelectorAll('*')].filter((child) => {
          const r = box(child);
          return r.width > 0 && (r.bottom > c.bottom + 0.5 || r.right > c.right + 0.5 || r.left < c.left - 0.5 || r.top < c.top - 0.5);
        });
        // Text cut off inside its own box (a word wider than the column, lines below the card).
        const cut = [...card.querySelectorAll('p')].filter((p) => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1);
        return {
          width: c.width,
          height: c.height,
          overflow: card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1,
          outside: [...outside, ...cut].map((o) => o.className || o.tagName),
          qr: box(card.querySelector('.qr svg')!).width,
        };
      });
      return { width: sheetBox.width, height: sheetBox.height, cards };
    });
    expect(sheet.width).toBeCloseTo(210 * MM, 0);
    expect(sheet.height).toBeCloseTo(297 * MM, 0);
    expect(sheet.cards).toHaveLength(8);
    for (const card of sheet.cards) {
      expect(card.width).toBeCloseTo(105 * MM, 0);
      expect(card.height).toBeCloseTo(74 * MM, 0);
      expect(card.overflow).toBe(false);
      expect(card.outside).toEqual([]);
      expect(card.qr / MM).toBeGreaterThanOrEqual(35);
    }
    await page.close();
  });

  it.each(campaignCodes)('%s prints as exactly one A4 page', async (code) => {
    const page = await openCards(env.origin, code);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Number(box[1])).toBeCloseTo((210 / 25.4) * 72, -1);
    expect(Number(box[2])).toBeCloseTo((297 / 25.4) * 72, -1);
    await page.close();
  });
});

describe('the poster gallery', () => {
  it.each([360, 1280])('at %i px has no horizontal scroll, and every poster’s cards are a tap away', async (width) => {
    const page = await env.browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${env.origin}/posters/`, { waitUntil: 'load' });
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    for (const code of campaignCodes) {
      const link = page.locator(`[data-code="${code}"] a[href="/posters/${code}/cards/"]`);
      expect(await link.isVisible()).toBe(true);
      // The link text is never squeezed under a readable width.
      expect((await link.boundingBox())!.width).toBeGreaterThan(40);
    }
    await page.close();
  });
});
