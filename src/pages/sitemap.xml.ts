import type { APIRoute } from 'astro';
import { kindPages } from '../lib/collections.ts';
import { KINDS } from '../kinds/index.ts';
import { getSite } from '../lib/site.ts';
import { absoluteUrl, pagePath } from '../lib/urls.ts';
import { escapeXml as xml } from '../lib/xml.ts';

/**
 * Every citizen page that is a locale's own. Fallback pages, short links, posters, the gallery,
 * the status and search pages are left out. A page's translations are named by the page itself
 * (`hreflang` links in its head, which search engines take from either place): repeated here
 * for every translation, they made the sitemap grow with the square of the locales, 34 MB for
 * 10 locales of 3,150 pages, near the 50 MB a sitemap may weigh.
 */
export const GET: APIRoute = async () => {
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const codes = site.locales.map((l) => l.code);
  const url = (...segments: string[]) => absoluteUrl(site.settings.site, pagePath(base, ...segments));
  // Each page: the path below the locale, and the locales that have it as their own.
  const pages = new Map<string, string[]>([['', codes], ...KINDS.map((kind): [string, string[]] => [kind.folder, codes])]);
  for (const kind of KINDS) for (const page of await kindPages(kind.folder)) pages.set(`${kind.folder}/${page.slug}`, page.translations);
  const urls = [url()];
  for (const [path, locales] of pages) for (const code of locales) urls.push(url(code, path));
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${xml(u)}</loc></url>`).join('\n')}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
