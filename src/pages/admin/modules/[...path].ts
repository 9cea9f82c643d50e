import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { editorModules } from '../../../admin/bundle.ts';

/** The modules the editor imports while it runs, copied from npm (see EDITOR_MODULES), instead of unpkg.com. */
export const getStaticPaths: GetStaticPaths = () => editorModules().map(({ path, installed }) => ({ params: { path }, props: { installed } }));

export const GET: APIRoute = async ({ props }) =>
  new Response(await readFile(props.installed as string), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
