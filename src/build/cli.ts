import { loadContent, loadSite, type LoadedContent, type LoadedSite, type OnEntry } from '../model/load-content.ts';
import { formatProblems } from '../model/problems.ts';
import { inActionsWorkflow, workflowAnnotations } from './workflow-annotations.ts';
import type { SiteSettings } from '../model/schemas.ts';

export { commandLocales, commandOutDir, commandSiteDir, PROJECT_ROOT } from './cli-args.ts';

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
export function loadContentOrExit(siteDir: string, onEntry?: OnEntry): LoadedContent & { settings: SiteSettings } {
  const content = loadContent(siteDir, undefined, onEntry);
  if (content.problems.length || !content.settings) {
    console.error(formatProblems(content.problems));
    if (inActionsWorkflow()) console.log(workflowAnnotations(content.problems));
    process.exit(1);
  }
  return content as LoadedContent & { settings: SiteSettings };
}
