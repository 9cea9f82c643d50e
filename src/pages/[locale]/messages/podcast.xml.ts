import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site.ts';
import { absoluteUrl, filePath, pagePath } from '../../../lib/urls.ts';
import { inThisShard } from '../../../lib/shard.ts';
import { broadcastLocales, ownBroadcasts } from '../../../broadcast/locale-broadcasts.ts';
import { podcastXml } from '../../../broadcast/podcast.ts';
import { podcastCoverPath } from '../../../broadcast/podcast-cover.ts';
import { recordingOf } from '../../../broadcast/recording.ts';

/** A podcast of each locale's recorded messages, for stations that pull audio: /<locale>/messages/podcast.xml. */
export const getStaticPaths = (async () => inThisShard((await broadcastLocales()).podcast.map((locale) => ({ params: { locale } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale!;
  const site = getSite();
  const t = site.t(locale);
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => absoluteUrl(site.settings.site, path);
  const episodes = [];
  for (const { slug, entry } of await ownBroadcasts(locale)) {
    if (!entry.data.audio) continue;
    const recording = await recordingOf(entry.data.audio, base);
    episodes.push({
      title: entry.data.title,
      summary: entry.data.summary,
      url: url(pagePath(base, locale, 'messages', slug)),
      date: entry.data.date,
      audio: { url: url(recording.path), bytes: recording.bytes, type: recording.type, seconds: recording.seconds },
      transcript: url(filePath(base, locale, 'messages', `${slug}.txt`)),
    });
  }
  const xml = podcastXml({
    title: `${site.text(site.settings.name, locale)} – ${t('podcastTitle')}`,
    description: t('podcastDescription'),
    home: url(pagePath(base, locale, 'messages')),
    self: url(filePath(base, locale, 'messages', 'podcast.xml')),
    image: url(filePath(base, podcastCoverPath(locale))),
    language: locale,
    author: site.text(site.settings.organisation.name, locale),
    email: site.settings.organisation.email,
    episodes,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
