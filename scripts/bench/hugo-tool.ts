import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Hugo's version line, or undefined when there is no `hugo` on the PATH. */
function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * Hugo's version line, installing Debian's package first when `hugo` is missing (the
 * benchmark runs as root on Debian; nothing is downloaded from elsewhere), or the reason it
 * cannot be had: the comparison is then left out rather than the whole benchmark failing.
 */
export function ensureHugo(): { version: string } | { missing: string } {
  const found = hugoVersion();
  if (found) return { version: found };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit', env });
  // A machine whose package lists were never fetched knows no hugo package yet.
  if (install.status !== 0 && spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0)
    install = spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit', env });
  const installed = hugoVersion();
  return installed ? { version: installed } : { missing: `hugo is not installed and \`apt-get install -y hugo\` failed (status ${install.status})` };
}

/** The Pagefind CLI of the `pagefind` package Loa depends on: its npm wrapper, which runs the same binary Loa's build uses. */
export function pagefindCli(): { script: string; version: string } {
  // The package exports only its Node API (lib/index.js), not its package.json.
  const packageDir = fileURLToPath(new URL('..', import.meta.resolve('pagefind')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { script: join(packageDir, 'lib', 'runner', 'bin.cjs'), version };
}

/**
 * The command that builds the Hugo site in `siteDir` into `public/` and indexes it with the
 * Pagefind CLI, as one process tree to measure: what a team using Hugo + Pagefind runs to publish.
 * Hugo's file cache is kept in the site folder, so that a cold build can remove it.
 */
export function hugoBuildCommand(siteDir: string): { command: string; args: string[] } {
  return {
    command: '/bin/sh',
    args: [
      '-c',
      // Prints the wall time of each of the two steps, so that the benchmark can say where the time goes.
      [
        'started=$(date +%s%N)',
        'hugo --source "$1" --cacheDir "$1/hugo_cache" --quiet || exit 1',
        'built=$(date +%s%N)',
        '"$2" "$3" --site "$1/public" --silent || exit 1',
        'echo "Hugo: $(( (built - started) / 1000000 )) ms; Pagefind: $(( ($(date +%s%N) - built) / 1000000 )) ms"',
      ].join('\n'),
      'sh',
      siteDir,
      process.execPath,
      pagefindCli().script,
    ],
  };
}

/** What a cold Hugo build must not find: the output (Pagefind's index in it), Hugo's processed images (resources/) and its file cache. */
export const hugoCaches = (siteDir: string) => ['public', 'resources', 'hugo_cache'].map((dir) => join(siteDir, dir));
