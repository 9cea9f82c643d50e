/**
 * Checks all content without building: settings, pages, links, images and their alt text,
 * posters and the ledger of printed links. Prints every problem by file and exits 1 if any.
 * The build runs the same checks (src/model/load-content.ts).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/model/load-content.ts';
import { formatProblems } from '../src/model/problems.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const siteDir = resolve(process.env.LOA_SITE_DIR || projectRoot);
const started = performance.now();
const content = loadContent(siteDir);
if (content.problems.length) {
  console.error(formatProblems(content.problems));
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`Content is fine: ${content.entries.length} pages in ${content.locales.length} locales, ${content.posters.length} posters (checked in ${seconds} s).`);
