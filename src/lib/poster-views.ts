import { getPosters, getSite } from './site.ts';
import { perContent } from './site-content.ts';
import { guidePages, messagePages } from './collections.ts';
import { pagePath } from './urls.ts';
import type { ParsedBody } from '../markdown/read-body.ts';
import { qrSvg, type QrMatrix } from '../posters/qr.ts';
import type { Poster } from '../posters/load-posters.ts';
import type { PosterFit } from '../posters/fit-poster.ts';
import { posterContent, type PosterLabels } from '../posters/poster-content.ts';
import { posterFontFiles, type PosterFontFile } from '../fonts/poster-fonts.ts';

/** Everything a poster's pages and files show. */
export interface PosterView {
  poster: Poster;
  /** The locale of the poster (its target's). */
  locale: string;
  /** Site path of the short link, e.g. `/p/7hk/`. */
  shortPath: string;
  /** The absolute short link as written: `https://loa.example.org/p/7hk/`. */
  shortUrl: string;
  /** The short link as people type it: without `https://`. */
  shortText: string;
  /** Site path of the page the short link leads to. */
  targetPath: string;
  headline: string;
  /** The target's summary, printed on a poster without steps when there is room. */
  subline?: string;
  /** Key steps of a guide (at most four, as many as fit), or none for a message. */
  steps: string[];
  /** What does not fit the sheet whatever is left out (see fitPoster): the check reports it. */
  fit: PosterFit['problems'];
  /** The call to action above the code rather than beside it. */
  stacked: boolean;
  /** The locale the target's text is written in (differs on fallback pages). */
  textLocale: string;
  /** What the QR code encodes: the short link in capitals (`HTTPS://LOA.EXAMPLE.ORG/P/7HK/`), or `shortUrl` under a base path. */
  qrText: string;
  qr: QrMatrix;
  svg: string;
  /** Printed width of the code, quiet zone included, in millimetres: the smallest its scanning distance allows. */
  qrMm: number;
  /** Printed size of one module of the code in millimetres. */
  moduleMm: number;
  /** The distance the poster is meant to be scanned from, in metres (by its paper size). */
  distanceM: number;
  /** The poster's own lines, in its locale (see PosterLabels). */
  labels: PosterLabels;
}

/**
 * Every text a poster prints, each with its language: what its fonts must draw (see
 * posterFonts), so a poster's text has one source, this view.
 */
export function posterTexts(view: PosterView): { lang: string; text: string }[] {
  const own = [...Object.values(view.labels).filter((text) => text !== undefined), view.shortText].map((text) => ({ lang: view.locale, text }));
  // The steps' numbers are drawn by the list, not written in the text.
  const target = [view.headline, view.subline ?? '', ...view.steps.map((step, i) => `${i + 1}. ${step}`)].map((text) => ({ lang: view.textLocale, text }));
  return [...own, ...target];
}

/** Every poster with its short link, QR code and the text of its target. */
export const posterViews: () => Promise<PosterView[]> = perContent(() => build());

/** The font files poster pages load: the shipped fonts, cut down to what the posters print. */
export const posterFonts: () => Promise<PosterFontFile[]> = perContent(async () => posterFontFiles((await posterViews()).flatMap(posterTexts)));

async function build(): Promise<PosterView[]> {
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  // Each poster shows its target page as readers see it: the locale's own, or its fallback.
  const pages = new Map<string, { locale: string; entry: { data: { title: string; summary: string }; parsed: ParsedBody } }>();
  for (const page of [...(await guidePages()), ...(await messagePages())]) pages.set(`${page.locale}/${page.entry.entry.kind}/${page.slug}`, page.entry);
  return getPosters().map((poster) => {
    const { locale, kind, slug } = poster.target;
    const { locale: textLocale, entry } = pages.get(`${locale}/${kind}/${slug}`)!;
    const target = { kind, textLocale, title: entry.data.title, summary: entry.data.summary, parsed: entry.parsed };
    const printed = posterContent(poster, target, site.settings, site.locale(locale).chain, site.t(locale));
    return {
      poster,
      locale,
      shortPath: pagePath(base, 'p', poster.code),
      shortUrl: printed.shortUrl,
      shortText: printed.shortText,
      targetPath: pagePath(base, locale, kind, slug),
      headline: printed.headline,
      subline: printed.subline,
      steps: printed.steps,
      fit: printed.fit,
      stacked: printed.stacked,
      textLocale,
      qrText: printed.code.text,
      qr: printed.code.qr,
      svg: qrSvg(printed.code.qr),
      qrMm: printed.code.widthMm,
      moduleMm: printed.code.moduleMm,
      distanceM: printed.code.distanceM,
      labels: printed.labels,
    };
  });
}
