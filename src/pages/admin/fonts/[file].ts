import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { EDITOR_FONTS, editorFontPath } from '../../../admin/bundle.ts';

/** The editor's text and icon fonts, copied from npm (see EDITOR_FONTS), instead of the CDN its bundle names. */
export const getStaticPaths: GetStaticPaths = () => EDITOR_FONTS.map((font) => ({ params: { file: font.file } }));

export const GET: APIRoute = async ({ params }) => new Response(await readFile(editorFontPath(params.file!)), { headers: { 'Content-Type': 'font/woff2' } });
