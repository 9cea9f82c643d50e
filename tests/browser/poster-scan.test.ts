import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { decodeQr } from '../helpers/qr-decode.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { posterCode } from '../../src/posters/poster-code.ts';
import { sheetMm } from '../../src/posters/paper.ts';

const env = browserAndSite('campaign');
const { posters } = loadPosterFiles(SITES.campaign.siteDir);

/**
 * What a phone's camera preview sees of a sheet from `distanceM` away: 1,280 pixels across a 65°
 * field of view, so fewer pixels a millimetre the farther it is.
 */
const previewPxPerMm = (distanceM: number) => 1280 / (2 * distanceM * 1000 * Math.tan((32.5 * Math.PI) / 180));

describe('a poster scanned as a passer-by scans it', () => {
  it.each(posters.filter((p) => p.status === 'active').map((p) => [p.code, p.paper, p.orientation] as const))(
    '%s (%s %s): the code decodes from a camera-like picture of the print page at its scanning distance, tilted, blurred and JPEG-compressed',
    async (code, paper, orientation) => {
      const poster = posters.find((p) => p.code === code)!;
      const { text, distanceM } = posterCode(poster, 'https://flood.example.org', '/');
      const [w, h] = sheetMm(paper, orientation);
      const page = await env.browser.newPage({
        viewport: { width: Math.ceil((w * 96) / 25.4) + 80, height: Math.ceil((h * 96) / 25.4) + 80 },
        deviceScaleFactor: 2,
      });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${env.origin}${env.base}posters/${code}/`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const sharpShot = await page.locator('.sheet').screenshot();
      await page.close();
      // The sheet as the preview sees it: its millimetres at the preview's pixels, a little tilted and out of focus.
      const width = Math.round(w * previewPxPerMm(distanceM));
      const photo = await sharp(
        await sharp(sharpShot).resize({ width, kernel: 'cubic' }).rotate(4, { background: '#808080' }).blur(0.7).jpeg({ quality: 55 }).toBuffer(),
      )
        .png()
        .toBuffer();
      const found = await decodeQr(photo);
      expect(found.map((f) => f.text)).toContain(text);
    },
  );
});
