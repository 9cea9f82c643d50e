import { getSite } from './site.ts';
import { inThisShard } from './shard.ts';
import { absoluteUrl, filePath, pagePath } from './urls.ts';
import { pagesIn } from './collections.ts';
import { KINDS, kindOf, type Kind } from '../kinds/index.ts';
import type { Feed } from '../portals/feeds.ts';
import { shareImagePath } from '../portals/share-images.ts';
import { topicTags } from '../kinds/message/topics.ts';

/** The paths of a feed route: one feed for each locale this build renders and each kind of page. */
export const feedPaths = () => inThisShard(getSite().locales.flatMap((l) => KINDS.map((kind) => ({ params: { locale: l.code, kind: kind.folder } }))));

/** A locale's own guides or messages as a feed, in the order of its lists and as many as the kind's feeds hold; `format` is the file's extension. */
export async function localeFeed(locale: string, kind: Kind, format: 'xml' | 'json'): Promise<Feed> {
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => absoluteUrl(site.settings.site, path);
  const t = site.t(locale);
  const declared = kindOf(kind);
  const own = (await pagesIn(kind, locale)).filter((page) => page.shown === locale).slice(0, declared.feedItems);
  return {
    title: `${t(kind)} – ${site.text(site.settings.name, locale)}`,
    description: t(declared.intro),
    home: url(pagePath(base, locale, kind)),
    self: url(filePath(base, locale, kind, `feed.${format}`)),
    language: locale,
    items: own.map(({ slug, entry }) => ({
      title: entry.data.title,
      url: url(pagePath(base, locale, kind, slug)),
      summary: entry.data.summary,
      date: declared.date(entry.data),
      image: url(filePath(base, shareImagePath(locale, kind, slug))),
      tags: topicTags(entry.data, site.settings.topics, site.locale(locale).chain),
    })),
  };
}
