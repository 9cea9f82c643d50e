import sharp, { type OverlayOptions } from 'sharp';
import { useProjectFonts } from '../fonts/fontconfig.ts';
import { fontsFor } from '../fonts/shipped-fonts.ts';
import { escapeXml } from '../lib/xml.ts';
import { wordBreaks } from '../portals/share-image.ts';

/** Side of the podcast cover: Apple Podcasts and most directories want a square of 1400 to 3000 pixels. */
export const COVER_SIDE = 1400;
const MARGIN = 120;
const TEXT_WIDTH = COVER_SIDE - 2 * MARGIN;

/** Where a locale's podcast cover is, below the base path: `vi/messages/cover.png`. */
export function podcastCoverPath(locale: string): string {
  return `${locale}/messages/cover.png`;
}

/** What a cover shows. */
export interface PodcastCover {
  campaign: string;
  organisation: string;
  lang: string;
  rtl: boolean;
  /** The site's identity colour, `#rrggbb` (dark, so white text reads on it). */
  colour: string;
  /** The logo file, if the site has one. */
  logo?: string;
}

/** White text drawn by Pango with the project's fonts, the largest of `sizes` that fits `maxHeight`. */
async function whiteText(
  text: string,
  lang: string,
  bold: boolean,
  sizes: number[],
  maxHeight: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const family = fontsFor(lang)
    .map((font) => font.family)
    .join(',');
  const markup = `<span foreground="white"${bold ? ' weight="bold"' : ''}>${escapeXml(wordBreaks(text, lang))}</span>`;
  let drawn = { png: Buffer.alloc(0), width: 0, height: 0 };
  for (const size of sizes) {
    const { data, info } = await sharp({ text: { text: markup, font: `${family} ${size}`, width: TEXT_WIDTH, wrap: 'word-char', dpi: 72, rgba: true } })
      .png()
      .toBuffer({ resolveWithObject: true });
    drawn = { png: data, width: info.width, height: info.height };
    if (info.height <= maxHeight) break;
  }
  return drawn;
}

/**
 * A square podcast cover (1400×1400 RGB PNG, no alpha, as Apple Podcasts asks): the campaign's
 * name large and the organisation's name below a rule, in white on the identity colour, with the
 * logo above them when the site has one. Share images are 1200×630, which podcast directories refuse.
 */
export async function podcastCover(cover: PodcastCover): Promise<Buffer> {
  useProjectFonts();
  const logoBox = cover.logo ? 260 : 0;
  const top = MARGIN + (logoBox ? logoBox + 60 : 40);
  const organisation = await whiteText(cover.organisation, cover.lang, false, [48, 40, 34, 28], 260);
  const titleRoom = COVER_SIDE - MARGIN - organisation.height - 80 - top;
  const title = await whiteText(cover.campaign, cover.lang, true, [120, 104, 90, 78, 66, 56, 48], titleRoom);
  const left = (width: number) => (cover.rtl ? COVER_SIDE - MARGIN - width : MARGIN);
  const ruleTop = COVER_SIDE - MARGIN - organisation.height - 50;
  const layers: OverlayOptions[] = [
    { input: title.png, top, left: left(title.width) },
    { input: { create: { width: TEXT_WIDTH, height: 8, channels: 3, background: '#ffffff' } }, top: ruleTop, left: MARGIN },
    { input: organisation.png, top: ruleTop + 38, left: left(organisation.width) },
  ];
  if (cover.logo) {
    // On a white tile, so a logo drawn for light backgrounds still shows.
    const logo = await sharp(cover.logo)
      .resize({ width: logoBox - 40, height: logoBox - 40, fit: 'inside' })
      .flatten({ background: '#ffffff' })
      .toBuffer({ resolveWithObject: true });
    const tile = await sharp({ create: { width: logoBox, height: logoBox, channels: 3, background: '#ffffff' } })
      .composite([{ input: logo.data, top: Math.round((logoBox - logo.info.height) / 2), left: Math.round((logoBox - logo.info.width) / 2) }])
      .png()
      .toBuffer();
    layers.unshift({ input: tile, top: MARGIN, left: left(logoBox) });
  }
  return sharp({ create: { width: COVER_SIDE, height: COVER_SIDE, channels: 3, background: cover.colour } })
    .composite(layers)
    .removeAlpha()
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
