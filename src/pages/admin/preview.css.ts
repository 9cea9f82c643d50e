import type { APIRoute } from 'astro';
import siteCss from '../../styles/site.css?raw';

/** The site's stylesheet, for the editor's preview of guides and messages (src/admin/editor/preview.ts). */
export const GET: APIRoute = () => new Response(siteCss, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
