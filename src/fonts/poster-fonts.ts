import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { charactersOf, fontDrawing } from './coverage.ts';
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

/**
 * Blocks of letters that shaping takes apart and puts together (Thai ำ is drawn as ํ and า,
 * Khmer ើ as េ and ី, Arabic letters take their joining forms): a font keeps the whole block of
 * any letter it draws, which is small for every script but Han.
 */
const SHAPED_BLOCKS: readonly [number, number][] = [
  [0x0000, 0x024f], // Latin, with Vietnamese's base letters
  [0x0300, 0x036f], // combining marks
  [0x1e00, 0x1eff], // Latin Extended Additional: Vietnamese
  [0x2000, 0x206f], // punctuation, joiners
  [0x25cc, 0x25cc], // the dotted circle shapers draw under a lone mark
  [0x0590, 0x05ff], // Hebrew
  [0x0600, 0x06ff], // Arabic
  [0x0750, 0x077f], // Arabic Supplement
  [0xfb50, 0xfdff], // Arabic presentation forms A
  [0xfe70, 0xfeff], // Arabic presentation forms B
  [0x0900, 0x097f], // Devanagari
  [0x0e00, 0x0e7f], // Thai
  [0x0e80, 0x0eff], // Lao
  [0x1000, 0x109f], // Myanmar
  [0x1780, 0x17ff], // Khmer
  [0x19e0, 0x19ff], // Khmer symbols
  [0xaa00, 0xaa5f], // Cham
  [0xaa80, 0xaadf], // Tai Viet
  [0x3000, 0x303f], // CJK punctuation
  [0xff00, 0xffef], // full-width forms
  [0xfe00, 0xfe0f], // variation selectors
];

/** The characters a font must keep to draw `char` however it is shaped: its block, or itself and its decomposition. */
function companions(char: string): number[] {
  const code = char.codePointAt(0)!;
  const block = SHAPED_BLOCKS.find(([from, to]) => code >= from && code <= to);
  if (block) return Array.from({ length: block[1] - block[0] + 1 }, (_, i) => block[0] + i);
  return Array.from(new Set(char + char.normalize('NFD')), (c) => c.codePointAt(0)!);
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
    for (const char of new Set(text)) {
      const font = fontDrawing(char.codePointAt(0)!, fonts);
      if (!font) continue;
      const set = charsOf.get(font) ?? new Set();
      for (const code of companions(char)) if (charactersOf(font).has(code)) set.add(String.fromCodePoint(code));
      charsOf.set(font, set);
    }
  }
  return [...charsOf].flatMap(([font, set]) => {
    const chars = [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
    const key = createHash('sha256').update(chars).digest('hex').slice(0, 10);
    // A family without a bold file has its regular file as its bold face too (see posterFontsCss).
    const weights = font.bold ? ([400, 700] as const) : ([400] as const);
    return weights.map((weight) => ({ font, weight, chars, name: `${font.id}-${weight}.${key}.woff2` }));
  });
}

/**
 * The WOFF2 file of one poster font: only the glyphs of its characters, so a Chinese font is
 * kilobytes, not megabytes. Cutting and compressing a site's fonts takes over a second, so each
 * file is kept in `cacheDir` under a hash of the font file's bytes and the characters.
 */
export async function posterFontFile({ font, weight, chars }: PosterFontFile, cacheDir: string): Promise<Buffer> {
  const source = readFileSync(weight === 700 ? font.bold! : font.regular);
  const cached = join(cacheDir, `${createHash('sha256').update(source).update(chars).digest('hex').slice(0, 32)}.woff2`);
  if (existsSync(cached)) return readFileSync(cached);
  const woff2 = await subsetFont(source, chars, { targetFormat: 'woff2' });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cached}.${process.pid}`, woff2);
  renameSync(`${cached}.${process.pid}`, cached);
  return woff2;
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
  const face = (f: PosterFontFile, weight: number) =>
    `@font-face {\n  font-family: "${cssFamily(f.font)}";\n  font-weight: ${weight};\n  font-display: block;\n` +
    `  src: url("${fontsUrl}${f.name}") format("woff2");\n  unicode-range: ${unicodeRange(f.chars)};\n}\n`;
  // Without a bold file, bold text is set in the regular one: a bold made up by Chromium would be
  // printed as drawings (Type 3), not as the font, and share images do the same.
  const faces = files.flatMap((f) => (f.font.bold ? [face(f, f.weight)] : [face(f, 400), face(f, 700)]));
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
