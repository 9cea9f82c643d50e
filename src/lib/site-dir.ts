import { resolve } from 'node:path';

/** The folder holding `content/` and `public/`: `LOA_SITE_DIR`, or the project itself. */
export function siteDir(): string {
  return resolve(process.env.LOA_SITE_DIR || process.cwd());
}
