import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A short hash of the engine's own code (src/). The build cache (optimised images, share
 * images) is kept in a folder named by it, so changed code never reuses what older code made.
 */
export function engineVersion(srcDir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(ts|astro|css|mjs)$/.test(file)) continue;
    hash.update(file).update(readFileSync(join(srcDir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The build cache of a site folder, for this version of the engine: `<site>/node_modules/.astro/<version>/`. */
export function buildCacheDir(siteDir: string): string {
  return join(siteDir, 'node_modules', '.astro', engineVersion(fileURLToPath(new URL('..', import.meta.url))));
}
