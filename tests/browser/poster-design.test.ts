import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { PAPER_SCALE, CAP_HEIGHT } from '../../src/posters/poster-type.ts';

const env = browserAndSite('campaign');
const { posters } = loadPosterFiles(SITES.campaign.siteDir);
const PX_PER_MM = 96 / 25.4;

describe('posters as printed', () => {
  it('covers every paper size and orientation', () => {
    expect(new Set(posters.map((p) => p.paper))).toEqual(new Set(['A5', 'A4', 'A3']));
    expect(new Set(posters.map((p) => p.orientation))).toEqual(new Set(['portrait', 'landscape']));
  });

  it.each(posters.map((p) => [p.code, p.paper, p.orientation] as const))(
    '%s (%s %s): type sized for its distance, nothing cut off, no empty band over a fifth of the sheet',
    async (code, paper) => {
      const page = await env.browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.origin}${env.base}posters/${code}/`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const found = await page.evaluate(() => {
        const sheet = document.querySelector('.sheet')!.getBoundingClientRect();
        const size = (selector: string) => [...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize));
        const boxes = [...document.querySelectorAll('.band, h1, .subline, .key-steps h2, .key-steps li, .more, .qr, .cta, .scan, .safety, .type, .short-link')]
          .filter((e) => getComputedStyle(e).display !== 'none')
          .map((e) => {
            const r = e.getBoundingClientRect();
            return {
              what: e.className || e.tagName,
              top: r.top - sheet.top,
              bottom: r.bottom - sheet.top,
              left: r.left - sheet.left,
              right: r.right - sheet.left,
              overflows: e.scrollWidth > e.clientWidth + 1,
            };
          });
        return { width: sheet.width, height: sheet.height, headline: size('h1'), near: size('.key-steps li, .short-link, .type'), boxes };
      });
      const mm = (px: number) => px / PX_PER_MM;
      // Capitals of the headline: 15 mm on A4, scaled by paper; of the steps and address: 3.5 mm.
      for (const px of found.headline) expect(mm(px) * CAP_HEIGHT).toBeGreaterThanOrEqual(15 * PAPER_SCALE[paper] - 0.05);
      for (const px of found.near) expect(mm(px) * CAP_HEIGHT).toBeGreaterThanOrEqual(3.5 - 0.05);
      for (const box of found.boxes) {
        expect(box.top, `${box.what} starts on the sheet`).toBeGreaterThanOrEqual(0);
        expect(box.bottom, `${box.what} ends on the sheet`).toBeLessThanOrEqual(found.height + 0.5);
        expect(box.left, `${box.what}`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${box.what}`).toBeLessThanOrEqual(found.width + 0.5);
        expect(box.overflows, `${box.what} overflows its box`).toBe(false);
      }
      // The largest stretch of the sheet's height that nothing covers, across its whole width.
      const spans = found.boxes.map((b) => [b.top, b.bottom] as const).sort((a, b) => a[0] - b[0]);
      let reached = 0;
      let gap = 0;
      for (const [top, bottom] of spans) {
        gap = Math.max(gap, top - reached);
        reached = Math.max(reached, bottom);
      }
      gap = Math.max(gap, found.height - reached);
      expect(gap / found.height).toBeLessThan(0.2);
      await page.close();
    },
  );
});
