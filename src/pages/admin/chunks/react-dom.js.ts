import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { reactDomChunkPath } from '../../../admin/bundle.ts';

/** React DOM, which the editor loads from beside its script to draw Loa's fields and preview (see reactDomChunkPath). */
export const GET: APIRoute = async () => new Response(await readFile(reactDomChunkPath()), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
