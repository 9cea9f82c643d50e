import type { PaperSize } from '../model/schemas.ts';

/** Width and height of each paper size in millimetres, portrait. */
export const PAPER_MM: Record<PaperSize, [number, number]> = { A5: [148, 210], A4: [210, 297], A3: [297, 420] };

/** Printed width of the QR code (quiet zone included) on each paper size, in millimetres. */
export const QR_MM: Record<PaperSize, number> = { A5: 50, A4: 70, A3: 100 };

/** The smallest printed QR width each paper size allows, so it scans from a metre or more away. */
export const MIN_QR_MM: Record<PaperSize, number> = { A5: 30, A4: 40, A3: 55 };

/** Width and height of a sheet in millimetres. */
export function sheetMm(paper: PaperSize, orientation: 'portrait' | 'landscape'): [number, number] {
  const [w, h] = PAPER_MM[paper];
  return orientation === 'portrait' ? [w, h] : [h, w];
}
