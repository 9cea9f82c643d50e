import sharp from 'sharp';
import { useProjectFonts } from './fonts.ts';

/** Width and height of share images, as Open Graph and messengers expect them. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;
const { width: W, height: H } = SHARE_SIZE;
const BRAND = [0x0b, 0x4f, 0x8a];
const ACCENT = [0xff, 0xbf, 0x47];

const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** The empty card, as raw RGB: brand background and an accent rule above the campaign name. */
const BACKGROUND = (() => {
  const canvas = Buffer.alloc(W * H * 3);
  for (let i = 0; i < canvas.length; i += 3) canvas.set(BRAND, i);
  for (let y = 500; y < 506; y++) for (let x = 80; x < 1120; x++) canvas.set(ACCENT, (y * W + x) * 3);
  return canvas;
})();

interface Layer {
  data: Buffer;
  width: number;
  height: number;
}

/** Text drawn by Pango with the project's fonts, as raw RGBA pixels. */
async function drawText(markup: string, family: string, size: number): Promise<Layer> {
  const { data, info } = await sharp({ text: { text: markup, font: `${family} ${size}`, width: 1040, rgba: true, wrap: 'word-char', dpi: 72 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Lays RGBA text over the RGB canvas at (left, top), blending by its alpha; clipped to the canvas. */
function blend(canvas: Buffer, layer: Layer, left: number, top: number): void {
  for (let y = 0; y < layer.height && top + y < H; y++) {
    for (let x = 0; x < layer.width && left + x < W; x++) {
      const from = (y * layer.width + x) * 4;
      const alpha = layer.data[from + 3]!;
      if (alpha === 0) continue;
      const to = ((top + y) * W + left + x) * 3;
      for (let c = 0; c < 3; c++) canvas[to + c] = (layer.data[from + c]! * alpha + canvas[to + c]! * (255 - alpha) + 127) / 255;
    }
  }
}

/** The campaign name drawn once per font family, since every image of a locale shows it. */
const campaignLayers = new Map<string, Promise<Layer>>();

/**
 * A share image (1200×630 PNG): the page's title large, in its language, and the campaign name,
 * drawn with the project's own fonts (Chinese, Japanese and Korean titles with Noto Sans SC).
 */
export async function shareImage(title: string, campaign: string, lang: string): Promise<Buffer> {
  useProjectFonts();
  const family = /^(zh|ja|ko)\b/.test(lang) ? 'Noto Sans SC' : 'Noto Sans';
  const titleMarkup = `<span foreground="#ffffff" weight="bold">${escape(title)}</span>`;
  // The title as large as fits above the campaign name: smaller for long titles.
  let titleLayer = await drawText(titleMarkup, family, 64);
  for (const size of [54, 46, 38]) {
    if (titleLayer.height <= 390) break;
    titleLayer = await drawText(titleMarkup, family, size);
  }
  const campaignKey = `${family}\n${campaign}`;
  if (!campaignLayers.has(campaignKey)) campaignLayers.set(campaignKey, drawText(`<span foreground="#ffbf47">${escape(campaign)}</span>`, family, 32));
  const campaignLayer = await campaignLayers.get(campaignKey)!;
  const canvas = Buffer.from(BACKGROUND);
  blend(canvas, titleLayer, 80, 80);
  blend(canvas, campaignLayer, 80, 530);
  return sharp(canvas, { raw: { width: W, height: H, channels: 3 } }).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}
