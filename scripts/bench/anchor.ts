import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cgroupsUnavailable, checked, runInCgroup, type TreeRun } from './cgroup.ts';
import { comparisonRow, median, megabytes, seconds } from './compare.ts';
import { changeOneSentence, EDITED_GUIDE, LOCALES, writeCorpus, type Locale } from './corpus.ts';
import { writeHugoSite } from './hugo-site.ts';
import { ensureHugo, hugoBuildCommand, hugoCaches, pagefindCli } from './hugo-tool.ts';
import { folderBytes, SEARCH_INDEX_LINE } from './measure.ts';

/** One tool as the comparison drives it: how its site is written, made cold, built, and where its output goes. */
interface Tool {
  name: string;
  write(dir: string): void;
  /** What a cold build must not find: the output and every cache the tool keeps. */
  caches(dir: string): string[];
  build(dir: string): Promise<TreeRun>;
  output(dir: string): string;
}

/** A tool's three builds of one site, one after the other: cold, again with nothing changed, and after one sentence changed. */
interface Builds {
  cold: TreeRun;
  again: TreeRun;
  edited: TreeRun;
  outputBytes: number;
  htmlFiles: number;
}

const countHtml = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

/**
 * Measures Loa against Hugo + Pagefind on the same synthetic content (`n` guides and `n`
 * messages in each of `locales`, the benchmark's 3 by default): `pairs` pairs of builds, Loa's then Hugo's, each pair on fresh
 * copies of both sites in folders from `temp`, alternating the two tools run by run (cold, nothing
 * changed, one sentence changed) so that both see the same load on a shared machine. Prints the
 * table of figures with the ratio of each pair and its median; says so and returns when Hugo cannot be had.
 */
