import type { APIRoute } from 'astro';
import { siteContent } from '../../lib/site-content.ts';
import { siteCmsConfigYaml } from '../../admin/site-config.ts';

/** The web editor's configuration, generated from the schemas and settings (src/admin/cms-config.ts), read by Sveltia CMS from admin/config.yml. */
export const GET: APIRoute = () => new Response(siteCmsConfigYaml(siteContent()), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
