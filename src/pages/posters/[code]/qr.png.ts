import type { APIRoute } from 'astro';
import { posterViews, type PosterView } from '../../../lib/poster-views.ts';
import { qrPng } from '../../../posters/qr.ts';

/** The poster's QR code as a PNG at 300 dpi for its printed width. */
export async function getStaticPaths() {
  return (await posterViews()).map((view) => ({ params: { code: view.poster.code }, props: { view } }));
}

export const GET: APIRoute<{ view: PosterView }> = async ({ props }) =>
  new Response(new Uint8Array(await qrPng(props.view.qr, props.view.qrMm)), { headers: { 'Content-Type': 'image/png' } });
