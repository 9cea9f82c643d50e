/**
 * How big a body's image is shown, and which sizes of it the build writes: a phone screenshot
 * fits in a phone's first screen beside its step, and screens with 2 or 3 pixels per CSS pixel
 * get a sharper copy when the file has the pixels for it.
 */

/** Tallest an image is shown, in CSS px: 70 % of a 360 × 640 phone's screen. */
export const MAX_HEIGHT = 448;
/** Widest an image is shown, in CSS px: the text column, less its margins. */
export const MAX_WIDTH = 672;
/** The body column's inline padding together, in CSS px (`main` has 1rem each side). */
const COLUMN_PADDING = 32;

/** What astro:assets' getImage is asked for: the size shown, and the widths written. */
export interface ScreenshotSize {
  /** CSS px, written as the `width` and `height` attributes, which the stylesheet keeps. */
  width: number;
  height: number;
  /** Pixel widths of the copies in `srcset`: 1×, 2× and 3× the width shown, those the file is wide enough for, and the file's own width when it is between. */
  widths: number[];
  /** The `sizes` attribute: the width shown, or the column on a screen narrower than that. */
  sizes: string;
}

/** The size a picture of `width` × `height` pixels is shown at, and the widths of its copies. */
export function screenshotSize(width: number, height: number): ScreenshotSize {
  const shown = Math.max(1, Math.min(width, MAX_WIDTH, Math.round((MAX_HEIGHT * width) / height)));
  const widths = [1, 2, 3].map((density) => shown * density).filter((w) => w <= width);
  // A file between two densities still gives the sharpest copy it can (astro:assets never enlarges).
  if (widths.at(-1)! < width && widths.length < 3) widths.push(width);
  return {
    width: shown,
    height: Math.max(1, Math.round((shown * height) / width)),
    widths,
    sizes: `(max-width: ${shown + COLUMN_PADDING}px) calc(100vw - ${COLUMN_PADDING}px), ${shown}px`,
  };
}
