import type { APIRoute } from 'astro';
import { kindPages } from '../lib/collections.ts';
import { KINDS } from '../kinds/index.ts';
import { getSite } from '../lib/site.ts';
import { absoluteUrl, pagePath } from '../lib/urls.ts';
import { escapeXml as xml } from '../lib/xml.ts';

/**
 * Every citizen page that is a locale's own, with its translations as `xhtml:link` alternates.
 * Fallback pages, short links, posters, the gallery, the status and search pages are left out.
 */
export const GET: APIRoute = async () => {
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const codes = site.locales.map((l) => l.code);
  const url = (...segments: string[]) => absoluteUrl(site.settings.site, pagePath(base, ...segments));
  // Each page: the path below the locale, and the locales that have it as their own.
  const pages = new Map<string, string[]>([['', codes], ...KINDS.map((kind): [string, string[]] => [kind.folder, codes])]);
  for (const kind of KINDS) for (const page of await kindPages(kind.folder)) pages.set(`${kind.folder}/${page.slug}`, page.translations);
  const urls = [`<url><loc>${xml(url())}</loc></url>`];
  for (const [path, locales] of pages) {
    const alternates = locales.map((c) => `<xhtml:link rel="alternate" hreflang="${c}" href="${xml(url(c, path))}"/>`).join('');
    for (const code of locales) urls.push(`<url><loc>${xml(url(code, path))}</loc>${alternates}</url>`);
  }
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
