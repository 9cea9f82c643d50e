import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { htmlToText } from '../../../lib/format.ts';

/** The plain-text version of each message read on radio and loudspeakers. */
export const getStaticPaths = (async () => {
  const messages = await getCollection('messages', (m) => m.data.broadcast);
  return messages.map((entry) => {
    const parts = entry.id.split('/');
    return { params: { locale: parts[0], slug: parts[parts.length - 1] }, props: { entry } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { data, rendered } = props.entry;
  const text = [data.title, '', data.summary, '', htmlToText(rendered?.html ?? '')].join('\n') + '\n';
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
