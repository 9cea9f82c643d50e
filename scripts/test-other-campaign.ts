/**
 * Shows that any campaign can replace the demo: copies the checkout to a temporary folder, puts
 * the campaign in tests/fixtures/other-campaign (two locales, other slugs, no posters, no
 * broadcast messages) in place of content/ and public/, and runs the whole `npm test` there.
 * The engine's tests build fixture sites of their own, and the demo's smoke test reads its
 * expectations from content/, so the suite must pass on either campaign.
 *
 *   npm run test:other-campaign     (run by .ci/run after npm test)
 *
 * node_modules is not copied: the copy gets one link per installed package, but a build cache
 * (node_modules/.astro) of its own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../src/lib/site-dir.ts';

const CAMPAIGN = join(PROJECT_ROOT, 'tests/fixtures/other-campaign');
const copy = mkdtempSync(join(tmpdir(), 'loa-other-campaign-'));

// The checkout's own files, tracked or not yet, without what git ignores (node_modules, dist, …).
const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
if (listed.status !== 0) {
  console.error(`git ls-files failed: ${listed.stderr}`);
  process.exit(1);
}
for (const file of listed.stdout.split('\0')) {
  // content/ and public/ are replaced; node_modules is linked below (git lists it when it is itself a link).
  if (!file || /^(content|public)\//.test(file) || file === 'node_modules' || !existsSync(join(PROJECT_ROOT, file))) continue;
  mkdirSync(dirname(join(copy, file)), { recursive: true });
  cpSync(join(PROJECT_ROOT, file), join(copy, file), { verbatimSymlinks: true });
}
cpSync(join(CAMPAIGN, 'content'), join(copy, 'content'), { recursive: true });
cpSync(join(CAMPAIGN, 'public'), join(copy, 'public'), { recursive: true });

mkdirSync(join(copy, 'node_modules'));
for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
  if (entry !== '.astro') symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(copy, 'node_modules', entry));
}

console.log(`npm test with tests/fixtures/other-campaign as content/ and public/, in ${copy}`);
const result = spawnSync('npm', ['test'], { cwd: copy, stdio: 'inherit' });
if (result.status === 0) rmSync(copy, { recursive: true, force: true });
else console.error(`npm test failed on the other campaign; the copy is kept in ${copy}`);
process.exit(result.status ?? 1);
