import { fontDrawing } from '../fonts/coverage.ts';
import { fontFacts } from '../fonts/font-facts.ts';
import { fontsFor, type ShippedFont } from '../fonts/shipped-fonts.ts';

/** Width of a character in em, in the font a poster draws it with. */
function advance(char: string, fonts: readonly ShippedFont[], bold: boolean): number {
  const code = char.codePointAt(0)!;
  const shipped = fontDrawing(code, fonts);
  if (!shipped) return 0.6;
  return fontFacts(bold && shipped.bold ? shipped.bold : shipped.regular).advance(code);
}

/** Han, kana and Hangul: a line may break between any two of these. */
const ANY_BREAK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** The pieces a line may break between: words (as the language's dictionary finds them), spaces, single Han characters. */
function pieces(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    if (ANY_BREAK.test(segment)) out.push(...segment);
    else if (out.length && !/\s/.test(segment) && !/\s$/.test(out.at(-1)!) && !/^\p{L}|^\p{N}/u.test(segment))
      out[out.length - 1] += segment; // punctuation stays with its word
    else out.push(segment);
  }
  return out;
}

/**
 * How many lines `text` takes at `sizeMm` in a column `widthMm` wide, set as a browser would:
 * line by line, breaking between words. Widths come from the shipped fonts' own advances, so
 * a poster can be fitted before it is printed; shaping that narrows clusters (Khmer subscripts)
 * only makes the estimate err on the safe side.
 */
export function lineCount(text: string, lang: string, sizeMm: number, widthMm: number, bold = false): number {
  if (!text.trim()) return 0;
  const width = (piece: string) => lineWidth(piece, lang, sizeMm, bold);
  let lines = 1;
  let used = 0;
  for (const piece of pieces(text, lang)) {
    const w = width(piece);
    if (/^\s+$/.test(piece)) {
      if (used > 0) used += w;
      continue;
    }
    if (used > 0 && used + w > widthMm) {
      lines++;
      used = 0;
    }
    // A piece wider than the column is broken anywhere.
    const extra = Math.max(0, Math.ceil(w / widthMm) - 1);
    lines += extra;
    used += w - extra * widthMm;
  }
  return lines;
}

/** The width of `text` on one line at `sizeMm`, in millimetres. */
export function lineWidth(text: string, lang: string, sizeMm: number, bold = false): number {
  const fonts = fontsFor(lang);
  return Array.from(text, (c) => advance(c, fonts, bold)).reduce((a, b) => a + b, 0) * sizeMm;
}
