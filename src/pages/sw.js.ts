import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { serviceWorkerScript } from '../offline/service-worker.ts';

/**
 * The service worker for offline reading, at the base path so that its scope is the whole site
 * (src/offline/). Browsers fetch it again at every visit: hosts send it with `Cache-Control: no-cache`.
 */
export const GET: APIRoute = async () =>
  new Response(await serviceWorkerScript(getSite().settings, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
