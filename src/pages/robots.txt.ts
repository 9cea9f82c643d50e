import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { absoluteUrl, filePath, pagePath } from '../lib/urls.ts';

/** robots.txt: everything may be crawled but the editors' pages and the web editor (admin/); points to the sitemap. */
export const GET: APIRoute = () => {
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const text = [
    'User-agent: *',
    `Disallow: ${pagePath(base, 'posters')}`,
    `Disallow: ${pagePath(base, 'status')}`,
    `Disallow: ${pagePath(base, 'p')}`,
    `Disallow: ${pagePath(base, 'admin')}`,
    `Sitemap: ${absoluteUrl(site.settings.site, filePath(base, 'sitemap.xml'))}`,
    '',
  ].join('\n');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
