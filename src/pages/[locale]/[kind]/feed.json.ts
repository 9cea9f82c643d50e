import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, localeFeed } from '../../../lib/locale-feed.ts';
import type { Kind } from '../../../kinds/index.ts';
import { jsonFeed } from '../../../portals/feeds.ts';

/** JSON Feed 1.1 of each locale's own messages and guides: /<locale>/<kind>/feed.json. */
export const getStaticPaths = feedPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const feed = await localeFeed(params.locale!, params.kind as Kind, 'json');
  return new Response(jsonFeed(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
