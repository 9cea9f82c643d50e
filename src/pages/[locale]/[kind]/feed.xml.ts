import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, localeFeed } from '../../../lib/locale-feed.ts';
import type { Kind } from '../../../kinds/index.ts';
import { rss } from '../../../portals/feeds.ts';

/** RSS 2.0 of each locale's own messages and guides: /<locale>/<kind>/feed.xml. */
export const getStaticPaths = feedPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const feed = await localeFeed(params.locale!, params.kind as Kind, 'xml');
  return new Response(rss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
