import type { APIRoute, GetStaticPaths } from 'astro';
import { messagePages, type Message } from '../../lib/collections.ts';
import { getSite } from '../../lib/site.ts';
import { inThisShard } from '../../lib/shard.ts';
import { scriptFile } from '../../broadcast/script-file.ts';

/** The plain-text version of each message read on radio and loudspeakers, with its reading time and short versions. */
export const getStaticPaths = (async () => {
  const own = (await messagePages()).filter((page) => !page.isFallback && page.entry.entry.data.broadcast);
  return inThisShard(own.map((page) => ({ params: { locale: page.locale, slug: page.slug }, props: { entry: page.entry.entry } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Message }> = ({ props, params }) => {
  const { data, parsed } = props.entry;
  const text = scriptFile(data, parsed.text, params.locale!, getSite().t(params.locale!));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
