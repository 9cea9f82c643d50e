/**
 * Measures Loa: builds a synthetic corpus of N guides + N messages in 3 locales (N = 100 and
 * 1,000 by default, or the numbers given) and prints wall time, peak memory, dist/ size and
 * the bytes a phone downloads for one guide page (HTML and CSS, gzip, images aside).
 *
 * It also times 1,000 posters (SVG, PNG and print page each): the same small site built with
 * and without them.
 *
 *   npm run bench            N = 100 and 1000
 *   npm run bench -- 300     N = 300 only
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeCorpus } from './bench/corpus.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = sizes.length ? sizes : [100, 1000];
const memoryProbe = 'data:text/javascript,process.on("exit",()=>process.stderr.write("LOA_MAXRSS_KB="+process.resourceUsage().maxRSS+"\\n"))';

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
  let total = gzipSync(html).length;
  for (const match of html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)) total += gzipSync(readFileSync(join(dist, match[1]!))).length;
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds a synthetic site; returns wall seconds, peak memory in bytes and the output folder. */
function buildCorpus(work: string, n: number, posters = 0) {
  writeCorpus(work, n, join(root, 'content/images/android-play-store.png'), posters);
  const dist = join(work, 'dist');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', memoryProbe, join(root, 'scripts/build.ts'), '--out', dist], {
    cwd: root,
    env: { ...process.env, LOA_SITE_DIR: work },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`Build of N=${n} failed:\n${result.stdout}${result.stderr}`);
  return { seconds, maxRss: Number(/LOA_MAXRSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0) * 1024, dist };
}

/** Runs `measure` in a fresh temporary folder and removes it afterwards. */
function inTemp<T>(name: string, measure: (dir: string) => T): T {
  const work = mkdtempSync(join(tmpdir(), `loa-bench-${name}-`));
  try {
    return measure(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(`Loa benchmark on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('');
console.log('| N per locale | pages | build (wall) | peak memory | dist/ size | one guide page (gzip) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of runs) {
  inTemp(String(n), (work) => {
    const { seconds, maxRss, dist } = buildCorpus(work, n);
    console.log(`| ${n} | ${3 * 2 * n} | ${seconds.toFixed(1)} s | ${(maxRss / 2 ** 20).toFixed(0)} MB | ${(folderBytes(dist) / 2 ** 20).toFixed(1)} MB | ${kb(transferBytes(dist, 'vi/guides/guide-1/index.html'))} |`);
  });
}

const without = inTemp('no-posters', (work) => buildCorpus(work, 20).seconds);
const withPosters = inTemp('posters', (work) => buildCorpus(work, 20, 1000).seconds);
console.log('');
console.log(`1,000 posters (SVG + PNG + print page + short link): ${(withPosters - without).toFixed(1)} s (build of a 120-page site: ${without.toFixed(1)} s without posters, ${withPosters.toFixed(1)} s with)`);
