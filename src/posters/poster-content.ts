import type { ParsedBody } from '../markdown/read-body.ts';
import type { SiteSettings } from '../model/schemas.ts';
import type { Translate } from '../i18n/translate.ts';
import { pickText } from '../i18n/locales.ts';
import { formatDate } from '../lib/format.ts';
import { absoluteUrl, pagePath } from '../lib/urls.ts';
import { fitPoster, type PosterFit } from './fit-poster.ts';
import { keySteps } from './key-steps.ts';
import type { Poster } from './load-posters.ts';
import { posterCode, type PosterCode } from './poster-code.ts';

/** A poster's target as its readers see it: in the locale's own text or its fallback's. */
export interface PosterTarget {
  kind: string;
  /** The locale the target's text is written in. */
  textLocale: string;
  title: string;
  summary: string;
  parsed: ParsedBody;
}

/** The lines a poster prints in its own locale (see PosterView.labels); a type, so its values can be listed. */
export type PosterLabels = {
  organisation: string;
  cta: string;
  scan: string;
  type: string;
  safety: string;
  issued: string;
  stepsFor?: string;
  moreSteps?: string;
};

/** What a poster prints, fitted to its sheet. */
export interface PosterContent {
  code: PosterCode;
  shortUrl: string;
  shortText: string;
  headline: string;
  subline?: string;
  steps: string[];
  labels: PosterLabels;
  /** What does not fit whatever is left out (see fitPoster). */
  fit: PosterFit['problems'];
  /** The call to action above the code rather than beside it (see fitPoster). */
  stacked: boolean;
}

/**
 * Everything a poster prints, fitted to its paper: one source for the print page and for the
 * check, which reports what cannot fit before anything is built.
 */
export function posterContent(poster: Poster, target: PosterTarget, settings: SiteSettings, chain: readonly string[], t: Translate): PosterContent {
  const locale = poster.target.locale;
  const code = posterCode(poster, settings.site, settings.base);
  const shortUrl = absoluteUrl(settings.site, pagePath(settings.base, 'p', poster.code));
  const shortText = shortUrl.replace(/^https?:\/\//, '');
  const guide = target.kind === 'guides';
  const key = guide ? keySteps(target.parsed, target.textLocale, poster.steps, poster.platform) : { steps: [], more: false };
  const labels: PosterLabels = {
    organisation: pickText(settings.organisation.name, chain) ?? '',
    cta: poster.cta ?? t(guide ? 'posterCtaGuides' : 'posterCtaMessages'),
    scan: t('posterScan'),
    type: t('posterType'),
    safety: t('posterSafety', { domain: new URL(settings.site).origin }),
    issued: t('posterIssued', { date: formatDate(poster.date, chain) }),
    ...(key.platform ? { stepsFor: t('posterStepsFor', { platform: t(`platform.${key.platform}`) }) } : {}),
  };
  const headline = poster.headline ?? target.title;
  const subline = poster.subline ?? target.summary;
  // As many steps as the sheet has room for at their reading size; the rest are at the link.
  const fit = fitPoster({
    ...poster,
    ...labels,
    qrMm: code.widthMm,
    locale,
    textLocale: target.textLocale,
    logo: Boolean(settings.identity.logo),
    headline,
    subline,
    steps: key.steps,
    moreSteps: t('posterMoreSteps'),
    link: shortText,
  });
  const more = key.more || fit.steps < key.steps.length;
  return {
    code,
    shortUrl,
    shortText,
    headline,
    subline: fit.subline ? subline : undefined,
    steps: key.steps.slice(0, fit.steps),
    labels: { ...labels, ...(more ? { moreSteps: t('posterMoreSteps') } : {}) },
    fit: fit.problems,
    stacked: fit.stacked,
  };
}
