import { join, resolve } from 'node:path';
import { loadContent, loadSite, type LoadedContent, type LoadedSite } from '../model/load-content.ts';
import { formatProblems } from '../model/problems.ts';
import { inActionsWorkflow, workflowAnnotations } from './workflow-annotations.ts';
import type { SiteSettings } from '../model/schemas.ts';
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

/** Loads and checks the site's settings only (see loadSite), like loadContentOrExit. */
export function loadSettingsOrExit(siteDir: string): LoadedSite & { settings: SiteSettings } {
  const site = loadSite(siteDir);
  if (site.problems.length || !site.settings) {
    console.error(formatProblems(site.problems));
    process.exit(1);
  }
  return site as LoadedSite & { settings: SiteSettings };
}

/**
 * Loads and checks the content; prints every problem and exits 1 when there is any. In GitHub,
 * Forgejo or Gitea Actions it also prints them as workflow annotations, so they show on the commit.
 */
export function loadContentOrExit(siteDir: string): LoadedContent & { settings: SiteSettings } {
  const content = loadContent(siteDir);
  if (content.problems.length || !content.settings) {
    console.error(formatProblems(content.problems));
    if (inActionsWorkflow()) console.log(workflowAnnotations(content.problems));
    process.exit(1);
  }
  return content as LoadedContent & { settings: SiteSettings };
}
