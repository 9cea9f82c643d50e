import type { APIRoute, GetStaticPaths } from 'astro';
import { messagePages } from '../../lib/collections.ts';
import { entryPagePaths } from '../../lib/entry-paths.ts';
import { getSite } from '../../lib/site.ts';
import { scriptFile } from '../../broadcast/script-file.ts';

/** The plain-text version of each message read on radio and loudspeakers, with its reading time and short versions. */
export const getStaticPaths = (async () => {
  const own = (await messagePages()).filter((page) => !page.isFallback && page.entry.entry.data.broadcast);
  return entryPagePaths(own);
}) satisfies GetStaticPaths;

type Page = Awaited<ReturnType<typeof messagePages>>[number];

export const GET: APIRoute<{ page: Page }> = ({ props, params }) => {
  const { data, parsed } = props.page.entry.entry;
  const text = scriptFile(data, parsed.text, params.locale!, getSite().t(params.locale!));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
