import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A short hash of the engine's own code (src/). Astro keeps parsed and rendered content in its
 * cache folder; keying that folder by this hash means a changed schema or Markdown step never
 * reuses content prepared by older code.
 */
export function engineVersion(srcDir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(ts|astro|css|mjs)$/.test(file)) continue;
    hash.update(file).update(readFileSync(join(srcDir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}
