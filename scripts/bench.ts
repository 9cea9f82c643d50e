/**
 * Measures Loa: builds a synthetic corpus of N guides + N messages in 3 locales (N = 100 and
 * 1,000 by default, or the numbers given) and prints wall time, peak memory, dist/ size and
 * the bytes a phone downloads for one guide page (HTML and CSS, gzip, images aside).
 *
 * It also times 1,000 posters (SVG, PNG and print page each): the same small site built with
 * and without them; times `npm run check` on the demo; and runs Lighthouse (mobile) on the
 * demo's home and a guide page.
 *
 *   npm run bench            N = 100 and 1000
 *   npm run bench -- 300     N = 300 only
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/build/cli.ts';
import { writeCorpus } from './bench/corpus.ts';
import { firstSearchBytes, runMeasured, transferSize } from './bench/measure.ts';
import { lighthouseScores } from './bench/lighthouse.ts';
import { guideFile, measurePreview, type PreviewFigures } from './bench/preview.ts';

const root = PROJECT_ROOT;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length ? sizes : [100, 1000];

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** Bytes a phone downloads for a page before images: the HTML and its stylesheets and scripts, gzipped. */
function transferBytes(dist: string, file: string): number {
  const html = readFileSync(join(dist, file), 'utf8');
  let total = transferSize(join(dist, file));
  for (const match of html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)) total += transferSize(join(dist, match[1]!));
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs the build into `dist`, measured: of the site folder `siteDir`, or of the demo. */
function measuredBuild(dist: string, siteDir?: string) {
  return runMeasured(
    process.execPath,
    [join(root, 'scripts/build.ts'), '--out', dist],
    siteDir ? { ...process.env, LOA_SITE_DIR: siteDir } : process.env,
    root,
  );
}

/** Builds a synthetic site; returns wall seconds, peak memory of the build's process tree, search index seconds and the output folder. */
async function buildCorpus(work: string, n: number, posters = 0) {
  writeCorpus(work, n, join(root, 'content/images/android-play-store.png'), posters);
  const dist = join(work, 'dist');
  const run = await measuredBuild(dist, work);
  if (run.status !== 0) throw new Error(`Build of N=${n} failed:\n${run.output}`);
  const indexSeconds = Number(/Search index: \d+ pages in ([\d.]+) s/.exec(run.output)?.[1] ?? NaN);
  return { seconds: run.seconds, maxRss: run.peakBytes, indexSeconds, dist };
}

const temporary: string[] = [];
process.on('exit', () => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Runs `measure` in a fresh temporary folder, removed when the benchmark ends: on some file
 * systems (ext4 without a journal, as on these machines) creating thousands of files soon after
 * deleting thousands is several times slower, and the next build would pay for this one's folder.
 */
async function inTemp<T>(name: string, measure: (dir: string) => Promise<T>): Promise<T> {
  const work = mkdtempSync(join(tmpdir(), `loa-bench-${name}-`));
  temporary.push(work);
  return measure(work);
}

console.log(`Loa benchmark on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('');
const rows = new Map<number, string>();
const previews = new Map<string, PreviewFigures | undefined>();
// The largest first: a rebuild deletes the site it replaces, which would slow the next first build.
for (const n of [...runs].sort((a, b) => b - a)) {
  await inTemp(String(n), async (work) => {
    const { seconds, maxRss, indexSeconds, dist } = await buildCorpus(work, n);
    // A second build of the same content reuses the build cache (optimised images, share images).
    const again = await measuredBuild(dist, work);
    const search = await firstSearchBytes(dist, '/vi/guides/guide-1/', 'dang ky dien tu');
    previews.set(`${3 * 2 * n} pages`, await measurePreview(work, guideFile(work, 'vi', 'guide-1'), '/vi/guides/guide-1/'));
    rows.set(
      n,
      `| ${n} | ${3 * 2 * n} | ${seconds.toFixed(1)} s | ${again.seconds.toFixed(1)} s | ${(maxRss / 2 ** 20).toFixed(0)} MB | ${indexSeconds.toFixed(1)} s | ${(folderBytes(dist) / 2 ** 20).toFixed(1)} MB | ${kb(transferBytes(dist, 'vi/guides/guide-1/index.html'))} | ${search === undefined ? 'needs Chromium' : kb(search)} |`,
    );
  });
}
console.log(
  '| N per locale | pages | build (wall) | rebuild, nothing changed | peak memory | search index | dist/ size | one guide page (gzip) | first search from a guide page |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of runs) console.log(rows.get(n));

const without = await inTemp('no-posters', async (work) => (await buildCorpus(work, 20)).seconds);
const withPosters = await inTemp('posters', async (work) => (await buildCorpus(work, 20, 1000)).seconds);
console.log('');
console.log(
  `1,000 posters (SVG + PNG + print page + short link): ${(withPosters - without).toFixed(1)} s (build of a 120-page site: ${without.toFixed(1)} s without posters, ${withPosters.toFixed(1)} s with)`,
);

const check = await runMeasured(process.execPath, [join(root, 'scripts/check.ts')], process.env, root);
console.log(`npm run check on the demo: ${check.seconds.toFixed(2)} s`);

await inTemp('demo', async (work) => {
  // A copy of the demo's content, which the preview's measurement edits.
  cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
  cpSync(join(root, 'public'), join(work, 'public'), { recursive: true });
  const locale = /^defaultLocale:\s*(\S+)/m.exec(readFileSync(join(work, 'content/site.yaml'), 'utf8'))![1]!;
  const slug = readdirSync(join(work, 'content', locale, 'guides'))
    .find((f) => f.endsWith('.md'))!
    .replace(/\.md$/, '');
  previews.set('demo', await measurePreview(work, guideFile(work, locale, slug), `/${locale}/guides/${slug}/`));
  const dist = join(work, 'dist');
  const build = await measuredBuild(dist, work);
  if (build.status !== 0) throw new Error(`Building the demo failed:\n${build.output}`);
  const scores = await lighthouseScores(dist, [`/${locale}/`, `/${locale}/guides/${slug}/`]);
  console.log('');
  if (!scores) console.log('Lighthouse: needs Chromium at /usr/bin/chromium');
  else
    for (const [path, byCategory] of Object.entries(scores))
      console.log(
        `Lighthouse (mobile) ${path}: ${Object.entries(byCategory)
          .map(([c, v]) => `${c} ${v}`)
          .join(', ')}`,
      );
});

console.log('');
for (const [site, figures] of previews)
  console.log(
    figures
      ? `Live preview (npm run dev), ${site}: starts and shows a guide in ${figures.startSeconds.toFixed(1)} s; a saved edit shows in the open page in ${figures.editSeconds.toFixed(2)} s (median of 5)`
      : `Live preview, ${site}: needs Chromium`,
  );
