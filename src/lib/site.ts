import { formatProblems } from '../model/problems.ts';
import type { SiteSettings, LocalizedText } from '../model/schemas.ts';
import { pickText, type Locale } from '../i18n/locales.ts';
import { translator, type Translate } from '../i18n/translate.ts';
import type { Poster } from '../posters/load-posters.ts';
import { perContent, siteContent } from './site-content.ts';

/** What every page needs to know about the site. */
export interface Site {
  settings: SiteSettings;
  locales: Locale[];
  defaultLocale: Locale;
  /** The locale with this code; throws for an unknown one. */
  locale(code: string): Locale;
  /** UI labels of a locale. */
  t(code: string): Translate;
  /** Picks a per-locale setting (name, tagline, …) for a locale. */
  text(value: LocalizedText | undefined, code: string): string;
}

/** The site settings, locales and labels of the content the build loaded (see siteContent). */
export const getSite: () => Site = perContent((loaded) => {
  if (!loaded.settings || loaded.problems.length) throw new Error(formatProblems(loaded.problems));
  const { settings, locales, ui } = loaded;
  const byCode = new Map(locales.map((l) => [l.code, l]));
  const locale = (code: string) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`Unknown locale "${code}"`);
    return found;
  };
  const translators = new Map(locales.map((l) => [l.code, translator(ui, l.chain)]));
  return {
    settings,
    locales,
    defaultLocale: locale(settings.defaultLocale),
    locale,
    t: (code) => translators.get(code) ?? translator(ui, locale(code).chain),
    text: (value, code) => pickText(value, locale(code).chain) ?? '',
  };
});

/** The posters of the site (checked with the rest of the content before the build). */
export function getPosters(): Poster[] {
  return siteContent().posters;
}
