import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { sheetMm } from '../../src/posters/paper.ts';

const { posters } = loadPosterFiles(SITES.campaign.siteDir);

const env = browserAndSite('campaign');

const MM = 96 / 25.4; // CSS pixels per millimetre

describe('posters in print', () => {
  it.each(posters.map((p) => [p.code, p] as const))(
    '%s fits exactly one sheet of its paper, nothing cut off, and prints as one PDF page',
    async (code, poster) => {
      const page = await env.browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.origin}/posters/${code}/`);
      const [w, h] = sheetMm(poster.paper, poster.orientation);
      const sheet = await page.evaluate(() => {
        const el = document.querySelector('.sheet') as HTMLElement;
        const box = el.getBoundingClientRect();
        const outside = [...el.querySelectorAll('*')].filter((child) => {
          const r = child.getBoundingClientRect();
          return r.width > 0 && (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5 || r.left < box.left - 0.5 || r.top < box.top - 0.5);
        });
        return {
          width: box.width,
          height: box.height,
          overflow: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
          outside: outside.map((o) => o.className || o.tagName),
        };
      });
      expect(sheet.width).toBeCloseTo(w * MM, 0);
      expect(sheet.height).toBeCloseTo(h * MM, 0);
      expect(sheet.overflow).toBe(false);
      expect(sheet.outside).toEqual([]);
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
      expect(Number(box[1])).toBeCloseTo((w / 25.4) * 72, -1);
      expect(Number(box[2])).toBeCloseTo((h / 25.4) * 72, -1);
      await page.close();
    },
  );
});
