import type { PaperSize } from '../model/schemas.ts';

/** Width and height of each paper size in millimetres, portrait. */
export const PAPER_MM: Record<PaperSize, [number, number]> = { A5: [148, 210], A4: [210, 297], A3: [297, 420] };

/** How far away a poster of each paper size is meant to be scanned from, in metres. */
export const SCAN_DISTANCE_M: Record<PaperSize, number> = { A5: 1, A4: 1.5, A3: 2 };

/** The smallest QR module a phone camera resolves, in millimetres per metre of scanning distance. */
export const MODULE_MM_PER_M = 2.7;

/** The quiet zone around a code, in modules, as the QR standard asks. */
export const QUIET_ZONE = 4;

/**
 * The largest share of a sheet's shorter side the code may take, quiet zone included: the rest
 * of that side, and the whole of the longer one, stays for the poster's text. Three quarters
 * holds a version 3 code on every paper and version 4 on A5 and A3; 60 % would refuse even
 * version 2 on A4 (33 modules of 4.1 mm are 64 % of its 210 mm).
 */
export const MAX_CODE_SHARE = 0.75;

/** How a code is printed on a paper: its scanning distance, module size and width (quiet zone included). */
export interface PrintedCode {
  distanceM: number;
  moduleMm: number;
  widthMm: number;
}

/**
 * The printed size of a code of `modules` modules a side (without quiet zone) on a paper: the
 * smallest module its scanning distance allows, rounded up to 0.1 mm, and no bigger, so the
 * poster's text gets all the room the rule leaves.
 */
export function printedCode(paper: PaperSize, modules: number): PrintedCode {
  const distanceM = SCAN_DISTANCE_M[paper];
  // The epsilon keeps 2 × 2.7 = 5.4 from rounding up to 5.5 through floating-point noise.
  const moduleMm = Math.ceil(distanceM * MODULE_MM_PER_M * 10 - 1e-9) / 10;
  const widthMm = Math.round((modules + 2 * QUIET_ZONE) * moduleMm * 100) / 100;
  return { distanceM, moduleMm, widthMm };
}

/** The widest code (quiet zone included) a paper takes, in millimetres, in either orientation. */
export function maxCodeMm(paper: PaperSize): number {
  return Math.round(Math.min(...PAPER_MM[paper]) * MAX_CODE_SHARE * 100) / 100;
}

/** Width and height of a sheet in millimetres. */
export function sheetMm(paper: PaperSize, orientation: 'portrait' | 'landscape'): [number, number] {
  const [w, h] = PAPER_MM[paper];
  return orientation === 'portrait' ? [w, h] : [h, w];
}
