/**
 * Builds the site: checks all content first (every problem listed, then exit 1), builds with
 * Astro into a temporary folder, and only when everything succeeded puts it in place of dist/.
 *
 *   npm run build                      the project's content/ into dist/
 *   LOA_SITE_DIR=path npm run build    another site folder (content/ and public/) into path/dist/
 *   npm run build -- --out some/dir    another output folder
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync, writeFileSync } from 'node:fs';
import { loadContent } from '../src/model/load-content.ts';
import { formatProblems } from '../src/model/problems.ts';
import { placeLocale404s, swapIntoPlace } from '../src/build/finish-dist.ts';
import { netlifyRedirects, nginxMap, shortLinkRedirects } from '../src/posters/redirect-files.ts';
import { oldLinkRedirect, oldLinks } from '../src/portals/renames.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const siteDir = resolve(process.env.LOA_SITE_DIR || projectRoot);
process.env.LOA_SITE_DIR = siteDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const outFlag = process.argv.indexOf('--out');
const outDir = resolve(outFlag > 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1]! : join(siteDir, 'dist'));
const tmpDir = `${outDir}.tmp-${process.pid}`;

const content = loadContent(siteDir);
if (content.problems.length || !content.settings) {
  console.error(formatProblems(content.problems));
  console.error('The build stopped; dist/ was left as it was.');
  process.exit(1);
}

try {
  const { build } = await import('astro');
  await build({ root: projectRoot, outDir: tmpDir, logLevel: process.env.LOA_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  placeLocale404s(tmpDir, content.locales.map((l) => l.code));
  const base = content.settings.base;
  const renamed = oldLinks(content.entries.map((e) => ({ ...e, previously: e.data.previously })), content.locales).map((link) => oldLinkRedirect(link, base));
  const redirects = [...shortLinkRedirects(content.posters, base), ...renamed];
  writeFileSync(join(tmpDir, '_redirects'), netlifyRedirects(redirects));
  writeFileSync(join(tmpDir, 'nginx-redirects.map'), nginxMap(redirects));
  swapIntoPlace(tmpDir, outDir);
  console.log(`Built ${content.entries.length} pages of content into ${outDir}`);
} catch (error) {
  rmSync(tmpDir, { recursive: true, force: true });
  // Astro's messages name the file and line; the stack below them only names Loa's and Astro's internals.
  const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
  console.error(`The build failed: ${message}`);
  console.error('dist/ was left as it was.');
  process.exit(1);
}
