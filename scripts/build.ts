/**
 * Builds the site: checks all content first (every problem listed, then exit 1), builds the
 * pages with Astro into a temporary folder, indexes them for search, and only when everything
 * succeeded puts the result in place of dist/.
 *
 *   npm run build                      the project's content/ into dist/
 *   LOA_SITE_DIR=path npm run build    another site folder (content/ and public/) into path/dist/
 *   npm run build -- --out some/dir    another output folder
 *   npm run build -- --locales vi,en   only these locales' pages: one shard of a large site, whose
 *                                      outputs scripts/merge-shards.ts joins (see src/lib/shard.ts)
 *
 * Only one build writes an output folder at a time (a second one waits: see lockOutput), and each
 * starts by removing what killed builds left beside it (see removeStaleLeftovers).
 *
 * The pages are built in a process of their own (scripts/build-pages.ts), which ends before
 * Pagefind indexes them, so the memory of the two is never needed at once; their search documents
 * are read here meanwhile, while that process writes the security policy. The share images it
 * asks for, as it reads the content, are drawn here on a worker thread while the pages and the
 * index are built.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLocales, commandOutDir, commandSiteDir, PROJECT_ROOT } from '../src/build/cli-args.ts';
import { moveFolder, swapIntoPlace } from '../src/build/finish-dist.ts';
import { lockOutput } from '../src/build/output-lock.ts';
import { removeStaleLeftovers } from '../src/build/stale-folders.ts';
import { buildCacheDir, removeOlderBuildCaches } from '../src/lib/engine-version.ts';
import { placeShareImages, startDrawingShareImages, type ShareImage } from '../src/portals/share-images.ts';
import type { SearchDocuments } from '../src/search/build-index.ts';
import { SHARD_VARIABLE } from '../src/lib/shard.ts';
import { useCompileCache } from '../src/build/compile-cache.ts';

useCompileCache(); // for the processes and threads started below too

const siteDir = commandSiteDir();
const outDir = commandOutDir(process.argv.slice(2), siteDir);
const locales = commandLocales(process.argv.slice(2));
const tmpDir = `${outDir}.tmp-${process.pid}`;
// Astro builds into a folder inside the engine's, whose packages the pages' code must find while
// it runs (Astro tells inside from outside by comparing the paths as strings, so a site folder
// at …/loa-x5 beside an engine at …/loa would fail); the result is then moved to tmpDir.
const pagesDir = relative(PROJECT_ROOT, tmpDir).startsWith('..') ? join(PROJECT_ROOT, 'node_modules', '.astro', `pages-${process.pid}`) : tmpDir;

/** Removes the half-built folder and stops, leaving dist/ as it was. */
function stop(message?: string): never {
  for (const dir of new Set([pagesDir, tmpDir])) rmSync(dir, { recursive: true, force: true });
  if (message) console.error(`The build failed: ${message}`);
  console.error('dist/ was left as it was.');
  process.exit(1);
}

const running: { pages?: ChildProcess } = {};
// Stopped by a signal (Ctrl-C, a CI timeout), it still removes its folders and releases its lock.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    running.pages?.kill(signal);
    for (const dir of new Set([pagesDir, tmpDir])) rmSync(dir, { recursive: true, force: true });
    console.error(`The build was stopped (${signal}); dist/ was left as it was.`);
    process.exit(128 + constants.signals[signal]);
  });

await lockOutput(outDir);
const removed = removeStaleLeftovers(outDir, PROJECT_ROOT);
if (removed.length) console.log(`Removed what stopped builds left behind: ${removed.join(', ')}`);

const because = (error: unknown) => (error instanceof Error ? error.message : String(error));

// A young generation of at most 3 × 16 MB (Node's default here is 3 × 64 MB) keeps the peak
// memory lower, at no cost in time: what the pages allocate is short-lived. So does telling the
// allocator of Astro's bundler (Rolldown's mimalloc) to commit memory as it uses it rather than
// its arenas whole, which otherwise stay in the process's memory while the pages are rendered:
// 100 to 140 MB less, on the demo as at national size. Its messages (thousands of share images
// and pages) go as V8 serializes them, in a few milliseconds where JSON took about 70.
const pages = spawn(process.execPath, ['--max-semi-space-size=16', fileURLToPath(new URL('build-pages.ts', import.meta.url)), pagesDir, outDir], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  serialization: 'advanced',
  cwd: PROJECT_ROOT,
  env: { ...process.env, MIMALLOC_ARENA_EAGER_COMMIT: '0', LOA_SITE_DIR: siteDir, [SHARD_VARIABLE]: locales?.join(',') ?? '' },
});
running.pages = pages;
// Loaded while the pages are built (0.1 s, 12 MB), so that the index starts as soon as they are.
const searchIndex = import('../src/search/build-index.ts');
searchIndex.catch(() => {}); // reported when awaited below
// Everything this process does from now on (drawing share images, then the search index) runs at a
// lower priority than the pages, which take longest: the drawing fills the gaps they leave.
setPriority(10);
let shareImages: ShareImage[] = [];
let base = '/';
const drawing = startDrawingShareImages();
// A shard keeps its languages' indexes apart, so that shards built one after the other on one machine keep each other's.
const indexCache = join(buildCacheDir(siteDir), locales ? `search-index-${locales.join('-')}` : 'search-index');
let builtPages: string[] | undefined;
let documents: Promise<SearchDocuments> | undefined;
pages.on('message', (message: { draw: ShareImage[] } | { shareImages: ShareImage[]; base: string } | { pages: string[] }) => {
  if ('draw' in message) drawing.add(message.draw);
  else if ('pages' in message) {
    builtPages = message.pages;
    // Read here while the pages process writes the security policy and the rebuild record.
    documents = searchIndex.then(({ searchDocuments }) => searchDocuments(pagesDir, base, indexCache, message.pages));
    documents.catch(() => {}); // reported when awaited below
  } else {
    ({ shareImages, base } = message);
    drawing.add(shareImages);
  }
});
const status = await new Promise<number | null>((done) => pages.on('close', done));
if (status !== 0) stop();

const { buildSearchIndex } = await searchIndex;
// The time the index takes once the pages are built: what it adds to the build's.
const started = performance.now();
try {
  const { pages, errors, indexed } = await buildSearchIndex(pagesDir, base, indexCache, builtPages, await documents);
  if (errors.length) stop(`The search index could not be built:\n${errors.join('\n')}`);
  const languages = indexed.length ? `languages indexed: ${indexed.join(', ')}` : 'no language changed';
  console.log(`Search index: ${pages} pages (${languages}) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  stop(because(error));
}
if (pagesDir !== tmpDir) moveFolder(pagesDir, tmpDir);
try {
  await drawing.drawn();
} catch (error) {
  stop(`The share images could not be drawn: ${because(error)}`);
}
placeShareImages(shareImages, tmpDir);
swapIntoPlace(tmpDir, outDir);
removeOlderBuildCaches(siteDir);
console.log(`Built ${outDir}`);
