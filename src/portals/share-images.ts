import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ContentEntry, LoadedContent } from '../model/load-content.ts';
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

/** What a share image needs of the site: its name and tagline in each locale, and each locale's direction. */
type SiteFacts = Pick<LoadedContent, 'locales'> & { settings: SiteSettings };

/** A share image showing `shown`, or the campaign's name when there is nothing to show. */
function shareImage(site: SiteFacts, cacheDir: string, path: string, lang: string, shown: string | undefined): ShareImage {
  const locale = site.locales.find((l) => l.code === lang)!;
  const rtl = locale.dir === 'rtl';
  const campaign = pickText(site.settings.name, locale.chain) ?? '';
  const title = shown ?? campaign;
  const key = createHash('sha256').update([DRAWING, lang, rtl, title, campaign].join('\n')).digest('hex').slice(0, 20);
  return { path, cached: join(cacheDir, `${key}.png`), title, campaign, lang, rtl };
}

/**
 * A guide's or message's share image, kept in `cacheDir` under a hash of what it shows, so a
 * rebuild draws only what changed, and pages with the same title and language share one. Worked
 * out for each page as soon as it is read, so a build draws while it reads the others.
 */
export function entryShareImage(entry: ContentEntry, site: SiteFacts, cacheDir: string): ShareImage {
  return shareImage(site, cacheDir, shareImagePath(entry.locale, entry.kind, entry.slug), entry.locale, entry.data.title);
}

/** The share images a site needs: one for each guide and message (see entryShareImage), one for each locale's home and list pages. */
export function shareImageList(content: LoadedContent & { settings: SiteSettings }, cacheDir: string): ShareImage[] {
  return [
    ...content.locales.map((l) => shareImage(content, cacheDir, homeShareImagePath(l.code), l.code, pickText(content.settings.tagline, l.chain))),
    ...content.entries.map((e) => entryShareImage(e, content, cacheDir)),
  ];
}

/** Share images being drawn: more can be given until `drawn` is asked for. */
export interface ShareImageDrawing {
  add(images: readonly ShareImage[]): void;
  /** Settles when every image given is in the cache; none can be added after. */
  drawn(): Promise<void>;
}

/**
 * Draws share images not yet in the cache, each once, on a worker thread (share-worker.ts) as they
 * are given: a build starts drawing while it still reads the content, on the core that is idle then.
 */
export function startDrawingShareImages(): ShareImageDrawing {
  const given = new Set<string>();
  let worker: Worker | undefined;
  let finished: Promise<void> = Promise.resolve();
  const start = (cacheDir: string) => {
    mkdirSync(cacheDir, { recursive: true });
    useProjectFonts(); // here, for the worker's environment is a copy that fontconfig does not read
    // Its buffers live outside the JavaScript heap, so a small young generation is enough.
    const started = new Worker(new URL('./share-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    finished = new Promise<void>((done, fail) => {
      started.once('error', fail);
      started.once('exit', (code) => (code === 0 ? done() : fail(new Error(`Drawing share images stopped with exit code ${code}`))));
    });
    return started;
  };
  return {
    add(images) {
      const missing: ShareImage[] = [];
      for (const image of images) {
        if (given.has(image.cached)) continue;
        given.add(image.cached);
        if (!existsSync(image.cached)) missing.push(image);
      }
      if (missing.length === 0) return;
      try {
        worker ??= start(dirname(missing[0]!.cached));
        worker.postMessage(missing);
      } catch (error) {
        finished = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      finished.catch(() => {}); // reported by drawn()
    },
    drawn() {
      worker?.postMessage('done');
      return finished;
    },
  };
}

/** Draws the images not yet in the cache (see startDrawingShareImages); settles when all are in the cache. */
export function drawShareImages(images: readonly ShareImage[]): Promise<void> {
  const drawing = startDrawingShareImages();
  drawing.add(images);
  return drawing.drawn();
}

/** Puts each image from the cache into the site at `outDir`: a hard link (instant, no second copy on disk), or a copy where links are not possible. */
export function placeShareImages(images: readonly ShareImage[], outDir: string): void {
  for (const { path, cached } of images) {
    const target = join(outDir, path);
    // The page's folder is there already but for a few: made only when missing, as asking first
    // for each of thousands of images took a third of the time.
    try {
      linkOrCopy(cached, target);
    } catch {
      mkdirSync(dirname(target), { recursive: true });
      linkOrCopy(cached, target);
    }
  }
}
