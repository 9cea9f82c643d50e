/**
 * The first part of `npm run build`, run by scripts/build.ts in a process of its own: checks all
 * content (every problem listed, then exit 1), tells scripts/build.ts which share images the
 * site needs (as it reads the pages, so that they are drawn there meanwhile) and its base path,
 * builds the pages with Astro into the folder given and adds the host files (locale 404 pages,
 * redirects), tells scripts/build.ts the pages it built, for the search index, then writes the
 * security headers and the rebuild record. Exits 1 with the problems when it fails.
 *
 * Guide and message pages whose inputs have not changed since the last build of the output folder
 * are not rendered again but taken from it (see src/build/reuse-pages.ts).
 *
 *   node scripts/build-pages.ts <folder> <output folder>     (with an IPC channel to scripts/build.ts)
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { PROJECT_ROOT, commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';
import { placeLocale404s } from '../src/build/finish-dist.ts';
import { netlifyRedirects, nginxMap } from '../src/build/host-redirects.ts';
import { writeHeaderFiles } from '../src/build/header-files.ts';
import { builtPages } from '../src/build/built-file-facts.ts';
import { capitalShortLinkRedirects, shortLinkRedirects, writeCapitalShortLinks } from '../src/posters/short-links.ts';
import { oldLinkRedirect, oldLinks } from '../src/portals/renames.ts';
import { entryShareImage, shareImageList, type ShareImage } from '../src/portals/share-images.ts';
import { buildCacheDir } from '../src/lib/engine-version.ts';
import { keepSiteContent } from '../src/lib/site-content.ts';
import { keepReusedPages } from '../src/lib/entry-paths.ts';
import { rendersLocale, shardLocales, shardProblems } from '../src/lib/shard.ts';
import { entryPageKeys, lastBuild, placeReusedAssets, placeReusedPages, recordEntryPages, reusablePages } from '../src/build/reuse-pages.ts';

if (!process.send || !process.disconnect) {
  console.error('scripts/build-pages.ts is run by scripts/build.ts: use npm run build.');
  process.exit(1);
}
const siteDir = commandSiteDir();
process.env.LOA_SITE_DIR = siteDir; // for astro.config.mjs and the pages
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const [tmpDir, outDir] = process.argv.slice(2) as [string, string];

const cacheDir = buildCacheDir(siteDir);
const shareDir = join(cacheDir, 'share-images');
// Each page's share image is sent to scripts/build.ts as soon as the page is read, a few hundred at
// a time, so that the drawing starts on the other core while the rest of the content is read; the
// last few go with the list of all the site's share images below.
let toDraw: ShareImage[] = [];
const content = loadContentOrExit(siteDir, (entry, site) => {
  if (!rendersLocale(entry.locale)) return;
  toDraw.push(entryShareImage(entry, site, shareDir));
  if (toDraw.length < 200) return;
  process.send!({ draw: toDraw });
  toDraw = [];
});
const shard = shardLocales();
const wrongLocales = shard
  ? shardProblems(
      shard,
      content.settings.locales.map((l) => l.code),
    )
  : [];
if (wrongLocales.length) {
  console.error(wrongLocales.join('\n'));
  process.exit(1);
}
keepSiteContent(content); // the pages use it too
const shareImages = shareImageList(content, shareDir).filter((image) => rendersLocale(image.lang));
process.send({ shareImages, base: content.settings.base });
// The channel stays open but does not keep this process alive; it closes when scripts/build.ts
// ends, and then this process stops too: a build killed mid-way leaves no process writing its folder.
process.channel?.unref();
process.on('disconnect', () => process.exit(1));

const entryPages = entryPageKeys(content, siteDir);
const last = lastBuild(cacheDir, outDir);
const reused = reusablePages(entryPages, outDir, last);
keepReusedPages(reused);

// Placed while Astro renders the other pages: Astro is told not to empty the (new) folder first.
const placing = placeReusedPages(reused, entryPages, outDir, tmpDir, last);
placing.catch(() => {}); // reported when awaited below

try {
  const [{ build }, { default: config }] = await Promise.all([import('astro'), import('../astro.config.mjs')]);
  // No type generation (`sync`): the pages need none, and it rewrote the engine's .astro/ at each build,
  // concurrent ones too. An option of Astro's builder that its build() passes on, not yet in its types.
  const noTypes = { sync: false } as Parameters<typeof build>[1];
  // The project's configuration, imported here rather than loaded by Astro through Vite (0.15 s).
  await build({ ...config, configFile: false, root: PROJECT_ROOT, outDir: tmpDir, logLevel: 'warn', vite: { build: { emptyOutDir: false } } }, noTypes);
  const linked = await placing;
  placeReusedAssets(reused, entryPages, outDir, tmpDir, last);
  console.log(`Guide and message pages: ${entryPages.size - reused.size} rendered, ${reused.size} unchanged since the last build`);
  placeLocale404s(tmpDir, content.locales.map((l) => l.code).filter(rendersLocale));
  const base = content.settings.base;
  // Codes encode short links in capitals (/P/K7M/): the same tiny pages answer there too.
  writeCapitalShortLinks(tmpDir, content.posters, base);
  const renamed = oldLinks(content.entries, content.locales).map((link) => oldLinkRedirect(link, base));
  const redirects = [...shortLinkRedirects(content.posters, base), ...renamed];
  writeFileSync(join(tmpDir, '_redirects'), netlifyRedirects([...redirects, ...capitalShortLinkRedirects(content.posters, base)]));
  writeFileSync(join(tmpDir, 'nginx-redirects.map'), nginxMap(redirects));
  // Listed once, and sent at once: scripts/build.ts reads the same pages for the search index
  // while this process reads them for the security policy and the rebuild record.
  const pages = builtPages(tmpDir);
  process.send({ pages });
  for (const warning of writeHeaderFiles(tmpDir, content.settings, join(cacheDir, 'inline-code.v8'), pages)) console.warn(warning);
  recordEntryPages(entryPages, tmpDir, outDir, base, cacheDir, last, linked);
} catch (error) {
  // Astro's messages name the file and line; the stack below them only names Loa's and Astro's internals.
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n');
  console.error(`The build failed: ${message}`);
  process.exit(1);
}
