import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getSite } from '../../../lib/site.ts';
import { absoluteUrl, filePath, pagePath } from '../../../lib/urls.ts';
import { sortGuides, sortMessages } from '../../../lib/collections.ts';
import { jsonFeed, rss, type Feed } from '../../../portals/feeds.ts';
import { shareImagePath } from '../../../portals/share-integration.ts';

/** RSS 2.0 and JSON Feed 1.1 of each locale's own messages and guides: /<locale>/<kind>/feed.xml and feed.json. */
export const getStaticPaths = (() =>
  getSite().locales.flatMap((l) => ['guides', 'messages'].flatMap((kind) => ['xml', 'json'].map((format) => ({ params: { locale: l.code, kind, format } }))))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { locale, kind, format } = params as { locale: string; kind: 'guides' | 'messages'; format: 'xml' | 'json' };
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => absoluteUrl(site.settings.site, path);
  const t = site.t(locale);
  const own = (await getCollection(kind)).filter((e) => e.id.startsWith(`${locale}/`)).map((entry) => ({ slug: entry.id.split('/').pop()!, entry }));
  const sorted = kind === 'guides' ? sortGuides(own as never[]) : sortMessages(own as never[]);
  const feed: Feed = {
    title: `${t(kind)} – ${site.text(site.settings.name, locale)}`,
    description: t(kind === 'guides' ? 'guidesIntro' : 'messagesIntro'),
    home: url(pagePath(base, locale, kind)),
    self: url(filePath(base, locale, kind, `feed.${format}`)),
    language: locale,
    items: (sorted as { slug: string; entry: { data: { title: string; summary: string; date?: string } } }[]).map(({ slug, entry }) => ({
      title: entry.data.title,
      url: url(pagePath(base, locale, kind, slug)),
      summary: entry.data.summary,
      date: entry.data.date,
      image: url(filePath(base, shareImagePath(locale, kind, slug))),
    })),
  };
  return format === 'xml'
    ? new Response(rss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(jsonFeed(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
