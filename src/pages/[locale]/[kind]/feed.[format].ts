import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site.ts';
import { absoluteUrl, filePath, pagePath } from '../../../lib/urls.ts';
import { guidesIn, messagesIn } from '../../../lib/listing.ts';
import { jsonFeed, rss, type Feed } from '../../../portals/feeds.ts';
import { shareImagePath } from '../../../portals/share-images.ts';

/** RSS 2.0 and JSON Feed 1.1 of each locale's own messages and guides: /<locale>/<kind>/feed.xml and feed.json. */
export const getStaticPaths = (() =>
  getSite().locales.flatMap((l) => ['guides', 'messages'].flatMap((kind) => ['xml', 'json'].map((format) => ({ params: { locale: l.code, kind, format } }))))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { locale, kind, format } = params as { locale: string; kind: 'guides' | 'messages'; format: 'xml' | 'json' };
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => absoluteUrl(site.settings.site, path);
  const t = site.t(locale);
  // A locale's own pages only, in the order of its lists.
  const own = (kind === 'guides' ? await guidesIn(locale) : await messagesIn(locale)).filter((page) => page.shown === locale);
  const feed: Feed = {
    title: `${t(kind)} – ${site.text(site.settings.name, locale)}`,
    description: t(kind === 'guides' ? 'guidesIntro' : 'messagesIntro'),
    home: url(pagePath(base, locale, kind)),
    self: url(filePath(base, locale, kind, `feed.${format}`)),
    language: locale,
    items: own.map(({ slug, entry }) => ({
      title: entry.data.title,
      url: url(pagePath(base, locale, kind, slug)),
      summary: entry.data.summary,
      date: 'date' in entry.data ? entry.data.date : undefined,
      image: url(filePath(base, shareImagePath(locale, kind, slug))),
    })),
  };
  return format === 'xml'
    ? new Response(rss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(jsonFeed(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
