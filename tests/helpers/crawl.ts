import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { htmlFiles, urlPathOf } from './dist.ts';

/** A reference from a built page that leads nowhere. */
export interface BrokenRef {
  page: string;
  ref: string;
  why: string;
}

/**
 * Follows every internal link, asset and fragment of every page of a built site served at
 * `origin` + `base`, and returns the ones that lead nowhere.
 */
export function findBrokenRefs(dir: string, origin: string, base: string): BrokenRef[] {
  const broken: BrokenRef[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsCache.has(file)) {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      idsCache.set(
        file,
        new Set(
          $('[id]')
            .map((_, el) => $(el).attr('id')!)
            .get(),
        ),
      );
    }
    return idsCache.get(file)!;
  };
  for (const file of htmlFiles(dir)) {
    const pageUrl = new URL(urlPathOf(file, base), origin);
    const $ = cheerio.load(readFileSync(join(dir, file), 'utf8'));
    const refs: string[] = [];
    $('a[href], link[href], img[src], script[src], iframe[src]').each((_, el) => {
      refs.push($(el).attr('href') ?? $(el).attr('src')!);
    });
    $('[srcset]').each((_, el) => {
      for (const part of $(el).attr('srcset')!.split(',')) refs.push(part.trim().split(/\s+/)[0]!);
    });
    for (const ref of refs) {
      if (/^(mailto|tel|data|javascript):/.test(ref)) continue;
      const url = new URL(ref, pageUrl);
      if (url.origin !== new URL(origin).origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: file, ref, why: `outside the base path ${base}` });
        continue;
      }
      let target = join(dir, decodeURIComponent(url.pathname.slice(base.length)));
      if (url.pathname.endsWith('/')) target = join(target, 'index.html');
      if (!existsSync(target) || statSync(target).isDirectory()) {
        broken.push({ page: file, ref, why: 'no such file' });
        continue;
      }
      if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push({ page: file, ref, why: `no element with id ${url.hash}` });
      }
    }
  }
  return broken;
}
