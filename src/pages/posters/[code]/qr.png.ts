import type { APIRoute } from 'astro';
import { posterViews, type PosterView } from '../../../lib/poster-views.ts';
import { qrPng } from '../../../posters/qr-png.ts';

/** The poster's QR code as a PNG of at least 300 dpi that prints at its module size. */
export async function getStaticPaths() {
  return (await posterViews()).map((view) => ({ params: { code: view.poster.code }, props: { view } }));
}

export const GET: APIRoute<{ view: PosterView }> = ({ props }) =>
  new Response(new Uint8Array(qrPng(props.view.qr, props.view.moduleMm)), { headers: { 'Content-Type': 'image/png' } });
