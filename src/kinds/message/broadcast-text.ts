import type { APIRoute, GetStaticPaths } from 'astro';
import { messagePages, type Message } from '../../lib/collections.ts';

/** The plain-text version of each message read on radio and loudspeakers. */
export const getStaticPaths = (async () => {
  const own = (await messagePages()).filter((page) => !page.isFallback && page.entry.entry.data.broadcast);
  return own.map((page) => ({ params: { locale: page.locale, slug: page.slug }, props: { entry: page.entry.entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Message }> = ({ props }) => {
  const { data, parsed } = props.entry;
  const text = [data.title, '', data.summary, '', parsed.text].join('\n') + '\n';
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
