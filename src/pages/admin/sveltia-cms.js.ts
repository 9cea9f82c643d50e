import type { APIRoute } from 'astro';
import { sveltiaBundle } from '../../admin/bundle.ts';
import { pagePath } from '../../lib/urls.ts';

/** The editor's script, from the installed package, its fonts and modules served by the site (see sveltiaBundle): no CDN serves the editor. */
export const GET: APIRoute = () =>
  new Response(sveltiaBundle(pagePath(import.meta.env.BASE_URL, 'admin', 'fonts'), pagePath(import.meta.env.BASE_URL, 'admin', 'modules')), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
