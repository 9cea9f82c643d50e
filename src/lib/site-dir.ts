import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The engine's folder, where package.json and astro.config.mjs are. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The folder holding a site's `content/` and `public/`: `LOA_SITE_DIR`, or the engine's own folder. */
export function siteDir(): string {
  return resolve(process.env.LOA_SITE_DIR || PROJECT_ROOT);
}
