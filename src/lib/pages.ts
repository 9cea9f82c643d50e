import type { Locale } from '../i18n/locales.ts';

/** Anything that belongs to a locale under a slug. */
export interface Localized {
  locale: string;
  slug: string;
}

/** The page shown at one locale and slug. */
export interface ResolvedPage<E extends Localized> {
  locale: string;
  slug: string;
  /** The entry shown: the locale's own, or the first one found along its fallback chain. */
  entry: E;
  isFallback: boolean;
  /** Locales (in site order) that have their own entry for this slug. */
  translations: string[];
  /** Locales (in site order) where this slug has a page, own or fallback. */
  availableIn: string[];
}

/**
 * For every locale and every slug, the entry to show: the locale's own, or the first
 * along its fallback chain. Slugs that no locale of the chain has get no page there.
 */
export function resolvePages<E extends Localized>(entries: readonly E[], locales: readonly Locale[]): ResolvedPage<E>[] {
  const bySlug = new Map<string, Map<string, E>>();
  for (const entry of entries) {
    const inLocales = bySlug.get(entry.slug) ?? new Map<string, E>();
    inLocales.set(entry.locale, entry);
    bySlug.set(entry.slug, inLocales);
  }
  const pages: ResolvedPage<E>[] = [];
  for (const [slug, inLocales] of bySlug) {
    const translations = locales.map((l) => l.code).filter((code) => inLocales.has(code));
    const shown = locales.map((locale) => ({ locale: locale.code, source: locale.chain.find((code) => inLocales.has(code)) }));
    const availableIn = shown.filter((s) => s.source).map((s) => s.locale);
    for (const { locale, source } of shown) {
      if (!source) continue;
      pages.push({ locale, slug, entry: inLocales.get(source)!, isFallback: source !== locale, translations, availableIn });
    }
  }
  return pages;
}

/** True when a locale with this fallback chain shows the page: `pages` holds `locale/kind/slug` of every page written. */
export function shownAlongChain(pages: ReadonlySet<string>, chain: readonly string[], kind: string, slug: string): boolean {
  return chain.some((code) => pages.has(`${code}/${kind}/${slug}`));
}
