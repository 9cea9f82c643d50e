import type { APIRoute } from 'astro';
import { posterFonts } from '../../../lib/poster-views.ts';
import { posterFontFile, type PosterFontFile } from '../../../fonts/poster-fonts.ts';

/** One font file of poster pages: a shipped font cut down to the characters posters print. */
export async function getStaticPaths() {
  return (await posterFonts()).map((file) => ({ params: { name: file.name.replace(/\.woff2$/, '') }, props: { file } }));
}

export const GET: APIRoute<{ file: PosterFontFile }> = async ({ props }) =>
  new Response(new Uint8Array(await posterFontFile(props.file, `${import.meta.env.LOA_CACHE_DIR}/poster-fonts`)), {
    headers: { 'Content-Type': 'font/woff2' },
  });
