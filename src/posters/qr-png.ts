import { deflateSync } from 'node:zlib';
import { pngChunk } from '../portals/indexed-png.ts';
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
 * The code as a black-and-white PNG with its quiet zone, one bit a pixel, with the resolution
 * recorded in the file so that a print shop's software places it at its printed size, to the
 * hundredth of a millimetre. Written directly: a 2,000-pixel code is a few milliseconds, not the
 * tens an 8-bit image through sharp takes, which a thousand posters feel.
 */
export function qrPng(qr: QrMatrix, moduleMm: number, dpi = 300): Buffer {
  const { perModule, pixels, dpi: density } = pngPixels(qr, moduleMm, dpi);
  const stride = 1 + Math.ceil(pixels / 8); // the filter byte (0: none), then 8 pixels a byte, 1 for white
  const rows = Buffer.alloc(stride * pixels, 0xff);
  for (let y = 0; y < pixels; y++) rows[y * stride] = 0;
  for (let y = 0; y < qr.size; y++) {
    const first = (y + QUIET_ZONE) * perModule * stride;
    for (let x = 0; x < qr.size; x++) {
      if (!qr.dark(x, y)) continue;
      for (let px = (x + QUIET_ZONE) * perModule; px < (x + QUIET_ZONE + 1) * perModule; px++) rows[first + 1 + (px >> 3)]! &= ~(0x80 >> (px & 7));
    }
    // A module is perModule rows high: the first row of it, copied.
    for (let dy = 1; dy < perModule; dy++) rows.copyWithin(first + dy * stride, first, first + stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1 bit, greyscale, deflate, filters, no interlace
  const physical = Buffer.alloc(9);
  const perMetre = Math.round(density / 0.0254);
  physical.writeUInt32BE(perMetre, 0);
  physical.writeUInt32BE(perMetre, 4);
  physical[8] = 1; // the unit is the metre
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('pHYs', physical),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}
