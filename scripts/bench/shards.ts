import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { checked, runInCgroup, type TreeRun } from './cgroup.ts';
import { megabytes, seconds } from './compare.ts';
import { changeOneSentence, EDITED_GUIDE, writeCorpus, type Locale } from './corpus.ts';
import { folderBytes } from './measure.ts';

/** The locales split into `count` groups of (nearly) equal size, in their order: what each shard builds. */
export function shardGroups<T>(locales: readonly T[], count: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.ceil((locales.length - start) / (count - i));
    groups.push(locales.slice(start, end));
    start = end;
  }
  return groups.filter((group) => group.length);
}

/**
 * Measures a site built in shards of its locales, as a CI runs them, one machine each (see the
 * README's "Building in shards"): each shard builds a fresh copy of the site (its own build cache,
 * as on a machine of its own) cold, again with nothing changed and after one sentence changed,
 * one shard after the other, each in a cgroup; then the shards' outputs are merged. Prints each
 * shard's figures, the merge, and the wall time of a CI that runs the shards at once: the slowest
 * shard, then the merge.
 */
export async function benchShards(options: {
  n: number;
  shards: number;
  root: string;
  screenshot: string;
  temp: (name: string) => string;
  locales: readonly Locale[];
}) {
  const { n, root, screenshot, temp, locales } = options;
  const groups = shardGroups(locales, options.shards);
  console.log(
    `Loa in ${groups.length} shards of ${locales.length} locales × ${n} guides and ${n} messages (${(locales.length * 2 * n).toLocaleString('en')} pages), load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const build = (dir: string, group: readonly string[]) =>
    runInCgroup(
      process.execPath,
      [join(root, 'scripts/build.ts'), '--locales', group.join(','), '--out', join(dir, 'dist')],
      { ...process.env, LOA_SITE_DIR: dir },
      root,
    ).then((run) => checked(run, `The shard ${group.join(',')}`));
  const rows: { group: readonly string[]; dir: string; cold: TreeRun; again: TreeRun; edited: TreeRun }[] = [];
  for (const group of groups) {
    const dir = temp(`shard-${group.join('-')}`);
    writeCorpus(dir, n, screenshot, 0, locales);
    const cold = await build(dir, group);
    const again = await build(dir, group);
    writeFileSync(join(dir, EDITED_GUIDE), changeOneSentence(readFileSync(join(dir, EDITED_GUIDE), 'utf8')));
    const edited = await build(dir, group);
    rows.push({ group, dir, cold, again, edited });
    console.log(`  shard ${group.join(',')}: cold ${seconds(cold.seconds)}, again ${seconds(again.seconds)}, after one edit ${seconds(edited.seconds)}`);
  }
  const merged = join(temp('shards-merged'), 'dist');
  const merge = checked(
    await runInCgroup(
      process.execPath,
      [join(root, 'scripts/merge-shards.ts'), ...rows.map((row) => join(row.dir, 'dist')), '--out', merged],
      { ...process.env, LOA_SITE_DIR: rows[0]!.dir },
      root,
    ),
    'Merging the shards',
  );
  const heaps = (run: TreeRun) => (run.peakAnonBytes === undefined ? 'not measured' : megabytes(run.peakAnonBytes));
  const pages = (run: TreeRun) => Number(/Guide and message pages: (\d+) rendered/.exec(run.output)?.[1] ?? NaN);
  console.log('');
  console.log(
    '| shard (locales) | guide and message pages | cold build, wall | cold build, CPU | peak memory (heaps) | rebuild, nothing changed | rebuild after one sentence changed |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const { group, cold, again, edited } of rows)
    console.log(
      `| ${group.join(', ')} | ${pages(cold)} | ${seconds(cold.seconds)} | ${seconds(cold.cpuSeconds)} | ${heaps(cold)} | ${seconds(again.seconds)} | ${seconds(edited.seconds)} |`,
    );
  const slowest = (pick: (row: (typeof rows)[number]) => TreeRun) => Math.max(...rows.map((row) => pick(row).seconds));
  console.log('');
  console.log(
    `Merge: ${seconds(merge.seconds)} wall, ${seconds(merge.cpuSeconds)} CPU, peak ${heaps(merge)}; merged output folder ${megabytes(folderBytes(merged))}. ` +
      `With one machine per shard, a CI's wall time is the slowest shard and the merge: cold ${seconds(slowest((r) => r.cold) + merge.seconds)}, ` +
      `nothing changed ${seconds(slowest((r) => r.again) + merge.seconds)}, one edit ${seconds(slowest((r) => r.edited) + merge.seconds)}. Load average at the end: ${loadavg()[0]!.toFixed(1)}.`,
  );
}