export async function benchAgainstHugo(options: {
  n: number;
  pairs: number;
  root: string;
  screenshot: string;
  temp: (name: string) => string;
  locales?: readonly Locale[];
}): Promise<void> {
  const { n, pairs, root, screenshot, temp, locales = LOCALES } = options;
  const pages = locales.length * 2 * n;
  const hugo = ensureHugo();
  if ('missing' in hugo) {
    console.log(`Loa against Hugo + Pagefind: left out, ${hugo.missing}.`);
    return;
  }
  const noCgroups = cgroupsUnavailable();
  if (noCgroups)
    console.log(`Cgroups cannot be used here (${noCgroups}): CPU times count the processes each build waited for, and peak memory is not measured.`);
  const loa: Tool = {
    name: 'Loa',
    write: (dir) => writeCorpus(dir, n, screenshot, 0, locales),
    // The build cache lives in the site folder's node_modules/.astro/.
    caches: (dir) => [join(dir, 'dist'), join(dir, 'node_modules')],
    build: (dir) =>
      runInCgroup(process.execPath, [join(root, 'scripts/build.ts'), '--out', join(dir, 'dist')], { ...process.env, LOA_SITE_DIR: dir }, root).then((run) =>
        checked(run, 'Loa build'),
      ),
    output: (dir) => join(dir, 'dist'),
  };
  const hugoPagefind: Tool = {
    name: 'Hugo + Pagefind',
    write: (dir) => writeHugoSite(dir, n, screenshot, locales),
    caches: hugoCaches,
    build: (dir) => {
      const { command, args } = hugoBuildCommand(dir);
      return runInCgroup(command, args, process.env, dir).then((run) => checked(run, 'Hugo + Pagefind build'));
    },
    output: (dir) => join(dir, 'public'),
  };
  const tools = [loa, hugoPagefind];
  console.log(
    `Loa against Hugo + Pagefind: ${hugo.version}, Pagefind ${pagefindCli().version}; ${pairs} pairs of builds of ${pages} pages (${locales.length} locales), load average ${loadavg()[0]!.toFixed(1)}`,
  );

  const results: Builds[][] = [[], []];
  for (let pair = 1; pair <= pairs; pair++) {
    const dirs = tools.map((tool) => {
      const dir = temp(`anchor-${tool.name.replace(/\W+/g, '-').toLowerCase()}`);
      tool.write(dir);
      for (const cache of tool.caches(dir)) rmSync(cache, { recursive: true, force: true });
      return dir;
    });
    const runs: Partial<Builds>[] = [{}, {}];
    const step = async (key: 'cold' | 'again' | 'edited') => {
      for (const [i, tool] of tools.entries()) {
        const run = await tool.build(dirs[i]!);
        runs[i]![key] = run;
        console.log(`  pair ${pair}, ${tool.name}, ${key}: ${seconds(run.seconds)} wall, ${seconds(run.cpuSeconds)} CPU`);
      }
    };
    await step('cold');
    tools.forEach((tool, i) => {
      runs[i]!.outputBytes = folderBytes(tool.output(dirs[i]!));
      runs[i]!.htmlFiles = countHtml(tool.output(dirs[i]!));
    });
    await step('again');
    for (const dir of dirs) writeFileSync(join(dir, EDITED_GUIDE), changeOneSentence(readFileSync(join(dir, EDITED_GUIDE), 'utf8')));
    await step('edited');
    const edited = changeOneSentence('---\n---\n\nx').slice('---\n---\n\n'.length);
    tools.forEach((tool, i) => {
      const page = readFileSync(join(tool.output(dirs[i]!), 'vi', 'guides', 'guide-0', 'index.html'), 'utf8');
      if (!page.includes(edited)) throw new Error(`${tool.name}'s rebuild did not show the edited sentence`);
      results[i]!.push(runs[i] as Builds);
    });
  }

  const [a, b] = results as [Builds[], Builds[]];
  const row = (label: string, pick: (builds: Builds) => number, format: (value: number) => string) =>
    console.log(comparisonRow(label, a.map(pick), b.map(pick), format));
  const peak = (builds: Builds, key: 'peakBytes' | 'peakAnonBytes') => Math.max(builds.cold[key] ?? NaN, builds.again[key] ?? NaN, builds.edited[key] ?? NaN);
  console.log('');
  console.log(`| ${pages.toLocaleString('en')} pages | Loa | Hugo + Pagefind | Loa / Hugo + Pagefind, per pair | median ratio |`);
  console.log('|---|---:|---:|---:|---:|');
  row('cold build, wall', (r) => r.cold.seconds, seconds);
  row('cold build, CPU (whole process tree)', (r) => r.cold.cpuSeconds, seconds);
  row('rebuild, nothing changed, wall', (r) => r.again.seconds, seconds);
  row('rebuild, nothing changed, CPU', (r) => r.again.cpuSeconds, seconds);
  row('rebuild after one sentence changed, wall', (r) => r.edited.seconds, seconds);
  row('rebuild after one sentence changed, CPU', (r) => r.edited.cpuSeconds, seconds);
  if (!noCgroups) {
    row('peak memory, whole process tree (heaps: anonymous memory)', (r) => peak(r, 'peakAnonBytes'), megabytes);
    row('peak memory, whole process tree (cgroup, with page cache)', (r) => peak(r, 'peakBytes'), megabytes);
  }
  row('output folder size', (r) => r.outputBytes, megabytes);
  row('HTML files written', (r) => r.htmlFiles, String);
  const found = (runs: Builds[], pattern: RegExp, scale = 1) => median(runs.map((r) => Number(pattern.exec(r.cold.output)?.[1] ?? NaN) * scale));
  console.log('');
  console.log(
    `Of the cold builds' wall time (medians): Loa's search index ${seconds(found(a, SEARCH_INDEX_LINE))} (after its pages, share images drawn alongside); ` +
      `Hugo ${seconds(found(b, /Hugo: (\d+) ms/, 1e-3))}, then Pagefind ${seconds(found(b, /Pagefind: (\d+) ms/, 1e-3))}. Load average at the end: ${loadavg()[0]!.toFixed(1)}.`,
  );
}
