import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site.ts';
import { localePaths } from '../../../lib/locale-page.ts';
import { searchStrings } from '../../../lib/search-strings.ts';

/**
 * The labels of the header search's results in each locale: /<locale>/search/strings.json. A file
 * of its own, fetched on the field's first focus, rather than about 1 KB carried by every page.
 */
export const getStaticPaths = localePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(searchStrings(getSite().t(params.locale!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
