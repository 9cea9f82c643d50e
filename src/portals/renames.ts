import type { Locale } from '../i18n/locales.ts';
import { pagePath } from '../lib/urls.ts';
import type { Redirect } from '../build/host-redirects.ts';

/** A guide or message with the slugs it had before (`previously:` in its front matter). */
export interface Renamed {
  locale: string;
  kind: string;
  slug: string;
  data: { previously: readonly string[] };
}

/** A link that survives a rename: from an old address to the page's present one. */
export interface OldLink {
  locale: string;
  kind: string;
  old: string;
  slug: string;
}

/**
 * Every old address to keep answering, from the site's entries: for each page, each slug it had
 * before (in any of its translations), in every locale where the page exists, itself or by fallback.
 */
export function oldLinks(pages: readonly Renamed[], locales: readonly Locale[]): OldLink[] {
  const bySlug = new Map<string, { kind: string; slug: string; locales: Set<string>; previously: Set<string> }>();
  for (const page of pages) {
    const key = `${page.kind}/${page.slug}`;
    const known = bySlug.get(key) ?? { kind: page.kind, slug: page.slug, locales: new Set<string>(), previously: new Set<string>() };
    known.locales.add(page.locale);
    for (const old of page.data.previously) known.previously.add(old);
    bySlug.set(key, known);
  }
  const links: OldLink[] = [];
  for (const page of bySlug.values()) {
    for (const locale of locales) {
      if (!locale.chain.some((code) => page.locales.has(code))) continue;
      for (const old of page.previously) links.push({ locale: locale.code, kind: page.kind, old, slug: page.slug });
    }
  }
  return links;
}

/** The redirect of an old link, as site paths under the base. */
export function oldLinkRedirect(link: OldLink, base: string): Redirect {
  return { from: pagePath(base, link.locale, link.kind, link.old), to: pagePath(base, link.locale, link.kind, link.slug) };
}
