/**
 * Joins the outputs of a site's shards into one site, as one build of every locale makes it. A
 * large campaign's locales can be built apart, each shard on a machine of its own (see
 * src/lib/shard.ts and the README's "Building in shards"):
 *
 *   npm run build -- --locales vi,en,zh --out shards/1
 *   npm run build -- --locales km,lo,th --out shards/2
 *   npm run merge-shards -- shards/1 shards/2                 into dist/ of the site folder
 *   npm run merge-shards -- shards/1 shards/2 --out some/dir  another output folder
 *
 * Run with the same site folder (LOA_SITE_DIR), SITE_URL and BASE_PATH as the shards. Files that
 * several shards have must be the same in each (see mergeShards); when anything is wrong it lists
 * every problem and leaves the output folder as it was.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandOutDir, commandSiteDir, loadSettingsOrExit, PROJECT_ROOT } from '../src/build/cli.ts';
import { swapIntoPlace } from '../src/build/finish-dist.ts';
import { mergeShards } from '../src/build/merge-shards.ts';
import { lockOutput } from '../src/build/output-lock.ts';
import { removeStaleLeftovers } from '../src/build/stale-folders.ts';

const args = process.argv.slice(2);
const siteDir = commandSiteDir();
const outDir = commandOutDir(args, siteDir);
const shards = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--out').map((shard) => resolve(shard));
const { settings } = loadSettingsOrExit(siteDir);

await lockOutput(outDir);
removeStaleLeftovers(outDir, PROJECT_ROOT);
const tmpDir = `${outDir}.tmp-${process.pid}`;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    rmSync(tmpDir, { recursive: true, force: true });
    console.error(`The merge was stopped (${signal}); ${outDir} was left as it was.`);
    process.exit(1);
  });

const started = performance.now();
const problems = mergeShards(shards, tmpDir, settings);
if (problems.length) {
  rmSync(tmpDir, { recursive: true, force: true });
  console.error(`The shards could not be joined:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n${outDir} was left as it was.`);
  process.exit(1);
}
swapIntoPlace(tmpDir, outDir);
console.log(`Joined ${shards.length} shards into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
