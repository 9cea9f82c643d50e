import { getPosters, getSite } from './site.ts';
import { perContent } from './site-content.ts';
import { guidePages, messagePages } from './collections.ts';
import { absoluteUrl, pagePath } from './urls.ts';
import { formatDate } from './format.ts';
import { keySteps } from '../posters/key-steps.ts';
import type { ParsedBody } from '../markdown/read-body.ts';
import { qrSvg, type QrMatrix } from '../posters/qr.ts';
import { posterCode } from '../posters/poster-code.ts';
import type { Poster } from '../posters/load-posters.ts';
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
  subline: string;
  /** Key steps of a guide, or none for a message. */
  steps: string[];
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
  /** The poster's own lines, in its locale: issuer, call to scan, address help, safety line, date. */
  labels: { organisation: string; scan: string; type: string; safety: string; issued: string };
}

/**
 * Every text a poster prints, each with its language: what its fonts must draw (see
 * posterFonts), so a poster's text has one source, this view.
 */
export function posterTexts(view: PosterView): { lang: string; text: string }[] {
  const own = [...Object.values(view.labels), view.shortText].map((text) => ({ lang: view.locale, text }));
  // The steps' numbers are drawn by the list, not written in the text.
  const target = [view.headline, view.subline, ...view.steps.map((step, i) => `${i + 1}. ${step}`)].map((text) => ({ lang: view.textLocale, text }));
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
    const { locale: textLocale, entry: target } = pages.get(`${locale}/${kind}/${slug}`)!;
    const entry = target.data;
    const shortPath = pagePath(base, 'p', poster.code);
    const shortUrl = absoluteUrl(site.settings.site, shortPath);
    const code = posterCode(poster, site.settings.site, base);
    const t = site.t(locale);
    return {
      poster,
      locale,
      shortPath,
      shortUrl,
      shortText: shortUrl.replace(/^https?:\/\//, ''),
      targetPath: pagePath(base, locale, kind, slug),
      headline: poster.headline ?? entry.title,
      subline: poster.subline ?? entry.summary,
      steps: kind === 'guides' ? keySteps(target.parsed, 6) : [],
      textLocale,
      qrText: code.text,
      qr: code.qr,
      svg: qrSvg(code.qr),
      qrMm: code.widthMm,
      moduleMm: code.moduleMm,
      distanceM: code.distanceM,
      labels: {
        organisation: site.text(site.settings.organisation.name, locale),
        scan: t('posterScan'),
        type: t('posterType'),
        safety: t('posterSafety', { domain: new URL(site.settings.site).origin }),
        issued: t('posterIssued', { date: formatDate(poster.date, site.locale(locale).chain) }),
      },
    };
  });
}
