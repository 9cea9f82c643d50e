import { kindOf, type Kind } from '../kinds/index.ts';
import type { LocalizedText } from '../model/schemas.ts';
import type { ResolvedPage, Localized } from './pages.ts';
import { getSite } from './site.ts';
import { absoluteUrl, pagePath } from './urls.ts';

/**
 * How a guide or message page marks content shown from another locale: the content's real
 * `lang` and `dir` (undefined on a locale's own page), the canonical address of the original,
 * and the search-index attributes, which only a locale's own pages get.
 */
export function shownIn(page: ResolvedPage<Localized>, kind: Kind) {
  const site = getSite();
  const shown = page.entry.locale;
  if (!page.isFallback)
    return { lang: undefined, dir: undefined, canonical: undefined, search: { 'data-pagefind-body': '', 'data-pagefind-filter': `type:${kindOf(kind).noun}` } };
  const dir = site.locale(shown).dir;
  return {
    lang: shown,
    dir: dir !== site.locale(page.locale).dir ? dir : undefined,
    canonical: absoluteUrl(site.settings.site, pagePath(import.meta.env.BASE_URL, shown, kind, page.slug)),
    search: {},
  };
}

/** A language to read a page in: its code, direction, own name (from the site settings) and the page's address in it. */
export interface OtherLanguage {
  code: string;
  dir: 'ltr' | 'rtl';
  name: string;
  href: string;
}

/**
 * The languages a page shown from a fallback can also be read in: every locale with its own
 * version of the page except the one shown (the reader's own has none), in site order, so a
 * reader given the first language of their chain can pick another they read better.
 */
export function otherLanguages(page: ResolvedPage<Localized>, kind: Kind): OtherLanguage[] {
  if (!page.isFallback) return [];
  const site = getSite();
  return page.translations
    .filter((code) => code !== page.entry.locale && code !== page.locale)
    .map((code) => {
      const { dir, name } = site.locale(code);
      return { code, dir, name, href: pagePath(import.meta.env.BASE_URL, code, kind, page.slug) };
    });
}

/**
 * How an item of a list in `locale` (a card, a message) marks an entry written in `shown`: the
 * entry's `lang` and `dir` for its title and summary, and the language's own name for a visible
 * mark, so a reader sees which items are in another language. All undefined for the locale's own.
 */
export function itemLanguage(locale: string, shown: string): { lang?: string; dir?: 'ltr' | 'rtl'; mark?: string } {
  if (shown === locale) return {};
  const site = getSite();
  const { dir, name } = site.locale(shown);
  return { lang: shown, dir: dir !== site.locale(locale).dir ? dir : undefined, mark: name };
}

/**
 * The `lang` and `dir` of a per-locale setting (the campaign's name, its tagline) as shown in
 * `locale`, when the locale has no text of its own and one from along its chain is shown.
 */
export function settingLanguage(value: LocalizedText | undefined, locale: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (value === undefined || typeof value === 'string') return {};
  const site = getSite();
  const from = site.locale(locale).chain.find((code) => value[code] !== undefined);
  if (!from || from === locale) return {};
  const { lang, dir } = itemLanguage(locale, from);
  return { lang, dir };
}
