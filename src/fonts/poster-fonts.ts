import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { fontDrawing } from './coverage.ts';
import { fontsFor, type ShippedFont } from './shipped-fonts.ts';

/** One font file a poster page loads: a shipped font in one weight, cut down to the characters the posters print. */
export interface PosterFontFile {
  font: ShippedFont;
  weight: 400 | 700;
  /** The characters it is cut down to, in code point order. */
  chars: string;
  /** Its file name below `posters/fonts/`, which changes whenever its characters do. */
  name: string;
}

/** The family name poster pages use for a shipped font: its own, so a font installed on the machine is never taken for it. */
const cssFamily = (font: ShippedFont) => `Loa ${font.family}`;

/**
 * The font files poster pages need to draw `texts`, each character from the first shipped font
 * that has it in its text's language (see fontsFor). Posters load these from the site itself, so
 * a printed PDF is the same on every machine, whatever fonts it has.
 */
export function posterFontFiles(texts: readonly { lang: string; text: string }[]): PosterFontFile[] {
  const charsOf = new Map<ShippedFont, Set<string>>();
  for (const { lang, text } of texts) {
    const fonts = fontsFor(lang);
    for (const char of text) {
      const font = fontDrawing(char.codePointAt(0)!, fonts);
      if (font) charsOf.set(font, (charsOf.get(font) ?? new Set()).add(char));
    }
  }
  return [...charsOf].flatMap(([font, set]) => {
    const chars = [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
    const key = createHash('sha256').update(chars).digest('hex').slice(0, 10);
    return ([400, 700] as const).map((weight) => ({ font, weight, chars, name: `${font.id}-${weight}.${key}.woff2` }));
  });
}

/** The WOFF2 file of one poster font: only the glyphs of its characters, so a Chinese font is kilobytes, not megabytes. */
export async function posterFontFile({ font, weight, chars }: PosterFontFile): Promise<Buffer> {
  const file = weight === 700 && font.bold ? font.bold : font.regular;
  return subsetFont(readFileSync(file), chars, { targetFormat: 'woff2' });
}

/** A CSS `unicode-range` for a set of characters: `U+20-7E, U+4E2D`. */
function unicodeRange(chars: string): string {
  const codes = Array.from(chars, (c) => c.codePointAt(0)!);
  const ranges: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    ranges.push(i === j ? `U+${hex(codes[i]!)}` : `U+${hex(codes[i]!)}-${hex(codes[j]!)}`);
    i = j;
  }
  return ranges.join(', ');
}

/**
 * The stylesheet of poster pages: a `@font-face` for each file, limited to its characters so a
 * page loads only the files its own text uses, and the order the families are tried in, with
 * Traditional Chinese taking its Han characters from its own family.
 */
export function posterFontsCss(files: readonly PosterFontFile[], fontsUrl: string): string {
  const faces = files.map(
    (f) =>
      `@font-face {\n  font-family: "${cssFamily(f.font)}";\n  font-weight: ${f.weight};\n  font-display: block;\n` +
      `  src: url("${fontsUrl}${f.name}") format("woff2");\n  unicode-range: ${unicodeRange(f.chars)};\n}\n`,
  );
  const used = new Set(files.map((f) => f.font));
  const stack = (lang: string) =>
    [
      ...fontsFor(lang)
        .filter((f) => used.has(f))
        .map((f) => `"${cssFamily(f)}"`),
      'sans-serif',
    ].join(', ');
  const traditional = ':lang(zh-Hant), :lang(zh-TW), :lang(zh-HK), :lang(zh-MO)';
  const stacks =
    `html > body {\n  font-family: ${stack('und')};\n}\n` +
    (stack('zh-Hant') === stack('und') ? '' : `${traditional} {\n  font-family: ${stack('zh-Hant')};\n}\n`);
  return `/* Fonts of poster pages, made by the build from the posters' text (src/fonts/poster-fonts.ts). */\n${faces.join('')}${stacks}`;
}
