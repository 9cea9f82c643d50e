import sharp from 'sharp';
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAP_HEIGHT, PAPER_SCALE } from '../../src/posters/poster-type.ts';
import { sheetMm } from '../../src/posters/paper.ts';
import type { PaperSize } from '../../src/model/schemas.ts';
import { decodeQr } from './qr-decode.ts';

const PX_PER_MM = 96 / 25.4;

/** What a poster's print page needs to print, for the checks below. */
export interface PrintedPoster {
  /** The print page's address. */
  url: string;
  paper: PaperSize;
  orientation: 'portrait' | 'landscape';
}

/**
 * Checks a poster's print page as printed: type sized for its distance (headline capitals 15 mm
 * on A4, scaled by paper; steps and address 3.5 mm), nothing cut off or overflowing, and no empty
 * band across the sheet taller than a fifth of it.
 */
export async function expectPrintedWell(browser: Browser, { url, paper }: PrintedPoster): Promise<void> {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'load' });
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
  await page.close();
  const mm = (px: number) => px / PX_PER_MM;
  for (const px of found.headline) expect(mm(px) * CAP_HEIGHT, `${url}: headline`).toBeGreaterThanOrEqual(15 * PAPER_SCALE[paper] - 0.05);
  for (const px of found.near) expect(mm(px) * CAP_HEIGHT, `${url}: steps and address`).toBeGreaterThanOrEqual(3.5 - 0.05);
  for (const box of found.boxes) {
    expect(box.top, `${url}: ${box.what} starts on the sheet`).toBeGreaterThanOrEqual(0);
    expect(box.bottom, `${url}: ${box.what} ends on the sheet`).toBeLessThanOrEqual(found.height + 0.5);
    expect(box.left, `${url}: ${box.what}`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${url}: ${box.what}`).toBeLessThanOrEqual(found.width + 0.5);
    expect(box.overflows, `${url}: ${box.what} overflows its box`).toBe(false);
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
  expect(gap / found.height, `${url}: empty band`).toBeLessThan(0.2);
}

/**
 * What a phone's camera preview sees of a sheet from `distanceM` away: 1,280 pixels across a 65°
 * field of view, so fewer pixels a millimetre the farther it is.
 */
const previewPxPerMm = (distanceM: number) => 1280 / (2 * distanceM * 1000 * Math.tan((32.5 * Math.PI) / 180));

/**
 * The codes ZXing reads in a camera-like picture of a poster's print page: the sheet at the
 * pixels a phone's preview gives it from `distanceM`, tilted 4°, out of focus and JPEG-compressed.
 */
export async function codesSeenFrom(browser: Browser, { url, paper, orientation }: PrintedPoster, distanceM: number): Promise<string[]> {
  const [w, h] = sheetMm(paper, orientation);
  const page = await browser.newPage({ viewport: { width: Math.ceil(w * PX_PER_MM) + 80, height: Math.ceil(h * PX_PER_MM) + 80 }, deviceScaleFactor: 2 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const shot = await page.locator('.sheet').screenshot();
  await page.close();
  const photo = await sharp(shot)
    .resize({ width: Math.round(w * previewPxPerMm(distanceM)), kernel: 'cubic' })
    .rotate(4, { background: '#808080' })
    .blur(0.7)
    .jpeg({ quality: 55 })
    .toBuffer();
  return (await decodeQr(await sharp(photo).png().toBuffer())).map((found) => found.text);
}
