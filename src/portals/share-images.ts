import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadedContent } from '../model/load-content.ts';
import type { SiteSettings } from '../model/schemas.ts';
import { pickText } from '../i18n/locales.ts';
import { useProjectFonts } from '../fonts/fontconfig.ts';
import { linkOrCopy } from '../lib/link-or-copy.ts';

/** Bump when share images are drawn differently, so cached ones are drawn again. */
const DRAWING = '13';

/** Where a page's share image is, below the base path: `vi/guides/x/share.png`. */
export function shareImagePath(locale: string, kind: string, slug: string): string {
  return `${locale}/${kind}/${slug}/share.png`;
}

/** Where a locale's share image for its home and list pages is: `vi/share.png`. */
export function homeShareImagePath(locale: string): string {
  return `${locale}/share.png`;
}

/** A share image of the site: what it shows, where it goes in the site and where it is kept in the cache. */
export interface ShareImage {
  path: string;
  cached: string;
  title: string;
  campaign: string;
  lang: string;
  /** True for a right-to-left language: the text is laid from the right. */
  rtl: boolean;
}

/**
 * The share images a site needs: one for each guide and message, one for each locale's home and
 * list pages. Each is kept in `cacheDir` under a hash of what it shows, so a rebuild draws only
 * what changed, and pages with the same title and language share one.
 */
export function shareImageList({ entries, locales, settings }: LoadedContent & { settings: SiteSettings }, cacheDir: string): ShareImage[] {
  const image = (path: string, title: string, campaign: string, lang: string): ShareImage => {
    const rtl = locales.find((l) => l.code === lang)?.dir === 'rtl';
    const key = createHash('sha256').update([DRAWING, lang, rtl, title, campaign].join('\n')).digest('hex').slice(0, 20);
    return { path, cached: join(cacheDir, `${key}.png`), title, campaign, lang, rtl };
  };
  const campaignIn = (code: string) => pickText(settings.name, locales.find((l) => l.code === code)!.chain) ?? '';
  return [
    ...locales.map((l) => image(homeShareImagePath(l.code), pickText(settings.tagline, l.chain) ?? campaignIn(l.code), campaignIn(l.code), l.code)),
    ...entries.map((e) => image(shareImagePath(e.locale, e.kind, e.slug), e.data.title, campaignIn(e.locale), e.locale)),
  ];
}

/**
 * Draws the images not yet in the cache, each once, on a worker thread (share-worker.ts), so the
 * process goes on meanwhile. Settles when all are in the cache.
 */
export async function drawShareImages(images: readonly ShareImage[]): Promise<void> {
  const missing = [...new Map(images.filter((i) => !existsSync(i.cached)).map((i) => [i.cached, i])).values()];
  if (missing.length === 0) return;
  mkdirSync(dirname(missing[0]!.cached), { recursive: true });
  useProjectFonts(); // here, for the worker's environment is a copy that fontconfig does not read
  await new Promise<void>((done, fail) => {
    // Its buffers live outside the JavaScript heap, so a small young generation is enough.
    const worker = new Worker(new URL('./share-worker.ts', import.meta.url), { workerData: missing, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.once('error', fail);
    worker.once('exit', (code) => (code === 0 ? done() : fail(new Error(`Drawing share images stopped with exit code ${code}`))));
  });
}

/** Puts each image from the cache into the site at `outDir`: a hard link (instant, no second copy on disk), or a copy where links are not possible. */
export function placeShareImages(images: readonly ShareImage[], outDir: string): void {
  for (const { path, cached } of images) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopy(cached, target);
  }
}
