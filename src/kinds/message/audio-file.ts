import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { messagePages } from '../../lib/collections.ts';
import { siteDir } from '../../lib/site-dir.ts';
import { audioFileName } from '../../broadcast/audio-facts.ts';

/** Each recording a message names, copied to /audio/<name>-<hash>.<ext> (see audioFileName), once for all locales. */
export const getStaticPaths = (async () => {
  const paths = new Map<string, string>();
  for (const page of await messagePages()) {
    const audio = page.entry.entry.data.audio;
    if (!audio) continue;
    const path = join(siteDir(), 'content', audio);
    paths.set(audioFileName(path), path);
  }
  return [...paths].map(([file, path]) => ({ params: { file }, props: { path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props }) => new Response(readFileSync(props.path));
