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
 *   npm run bench -- --scans only `npm run scans` on a generated 1 GB access log (also run last by the others)
 *
 * First it measures Loa against the fastest tool a campaign team could pick instead, Hugo with
 * Pagefind, on the same content at N = 1,000 (6,000 pages): builds alternated Loa, Hugo, Loa,
 * Hugo…, each figure with the ratio of each pair and its median (scripts/bench/anchor.ts).
 *
 *   npm run bench -- --pairs 5          five pairs instead of three (--pairs 0 leaves the comparison out)
 *   npm run bench -- --anchor-size 300  the comparison at N = 300
 *   npm run bench -- --anchor-only      only the comparison
 *   npm run bench -- --national         only the comparison, for a national campaign: 10 locales × 1,575 guides and 1,575 messages (31,500 pages)
 *   npm run bench -- --shards 2         then the same site built in 2 shards of its locales and merged (scripts/bench/shards.ts)
 *   npm run bench -- --national --pairs 0 --shards 2    a national campaign in shards only
 */
import { cpSync, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/build/cli.ts';
import { LOCALES, NATIONAL_LOCALES, writeCorpus } from './bench/corpus.ts';
import { firstSearchBytes, folderBytes, runMeasured, SEARCH_INDEX_LINE, transferSize } from './bench/measure.ts';
import { benchAgainstHugo } from './bench/anchor.ts';
import { benchShards } from './bench/shards.ts';
import { lighthouseScores } from './bench/lighthouse.ts';
import { guideFile, measurePreview, type PreviewFigures } from './bench/preview.ts';
import { loadPosterFiles } from '../src/posters/load-posters.ts';

const root = PROJECT_ROOT;
const args = process.argv.slice(2);
/** The number after a flag (`--pairs 5`), or `fallback` without the flag. */
function flagNumber(flag: string, fallback: number): number {
  const at = args.indexOf(flag);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number, as in ${flag} 3`);
  return value;
}
const pairs = flagNumber('--pairs', 3);
const national = args.includes('--national');
const anchorSize = flagNumber('--anchor-size', national ? 1575 : 1000);
const shards = flagNumber('--shards', 0);
const sizes = args.filter((arg, i) => !['--pairs', '--anchor-size', '--shards'].includes(args[i - 1] ?? '') && Number(arg) > 0).map(Number);
const runs = sizes.length ? sizes : [100, 1000];

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
  const indexSeconds = Number(SEARCH_INDEX_LINE.exec(run.output)?.[1] ?? NaN);
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
if (process.argv.includes('--scans')) {
  await benchScans();
  process.exit(0);
}
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `loa-bench-${name}-`));
  temporary.push(dir);
  return dir;
};
const screenshot = join(root, 'content/images/android-play-store.png');
const locales = national ? NATIONAL_LOCALES : LOCALES;
if (pairs > 0) {
  await benchAgainstHugo({ n: anchorSize, pairs, root, screenshot, locales, temp });
  console.log('');
}
if (shards > 0) {
  await benchShards({ n: anchorSize, shards, root, screenshot, locales, temp });
  console.log('');
}
if (args.includes('--anchor-only') || national) process.exit(0);
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

await benchScans();

// npm run scans on a large access log: wall time and peak resident memory.

/**
 * Writes a combined-format access log of `lines` lines over 60 days from 40,000 visitors: one line
 * in twelve a short link of one of `codes` (half of those in capitals, as codes encode them), the
 * rest the site's pages and files, as a campaign site's log is. Returns its size in bytes.
 */
async function writeAccessLog(file: string, lines: number, codes: readonly string[]): Promise<number> {
  // Phones, an in-app browser, a crawler and a link preview (the last two are not counted). Constants of the function:
  // the benchmark may run this section before the module's later lines have run.
  const agents = [
    'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36 Zalo android/12110',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  ];
  const pages = ['/vi/guides/install-android/', '/vi/', '/_astro/site.css', '/images/android-play-store.webp', '/vi/messages/flood-warning/', '/favicon.svg'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const out = createWriteStream(file);
  let bytes = 0;
  const start = Date.UTC(2026, 8, 1);
  for (let i = 0; i < lines;) {
    const chunk: string[] = [];
    for (let j = 0; j < 10_000 && i < lines; j++, i++) {
      const t = new Date(start + Math.floor((i / lines) * 60 * 86_400_000));
      const two = (n: number) => String(n).padStart(2, '0');
      const stamp = `${two(t.getUTCDate())}/${months[t.getUTCMonth()]}/${t.getUTCFullYear()}:${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:00 +0700`;
      const visitor = (i * 7919) % 40_000;
      const code = codes[visitor % codes.length]!;
      const scan = i % 12 === 0;
      const path = scan ? (i % 24 === 0 ? `/P/${code.toUpperCase()}/` : `/p/${code}/`) : pages[i % pages.length]!;
      chunk.push(
        `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255} - - [${stamp}] "GET ${path} HTTP/1.1" ${scan ? 301 : 200} ${scan ? 0 : 5120 + (i % 900)} "https://loa.example.org/vi/" "${agents[visitor % agents.length]}"\n`,
      );
    }
    const text = chunk.join('');
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise<void>((done) => out.end(done));
  return bytes;
}

/**
 * Runs a command; returns its wall time, its CPU time (user and system, read from /proc while it
 * runs: on a shared machine the wall time also counts the waits for a core) and its peak resident
 * memory (the kernel's high-water mark, VmHWM).
 */
function runWithPeakRss(args: string[]): Promise<{ seconds: number; cpuSeconds: number; peakBytes: number; status: number | null; output: string }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: process.env });
    let output = '';
    let peakBytes = 0;
    let cpuSeconds = 0;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const sample = () => {
      try {
        peakBytes = Math.max(peakBytes, Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
        // utime and stime, the 14th and 15th fields, in clock ticks of 1/100 s (after the name in parentheses).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
          .replace(/^.*\) /, '')
          .split(' ');
        cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // The process has ended.
      }
    };
    const timer = setInterval(sample, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      done({ seconds: (performance.now() - started) / 1000, cpuSeconds, peakBytes, status, output });
    });
  });
}

/** Times `npm run scans` on a generated 1 GB access log (about 5 million lines) of the demo's posters, then deletes the log. */
async function benchScans(): Promise<void> {
  await inTemp('scans', async (work) => {
    const file = join(work, 'access.log');
    const codes = loadPosterFiles(root).posters.map((p) => p.code);
    const bytes = await writeAccessLog(file, 4_800_000, codes.length ? codes : ['7hk']);
    const run = await runWithPeakRss([join(root, 'scripts/scans.ts'), file]);
    rmSync(file, { force: true });
    if (run.status !== 0) throw new Error(`npm run scans failed:\n${run.output}`);
    console.log('');
    console.log(
      `npm run scans on a ${(bytes / 2 ** 30).toFixed(2)} GiB access log (4.8 million lines, 400,000 short-link requests): ${run.seconds.toFixed(1)} s (${run.cpuSeconds.toFixed(1)} s of CPU), peak RSS ${(run.peakBytes / 2 ** 20).toFixed(0)} MB`,
    );
  });
}
