import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';

/**
 * Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their
 * proportional set sizes, so that pages they share (Node's own code, libraries) count once.
 */
function treeMemory(pid: number): number {
  let total = 0;
  try {
    total = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeMemory(Number(child));
    }
  } catch {
    // The process ended between two readings.
  }
  return total;
}

/** Runs a command; returns its wall time, the peak memory of its whole process tree, and its output. */
export function runMeasured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ seconds: number; peakBytes: number; output: string; status: number | null }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { env, cwd });
    let output = '';
    let peakBytes = 0;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setInterval(() => (peakBytes = Math.max(peakBytes, treeMemory(child.pid!))), 250);
    child.on('close', (status) => {
      clearInterval(timer);
      done({ seconds: (performance.now() - started) / 1000, peakBytes, output, status });
    });
  });
}

/** Bytes of a folder's files, all of them: what a site costs to store and upload. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** Bytes a file costs to download: gzipped when a host would compress it, as stored otherwise. */
export function transferSize(file: string): number {
  const bytes = readFileSync(file);
  return COMPRESSIBLE.has(extname(file)) ? gzipSync(bytes).length : bytes.length;
}

/**
 * Bytes a phone downloads for its first search from a guide page, after the page itself: opens
 * the page in Chromium, types a query into the header's search field and adds up what was fetched.
 */
export async function firstSearchBytes(dist: string, pagePath: string, query: string): Promise<number | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const server = await serve(dist, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.origin + pagePath, { waitUntil: 'networkidle' });
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.locator('input[type=search]').first().focus();
    await page.locator('input[type=search]').first().fill(query);
    await page.locator('.search-panel .search-results li').first().waitFor();
    await page.waitForLoadState('networkidle');
    return fetched.reduce((sum, path) => sum + transferSize(join(dist, decodeURIComponent(path))), 0);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What `npm run build` prints of its search index; the seconds it took are the first group. */
export const SEARCH_INDEX_LINE = /Search index: \d+ pages .*in ([\d.]+) s/;
