import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { printedCode, sheetMm } from '../../src/posters/paper.ts';
import { QUIET_ZONE } from '../../src/posters/qr.ts';

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
      // As npm run posters -- --pdf does: the text set in the poster's own fonts, not a stand-in.
      await page.evaluate(() => document.fonts.ready);
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

  it.each(posters.map((p) => [p.code, p.paper] as const))(
    '%s: the code is printed at its size on %s: modules of 2.7 mm per metre of its scanning distance, rounded up to 0.1 mm',
    async (code, paper) => {
      const page = await env.browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.origin}/posters/${code}/`);
      // The code's SVG, whatever the markup around it: its path starts at the quiet zone.
      const svg = await page.evaluate((zone) => {
        const code = [...document.querySelectorAll('svg')].find((s) => s.querySelector('path')?.getAttribute('d')?.startsWith(`M${zone} ${zone}h`))!;
        const box = code.getBoundingClientRect();
        return { width: box.width, height: box.height, modules: Number(code.getAttribute('viewBox')!.split(' ')[2]) };
      }, QUIET_ZONE);
      const { widthMm } = printedCode(paper, svg.modules - 2 * QUIET_ZONE);
      expect(svg.width / MM).toBeCloseTo(widthMm, 1);
      expect(svg.height / MM).toBeCloseTo(widthMm, 1);
      await page.close();
    },
  );
});

describe('a short link in capitals, as codes encode it', () => {
  it.each(posters.map((p) => [p.code, p] as const))(
    '%s: Chromium keeps the path’s case and lands on the target, or on the retired poster’s page',
    async (code, poster) => {
      const page = await env.browser.newPage();
      // As a phone opens HTTPS://HOST/P/K7M/: the scheme and host lower-cased, the path kept.
      await page.goto(`${env.origin.toUpperCase()}/P/${code.toUpperCase()}/`);
      if (poster.status === 'active') {
        const target = `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
        await page.waitForURL(`${env.origin}${target}`, { timeout: 5000 });
        expect(new URL(page.url()).pathname).toBe(target);
      } else {
        // A retired poster's link stays on its page, which links to the campaign home in its language.
        expect(new URL(page.url()).pathname).toBe(`/P/${code.toUpperCase()}/`);
        expect(await page.locator('main a.go-home').getAttribute('href')).toBe(`/${poster.target.locale}/`);
      }
      await page.close();
    },
  );
});
