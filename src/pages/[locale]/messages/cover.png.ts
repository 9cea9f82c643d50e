import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site.ts';
import { siteDir } from '../../../lib/site-dir.ts';
import { inThisShard } from '../../../lib/shard.ts';
import { broadcastLocales } from '../../../broadcast/locale-broadcasts.ts';
import { podcastCover } from '../../../broadcast/podcast-cover.ts';

/** The square cover of each locale's podcast (/<locale>/messages/cover.png), which podcast directories require. */
export const getStaticPaths = (async () => inThisShard((await broadcastLocales()).podcast.map((locale) => ({ params: { locale } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale!;
  const site = getSite();
  const { colour, logo } = site.settings.identity;
  const png = await podcastCover({
    campaign: site.text(site.settings.name, locale),
    organisation: site.text(site.settings.organisation.name, locale),
    lang: locale,
    rtl: site.locales.find((l) => l.code === locale)?.dir === 'rtl',
    colour,
    logo: logo ? join(siteDir(), 'content', logo) : undefined,
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
