import type { PaperSize } from '../model/schemas.ts';

/** How much larger each paper is than A4, side for side: what every size on a poster is scaled by. */
export const PAPER_SCALE: Record<PaperSize, number> = { A5: 0.7071, A4: 1, A3: 1.4142 };

/** Noto Sans capitals are this high for a font size of 1. */
export const CAP_HEIGHT = 0.714;

/**
 * The sizes of a poster's type and spaces, in millimetres on A4 (scaled by paper), with the
 * smallest each may be on any paper. The headline's capitals are 15 mm high on A4, read from 3
 * m; the steps' and the address's at least 3.5 mm on every paper, read from 1 m. The page's
 * stylesheet and the fitting of text (fitPoster) both read them from here.
 */
export const POSTER_TYPE = {
  headline: { size: 21.5, lineHeight: 1.06 },
  subline: { size: 9, lineHeight: 1.2 },
  near: { size: 6.4, min: 3.5 / CAP_HEIGHT, lineHeight: 1.22 },
  cta: { size: 9, lineHeight: 1.15 },
  band: { size: 5.2, lineHeight: 1.2 },
  link: { size: 10, min: 3.5 / CAP_HEIGHT, lineHeight: 1.25 },
  safety: { size: 4.2, min: 3.4, lineHeight: 1.25 },
  footer: { size: 3.8, min: 3, lineHeight: 1.25 },
} as const;
export type TypeName = keyof typeof POSTER_TYPE;

/** A type size on a paper, in millimetres: scaled from A4, never below its smallest. */
export function typeMm(name: TypeName, paper: PaperSize): number {
  const type = POSTER_TYPE[name];
  return Math.max(type.size * PAPER_SCALE[paper], 'min' in type ? type.min : 0);
}

/** The sizes as CSS custom properties for the sheet (`--t-headline: 21.5mm; …`). */
export function typeCss(paper: PaperSize): string {
  return (Object.keys(POSTER_TYPE) as TypeName[]).map((name) => `--t-${name}: ${typeMm(name, paper).toFixed(2)}mm`).join('; ');
}
