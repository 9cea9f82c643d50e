import { join } from 'node:path';
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { getSite } from '../../../lib/site.ts';
import { siteDir } from '../../../lib/site-dir.ts';

/** The campaign's logo for posters (`identity.logo` in site.yaml), as a PNG at print resolution, from the site itself. */
export function getStaticPaths() {
  return getSite().settings.identity.logo ? [{ params: { name: 'logo' } }] : [];
}

export const GET: APIRoute = async () => {
  const file = join(siteDir(), 'content', getSite().settings.identity.logo!);
  // 600 pixels high: 300 dpi at the 50 mm an A3 band gives it.
  const png = await sharp(file).resize({ height: 600, withoutEnlargement: true }).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
