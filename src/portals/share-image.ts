import sharp from 'sharp';
import { useProjectFonts } from './fonts.ts';

/** Width and height of share images, as Open Graph and messengers expect them. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;

const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** Text drawn by Pango with the project's fonts, as raw RGBA pixels ready to composite. */
async function drawText(markup: string, family: string, size: number) {
  const { data, info } = await sharp({ text: { text: markup, font: `${family} ${size}`, width: 1040, rgba: true, wrap: 'word-char', dpi: 72 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { input: data, raw: { width: info.width, height: info.height, channels: 4 as const }, height: info.height };
}

const BAR = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1040" height="6"><rect width="1040" height="6" fill="#ffbf47"/></svg>');

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
  const campaignLayer = await drawText(`<span foreground="#ffbf47">${escape(campaign)}</span>`, family, 32);
  return sharp({ create: { width: SHARE_SIZE.width, height: SHARE_SIZE.height, channels: 3, background: '#0b4f8a' } })
    .composite([
      { input: titleLayer.input, raw: titleLayer.raw, top: 80, left: 80 },
      { input: BAR, top: 500, left: 80 },
      { input: campaignLayer.input, raw: campaignLayer.raw, top: 530, left: 80 },
    ])
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}
