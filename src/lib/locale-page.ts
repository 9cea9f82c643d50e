import type { Translate } from '../i18n/translate.ts';
import { inThisShard } from './shard.ts';
import { getSite, type Site } from './site.ts';

/**
 * One page for each of the site's locales (/<locale>/…) this build renders: what such a page's
 * getStaticPaths returns, so a page says `export const getStaticPaths = localePaths;` instead of
 * writing the list again.
 */
export function localePaths(): { params: { locale: string } }[] {
  return inThisShard(getSite().locales.map((l) => ({ params: { locale: l.code } })));
}

/** What a page of one locale works with: its locale, the site, the locale's labels and the base path its links start with. */
export function localePage(params: { locale: string }): { locale: string; site: Site; t: Translate; base: string } {
  const site = getSite();
  return { locale: params.locale, site, t: site.t(params.locale), base: import.meta.env.BASE_URL };
}
