import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const versions = new Map<string, string>();

/**
 * A short hash of the engine's own code (src/). The build cache (optimised images, share
 * images) is kept in a folder named by it, so changed code never reuses what older code made.
 * Worked out once per process: reading the engine's files takes 10 to 50 ms, and a build's
 * pages process asks four times.
 */
export function engineVersion(srcDir: string): string {
  let version = versions.get(srcDir);
  if (version) return version;
  const hash = createHash('sha256');
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(ts|astro|css|mjs)$/.test(file)) continue;
    hash.update(file).update(readFileSync(join(srcDir, file)));
  }
  version = hash.digest('hex').slice(0, 12);
  versions.set(srcDir, version);
  return version;
}

/** The build cache of a site folder, for this version of the engine: `<site>/node_modules/.astro/<version>/`. */
export function buildCacheDir(siteDir: string): string {
  return join(siteDir, 'node_modules', '.astro', engineVersion(fileURLToPath(new URL('..', import.meta.url))));
}

/**
 * Removes the build caches that other versions of the engine left in a site folder, once a build
 * has succeeded with this one: they are never read again, and a CI job that keeps
 * `node_modules/.astro/` between runs would otherwise carry every version's share images.
 */
export function removeOlderBuildCaches(siteDir: string): void {
  const current = buildCacheDir(siteDir);
  const folder = dirname(current);
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && /^[0-9a-f]{12}$/.test(entry.name) && entry.name !== basename(current))
        rmSync(join(folder, entry.name), { recursive: true, force: true });
    }
  } catch {
    // A site folder that cannot be written keeps them: they take room, they do no harm.
  }
}
