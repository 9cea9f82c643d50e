import QRCode from 'qrcode';
import { escapeXml } from '../lib/xml.ts';
import { QUIET_ZONE } from './paper.ts';

export { QUIET_ZONE };

/** A QR code as a square of dark (true) and light modules, without its quiet zone. */
export interface QrMatrix {
  size: number;
  version: number;
  dark(x: number, y: number): boolean;
}

/** QR error-correction levels. */
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/**
 * How the text is encoded: `alphanumeric` (digits, capitals and ` $%*+-./:`, 5.5 bits a
 * character) makes the smallest code for a link written in capitals; `byte` (8 bits) takes any text.
 */
export type QrMode = 'alphanumeric' | 'byte';

/** Encodes text (the short link) as a QR code of one segment in `mode`, at an error-correction level. */
export function makeQr(text: string, level: QrLevel, mode: QrMode = 'byte'): QrMatrix {
  const segment = mode === 'alphanumeric' ? { data: text, mode } : { data: new TextEncoder().encode(text), mode };
  const qr = QRCode.create([segment], { errorCorrectionLevel: level });
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
