import sharp from 'sharp';
import { QUIET_ZONE } from './paper.ts';
import type { QrMatrix } from './qr.ts';

/**
 * Pixels of the PNG of a code printed at `moduleMm` a module: whole pixels per module, at least
 * `dpi`, and the resolution that makes it print at exactly its module size (a little over `dpi`).
 */
export function pngPixels(qr: QrMatrix, moduleMm: number, dpi = 300): { perModule: number; pixels: number; dpi: number } {
  const perModule = Math.ceil((moduleMm / 25.4) * dpi - 1e-9);
  return { perModule, pixels: perModule * (qr.size + 2 * QUIET_ZONE), dpi: (perModule * 25.4) / moduleMm };
}

/**
 * The code as a black-and-white PNG with its quiet zone, with the resolution recorded in the file
 * so that a print shop's software places it at its printed size, to the hundredth of a millimetre.
 */
export async function qrPng(qr: QrMatrix, moduleMm: number, dpi = 300): Promise<Buffer> {
  const { perModule, pixels, dpi: density } = pngPixels(qr, moduleMm, dpi);
  const raw = Buffer.alloc(pixels * pixels, 255);
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) {
      if (!qr.dark(x, y)) continue;
      for (let dy = 0; dy < perModule; dy++) {
        const row = ((y + QUIET_ZONE) * perModule + dy) * pixels;
        raw.fill(0, row + (x + QUIET_ZONE) * perModule, row + (x + QUIET_ZONE + 1) * perModule);
      }
    }
  return sharp(raw, { raw: { width: pixels, height: pixels, channels: 1 } })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .withMetadata({ density })
    .toBuffer();
}
