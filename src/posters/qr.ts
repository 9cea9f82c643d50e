import QRCode from 'qrcode';
import sharp from 'sharp';
import { escapeXml } from '../lib/xml.ts';

/** A QR code as a square of dark (true) and light modules, without its quiet zone. */
export interface QrMatrix {
  size: number;
  version: number;
  dark(x: number, y: number): boolean;
}

/** The quiet zone around a code, in modules, as the QR standard asks. */
export const QUIET_ZONE = 4;

/** Encodes text (the short link) as a QR code at an error-correction level. */
export function makeQr(text: string, level: 'L' | 'M' | 'Q' | 'H'): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const { size, data } = qr.modules;
  return { size, version: qr.version, dark: (x, y) => data[y * size + x] === 1 };
}

/** The code as an SVG: one path of unit squares, with the quiet zone, scalable to any size. */
export function qrSvg(qr: QrMatrix, title?: string): string {
  const full = qr.size + 2 * QUIET_ZONE;
  let path = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.dark(x, y)) continue;
      let run = 1;
      while (x + run < qr.size && qr.dark(x + run, y)) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  const label = title ? `<title>${escapeXml(title)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"${title ? ' role="img"' : ''}>${label}<rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** Pixel size of the PNG for a printed width: whole pixels per module, at least the printed width at `dpi`. */
export function pngPixels(qr: QrMatrix, printedMm: number, dpi = 300): { perModule: number; pixels: number } {
  const full = qr.size + 2 * QUIET_ZONE;
  const perModule = Math.ceil(((printedMm / 25.4) * dpi) / full);
  return { perModule, pixels: perModule * full };
}

/** The code as a black-and-white PNG at `dpi` for its printed width, with the resolution recorded in the file. */
export async function qrPng(qr: QrMatrix, printedMm: number, dpi = 300): Promise<Buffer> {
  const { perModule, pixels } = pngPixels(qr, printedMm, dpi);
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
    .withMetadata({ density: dpi })
    .toBuffer();
}
