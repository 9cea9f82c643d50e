/**
 * The command line of Loa's scripts: which site folder, output folder and locales a command works
 * on. Kept apart from the content loaders (cli.ts), so that a script needing only these starts at once.
 */
import { join, resolve } from 'node:path';
import { parseLocaleList } from '../lib/shard.ts';
import { PROJECT_ROOT, siteDir } from '../lib/site-dir.ts';

export { PROJECT_ROOT };

/** The site folder a command works on: `LOA_SITE_DIR`, or the project itself. */
export const commandSiteDir = siteDir;

/** The output folder a command works on: `--out <dir>`, or dist/ in the site folder. */
export function commandOutDir(args: readonly string[], siteDir: string): string {
  const at = args.indexOf('--out');
  return resolve(at >= 0 && args[at + 1] ? args[at + 1]! : join(siteDir, 'dist'));
}

/** The locales a build renders, when it is one shard of a site: `--locales vi,en` (see src/lib/shard.ts); undefined for all of them. */
export function commandLocales(args: readonly string[]): string[] | undefined {
  const at = args.indexOf('--locales');
  if (at < 0) return undefined;
  const codes = parseLocaleList(args[at + 1] ?? '');
  if (codes.length) return codes;
  console.error('--locales expects the codes of the locales this build renders, separated by commas (e.g. --locales vi,en)');
  process.exit(1);
}
