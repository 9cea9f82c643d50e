/**
 * Builds the site: checks all content first (every problem listed, then exit 1), builds with
 * Astro into a temporary folder, and only when everything succeeded puts it in place of dist/.
 *
 *   npm run build                      the project's content/ into dist/
 *   LOA_SITE_DIR=path npm run build    another site folder (content/ and public/) into path/dist/
 *   npm run build -- --out some/dir    another output folder
 */
import { join } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { PROJECT_ROOT, commandOutDir, commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';
import { placeLocale404s, swapIntoPlace } from '../src/build/finish-dist.ts';
import { netlifyRedirects, nginxMap } from '../src/build/host-redirects.ts';
import { shortLinkRedirects } from '../src/posters/short-links.ts';
import { oldLinkRedirect, oldLinks } from '../src/portals/renames.ts';
import { shareImages } from '../src/portals/share-integration.ts';

const siteDir = commandSiteDir();
process.env.LOA_SITE_DIR = siteDir; // for astro.config.mjs and the pages
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const outDir = commandOutDir(process.argv.slice(2), siteDir);
const tmpDir = `${outDir}.tmp-${process.pid}`;

const content = loadContentOrExit(siteDir, 'The build stopped; dist/ was left as it was.');

try {
  const { build } = await import('astro');
  // Share images are drawn from the content loaded above (Astro's config adds the rest).
  await build({ root: PROJECT_ROOT, outDir: tmpDir, integrations: [shareImages(content)], logLevel: process.env.LOA_LOG_LEVEL === 'info' ? 'info' : 'warn' });
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
