import { kindOf, type Kind } from '../kinds/index.ts';
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
