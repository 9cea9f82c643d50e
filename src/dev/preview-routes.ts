import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AUDIO_FORMATS, audioFileName, isRecordingName } from '../broadcast/audio-facts.ts';
import { siteDir } from '../lib/site-dir.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { siteContent } from '../lib/site-content.ts';
import { drawShareImages, shareImageList } from '../portals/share-images.ts';
import type { SiteSettings } from '../model/schemas.ts';
import type { LoadedContent } from '../model/load-content.ts';
import { PREVIEW_STATUS, problemsPage } from './problems-page.ts';
import { previewSearchFiles } from './preview-search.ts';

export interface PreviewRoutesOptions {
  base: string;
  searchScript: string;
  shareCacheDir: string;
  /** Goes up by one at every reload of the content. */
  version(): number;
  /** Where the preview itself is served, for reading its own pages. */
  origin(): string;
}

type Next = (error?: unknown) => void;

/**
 * What the live preview answers before Astro's pages: every problem in the content instead of
 * any page while there is one, and what the build makes after the pages (search script, search
 * index, share images), made from the current content when asked for.
 */
export function previewRoutes(options: PreviewRoutesOptions) {
  const { base } = options;
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    // Vite takes the base path off req.url before this runs; originalUrl still has it.
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const path = decodeURIComponent(new URL(url, 'http://preview').pathname);
    if (path === PREVIEW_STATUS) return send(res, 200, 'application/json', JSON.stringify({ version: options.version() }), true);
    const content = siteContent();
    if (content.problems.length || !content.settings) {
      if (!wantsPage(req, path)) return next();
      return send(res, 500, 'text/html; charset=utf-8', problemsPage(content.problems, options.version()), true);
    }
    if (!path.startsWith(base)) return next();
    const inside = path.slice(base.length);
    if (inside === 'search.js') return send(res, 200, 'text/javascript; charset=utf-8', options.searchScript);
    // A QR code's short link in capitals (/P/K7M/), as the build writes it: to the short link as written.
    const capitals = /^P\/([0-9A-Z]+)\/?$/.exec(inside);
    if (capitals) return void res.writeHead(302, { Location: `${base}p/${capitals[1]!.toLowerCase()}/` }).end();
    if (inside.startsWith('pagefind/')) {
      previewSearchFiles(content, options.origin(), options.version())
        .then((files) => {
          const file = files.get(inside.slice('pagefind/'.length));
          if (file) send(res, 200, typeOf(inside), file);
          else next();
        })
        .catch(next);
      return;
    }
    if (inside.startsWith('audio/')) {
      const recording = recordingFile(inside.slice('audio/'.length));
      if (!recording) return next();
      return send(res, 200, AUDIO_FORMATS[extname(recording).slice(1)]!.type, readFileSync(recording));
    }
    if (inside.endsWith('/share.png')) {
      const image = shareImageList(content as LoadedContent & { settings: SiteSettings }, options.shareCacheDir).find((i) => i.path === inside);
      if (!image) return next();
      drawShareImages([image])
        .then(() => send(res, 200, 'image/png', readFileSync(image.cached)))
        .catch(next);
      return;
    }
    next();
  };
}

/**
 * The file in content/audio/ a recording's address names (`audio/name-1a2b3c4d5e.ogg`, see
 * audioFileName): the build copies recordings by a route Astro's dev server cannot answer
 * (its file name carries the extension), so the preview serves them itself.
 */
function recordingFile(name: string): string | undefined {
  const folder = join(siteDir(), 'content', 'audio');
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => join(folder, file))
    .find((file) => isRecordingName(file) && audioFileName(file) === name);
}

/** True for a request of a page (not of a script, style or image the preview's tools load). */
function wantsPage(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'GET' || /^\/(@|__|node_modules\/)/.test(path)) return false;
  return path.endsWith('/') || path.endsWith('.html') || (req.headers.accept ?? '').includes('text/html');
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json', css: 'text/css; charset=utf-8' };

function typeOf(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, noStore = false): void {
  res.writeHead(status, { 'Content-Type': type, ...(noStore ? { 'Cache-Control': 'no-store' } : {}) });
  res.end(body);
}
