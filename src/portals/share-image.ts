import sharp from 'sharp';
import { useProjectFonts } from '../fonts/fontconfig.ts';
import { fontsFor } from '../fonts/shipped-fonts.ts';
import { packRows, pngBits, pngOfRows, pngStride } from './indexed-png.ts';
import { escapeXml } from '../lib/xml.ts';

/** Width and height of share images, as Open Graph and messengers expect them. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;
const { width: W, height: H } = SHARE_SIZE;
const BRAND = [0x0b, 0x4f, 0x8a];
const ACCENT = [0xff, 0xbf, 0x47];

const WHITE = [0xff, 0xff, 0xff];
/** Space left and right of the text. */
const MARGIN = 80;

// The image is drawn in 4 palette colours, which a PNG holds at 2 bits a pixel (indexedPng): the
// brand background, the title in white with one shade halfway to it for its edges, and the
// accent (campaign name, rule). Measured on 300 titles in ten languages, an image is 4.5 KiB,
// against 6.1 with 3 shades of each ink at 4 bits and 7.5 with 8 and 7 shades. At 1200×630 the
// title's edges look as smooth, and the campaign name's, unshaded, show steps only enlarged
// (looked at in Vietnamese and Khmer, three times enlarged). That is a national campaign's
// 31,500 images in about 140 MB instead of 235, drawn faster.
const TITLE_STEPS = 2;
const ACCENT_STEPS = 1;
const ramp = (ink: number[], steps: number) =>
  Array.from({ length: steps }, (_, i) => BRAND.map((from, c) => Math.round(from + ((ink[c]! - from) * (i + 1)) / steps)));
const PALETTE = [BRAND, ...ramp(WHITE, TITLE_STEPS), ...ramp(ACCENT, ACCENT_STEPS)];
/** An ink's palette index for each coverage value (0 to 255): its nearest step, 0 where there is none. */
const shades = (first: number, steps: number) =>
  Uint8Array.from({ length: 256 }, (_, coverage) => {
    const step = Math.round((coverage * steps) / 255);
    return step === 0 ? 0 : first + step - 1;
  });
const TITLE_INK = shades(1, TITLE_STEPS);
const ACCENT_INK = shades(1 + TITLE_STEPS, ACCENT_STEPS);

/** The empty card, in palette indices: brand background and an accent rule above the campaign name. */
const BACKGROUND = (() => {
  const canvas = new Uint8Array(W * H);
  for (let y = 500; y < 506; y++) canvas.fill(ACCENT_INK[255]!, y * W + MARGIN, y * W + W - MARGIN);
  return canvas;
})();

/** Text as one byte a pixel: its anti-aliased coverage, 0 where there is none. */
interface Layer {
  data: Buffer;
  width: number;
  height: number;
}

/** Text drawn by Pango with the project's fonts. */
async function drawText(markup: string, family: string, size: number): Promise<Layer> {
  const { data, info } = await sharp({ text: { text: markup, font: `${family} ${size}`, width: W - 2 * MARGIN, wrap: 'word-char', dpi: 72 } })
    .toColourspace('b-w') // the text's coverage, 0 to 255
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Scripts written without spaces between words, which Pango here would break anywhere. */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;

/** Marks where lines may break in Thai, Lao, Khmer and Burmese text (a zero-width space between words, found with ICU's dictionaries), so no word is cut in two. */
export function wordBreaks(text: string, lang: string): string {
  if (!UNSPACED.test(text)) return text;
  const words = Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text), (s) => s.segment);
  return words.reduce((joined, word) => (joined && UNSPACED.test(joined.at(-1)!) && UNSPACED.test(word[0]!) ? `${joined}\u200B${word}` : joined + word), '');
}

/** Lays text over a canvas (rows W pixels wide) at `top`, from the left margin, or up to the right one for right-to-left text, in the shades of one ink; clipped to the canvas. */
function paint(canvas: Uint8Array, layer: Layer, top: number, ink: Uint8Array, rtl: boolean): void {
  const left = rtl ? Math.max(MARGIN, W - MARGIN - layer.width) : MARGIN;
  const height = Math.min(layer.height, canvas.length / W - top);
  const width = Math.min(layer.width, W - left);
  for (let y = 0; y < height; y++) {
    const from = y * layer.width;
    const to = (top + y) * W + left;
    for (let x = 0; x < width; x++) {
      const index = ink[layer.data[from + x]!]!;
      if (index !== 0) canvas[to + x] = index;
    }
  }
}

const BITS = pngBits(PALETTE.length);
const STRIDE = pngStride(W, BITS);
/** Where the title's first row is. */
const TITLE_TOP = 80;

/** A card: the background with the campaign name painted, as palette indices and as a PNG's packed rows. */
interface Card {
  pixels: Uint8Array;
  rows: Uint8Array;
}

/** The cards made so far, one per campaign name and font family, since every image of a locale shows one. */
const cards = new Map<string, Promise<Card>>();

async function drawCard(campaign: string, family: string, rtl: boolean): Promise<Card> {
  const pixels = BACKGROUND.slice();
  paint(pixels, await drawText(escapeXml(campaign), family, 32), 530, ACCENT_INK, rtl);
  const rows = new Uint8Array(STRIDE * H);
  packRows(pixels, W, BITS, rows);
  return { pixels, rows };
}

/** The rows of the image being made and of its title's band, kept between images: hundreds of KB of garbage each time otherwise. */
const rows = new Uint8Array(STRIDE * H);
const band = new Uint8Array(W * (H - TITLE_TOP));

/**
 * A share image (1200×630 PNG): the page's title large, in its language, and the campaign name,
 * drawn with the project's own fonts, each character with the first that has it (see
 * SHIPPED_FONTS); Pango shapes each script and lays right-to-left text from the right. Only the
 * title's band differs from its card, so only that band is painted and packed.
 */
export async function shareImage(title: string, campaign: string, lang: string, rtl = false): Promise<Buffer> {
  useProjectFonts();
  const family = fontsFor(lang)
    .map((font) => font.family)
    .join(',');
  const titleMarkup = `<span weight="bold">${escapeXml(wordBreaks(title, lang))}</span>`;
  // The title as large as fits above the campaign name: smaller for long titles.
  let titleLayer = await drawText(titleMarkup, family, 64);
  for (const size of [54, 46, 38]) {
    if (titleLayer.height <= 390) break;
    titleLayer = await drawText(titleMarkup, family, size);
  }
  const cardKey = `${family}\n${rtl}\n${campaign}`;
  if (!cards.has(cardKey)) cards.set(cardKey, drawCard(campaign, family, rtl));
  const card = await cards.get(cardKey)!;
  // From here on nothing waits, so the buffers can be reused.
  const height = Math.min(titleLayer.height, H - TITLE_TOP);
  const titleBand = band.subarray(0, W * height);
  titleBand.set(card.pixels.subarray(W * TITLE_TOP, W * (TITLE_TOP + height)));
  paint(titleBand, titleLayer, 0, TITLE_INK, rtl);
  rows.set(card.rows);
  packRows(titleBand, W, BITS, rows, TITLE_TOP);
  return pngOfRows(W, H, PALETTE, rows);
}
