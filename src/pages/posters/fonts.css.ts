import type { APIRoute } from 'astro';
import { posterFonts } from '../../lib/poster-views.ts';
import { posterFontsCss } from '../../fonts/poster-fonts.ts';
import { pagePath } from '../../lib/urls.ts';

/** The fonts of poster pages (see posterFontsCss), from the site's own origin. */
export const GET: APIRoute = async () =>
  new Response(posterFontsCss(await posterFonts(), pagePath(import.meta.env.BASE_URL, 'posters', 'fonts')), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
