/**
 * Checks all content without building: settings, pages, links, images and their alt text,
 * posters and the ledger of printed links. Prints every problem by file and exits 1 if any.
 * The build runs the same checks (src/model/load-content.ts).
 */
import { commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';

const started = performance.now();
const content = loadContentOrExit(commandSiteDir());
const seconds = ((performance.now() - started) / 1000).toFixed(2);
// Drafts are checked too, but not published: said apart, so an editor knows they were read.
const drafts = content.drafts.length ? `, and ${content.drafts.length} ${content.drafts.length === 1 ? 'draft' : 'drafts'} not published` : '';
console.log(
  `Content is fine: ${content.entries.length} pages in ${content.locales.length} locales, ${content.posters.length} posters${drafts} (checked in ${seconds} s).`,
);
