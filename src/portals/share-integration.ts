import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { LoadedContent } from '../model/load-content.ts';
import { pickText } from '../i18n/locales.ts';
import { useProjectFonts } from './fonts.ts';

/** Bump when share images are drawn differently, so cached ones are drawn again. */
const DRAWING = '4';

/** Where a page's share image is, below the base path: `vi/guides/x/share.png`. */
export function shareImagePath(locale: string, kind: string, slug: string): string {
  return `${locale}/${kind}/${slug}/share.png`;
}

/** Where a locale's share image for its home and list pages is: `vi/share.png`. */
export function homeShareImagePath(locale: string): string {
  return `${locale}/share.png`;
}

/** A share image to draw: its text and where in the cache it goes. */
export interface DrawJob {
  cached: string;
  title: string;
  campaign: string;
  lang: string;
}

/**
 * Draws a share image for every guide and message of the content the build loaded, on a worker
 * thread while Astro renders the pages, keeping each in the cache folder under a hash of what it
 * shows, so a rebuild draws only what changed; links (or copies) them into the site when the
 * build is done. Added by scripts/build-pages.ts, which has the content already.
 */
export function shareImages({ entries, locales, settings }: LoadedContent): AstroIntegration {
  let cacheDir = '';
  let images: { path: string; cached: string }[] = [];
  let drawing: Promise<void> | undefined;
  return {
    name: 'loa-share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'share-images');
      },
      'astro:build:start': () => {
        if (!settings) return;
        mkdirSync(cacheDir, { recursive: true });
        const job = (path: string, title: string, campaign: string, lang: string) => {
          const key = createHash('sha256').update([DRAWING, lang, title, campaign].join('\n')).digest('hex').slice(0, 20);
          return { path, cached: join(cacheDir, `${key}.png`), title, campaign, lang };
        };
        const campaignIn = (code: string) => pickText(settings.name, locales.find((l) => l.code === code)!.chain) ?? '';
        const jobs = [
          ...locales.map((l) => job(homeShareImagePath(l.code), pickText(settings.tagline, l.chain) ?? campaignIn(l.code), campaignIn(l.code), l.code)),
          ...entries.map((e) => job(shareImagePath(e.locale, e.kind, e.slug), e.data.title, campaignIn(e.locale), e.locale)),
        ];
        images = jobs;
        // Pages with the same title and language share one image: drawn once.
        drawing = drawInWorker([...new Map(jobs.filter((j) => !existsSync(j.cached)).map((j) => [j.cached, j])).values()]);
        drawing.catch(() => {}); // reported when awaited at the end of the build
      },
      'astro:build:done': async ({ dir }) => {
        await drawing;
        for (const { path, cached } of images) {
          const target = join(fileURLToPath(dir), path);
          mkdirSync(join(target, '..'), { recursive: true });
          linkOrCopy(cached, target);
        }
      },
    },
  };
}

/** Draws the images on a worker thread (share-worker.ts); settles when all are in the cache. */
function drawInWorker(jobs: DrawJob[]): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  useProjectFonts(); // here, for the worker's environment is a copy that fontconfig does not read
  return new Promise((done, fail) => {
    // Its buffers live outside the JavaScript heap, so a small young generation is enough.
    const worker = new Worker(new URL('./share-worker.ts', import.meta.url), { workerData: jobs, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.once('error', fail);
    worker.once('exit', (code) => (code === 0 ? done() : fail(new Error(`Drawing share images stopped with exit code ${code}`))));
  });
}

/** A hard link to `from` at `to` (instant, and no second copy on disk), or a copy where links are not possible. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
