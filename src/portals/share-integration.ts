import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { LoadedContent } from '../model/load-content.ts';
import { pickText } from '../i18n/locales.ts';
import { shareImage } from './share-image.ts';

/** Bump when share images are drawn differently, so cached ones are drawn again. */
const DRAWING = '2';

/** Where a page's share image is, below the base path: `vi/guides/x/share.png`. */
export function shareImagePath(locale: string, kind: string, slug: string): string {
  return `${locale}/${kind}/${slug}/share.png`;
}

/** Where a locale's share image for its home and list pages is: `vi/share.png`. */
export function homeShareImagePath(locale: string): string {
  return `${locale}/share.png`;
}

/**
 * Draws a share image for every guide and message of the content the build loaded, while Astro
 * renders the pages (sharp works on its own threads), keeping each in the cache folder under a
 * hash of what it shows, so a rebuild draws only what changed; copies them into the site when
 * the build is done. Added by scripts/build.ts, which has the content already.
 */
export function shareImages({ entries, locales, settings }: LoadedContent): AstroIntegration {
  let cacheDir = '';
  let drawing: Promise<{ path: string; cached: string }[]> | undefined;
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
        drawing = runLimited(jobs, 4, async (job) => {
          if (!existsSync(job.cached)) {
            writeFileSync(`${job.cached}.tmp`, await shareImage(job.title, job.campaign, job.lang));
            renameSync(`${job.cached}.tmp`, job.cached);
          }
          return job;
        });
        drawing.catch(() => {}); // reported when awaited at the end of the build
      },
      'astro:build:done': async ({ dir }) => {
        for (const { path, cached } of (await drawing) ?? []) {
          const target = join(fileURLToPath(dir), path);
          mkdirSync(join(target, '..'), { recursive: true });
          copyFileSync(cached, target);
        }
      },
    },
  };
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order of results. */
async function runLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
