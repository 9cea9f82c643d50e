import type { APIRoute } from 'astro';
import { posterViews, type PosterView } from '../../../lib/poster-views.ts';

/** The poster's QR code as a vector SVG with its quiet zone. */
export async function getStaticPaths() {
  return (await posterViews()).map((view) => ({ params: { code: view.poster.code }, props: { view } }));
}

export const GET: APIRoute<{ view: PosterView }> = ({ props }) => new Response(props.view.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
