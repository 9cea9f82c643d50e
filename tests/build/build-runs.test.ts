import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fontsFolder } from '../../src/fonts/fontconfig.ts';
import { buildCacheDir } from '../../src/lib/engine-version.ts';
import { ROOT, SITES, buildEnvironment, builtSite, runBuild } from '../helpers/sites.ts';

const { siteDir } = SITES.minimal;
const scratch = mkdtempSync(join(tmpdir(), 'loa-build-runs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the real build command; resolves with its exit status and output when it ends. */
function startBuild(out: string, site = siteDir) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out], { cwd: ROOT, env: buildEnvironment(site) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, output })),
  );
  return { child, done };
}

/** Every file of a folder with a hash of its bytes, to tell whether a site changed. */
function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(files.sort().map((file) => [file.slice(dir.length + 1), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

/** Waits until a condition holds, checking every 20 ms (a build is never timed, only waited for). */
async function until(condition: () => boolean, what: string, tries = 3000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((wake) => setTimeout(wake, 20));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

/** What builds leave beside an output folder, by name, and the engine's pages folders of these builds. */
function leftovers(out: string, pids: readonly number[] = []): string[] {
  const name = out.split('/').pop()!;
  const beside = readdirSync(join(out, '..')).filter((f) => f.startsWith(`${name}.`));
  const pages = pids.map((pid) => join(ROOT, 'node_modules/.astro', `pages-${pid}`)).filter((dir) => existsSync(dir));
  return [...beside, ...pages];
}

/** Whether a process runs whose command line names this argument (the pages process is given its folder). */
function processWithArgument(argument: string): boolean {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .some((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').includes(argument);
      } catch {
        return false;
      }
    });
}

describe('two builds into one output folder at once', () => {
  it('both succeed, one after the other, and leave one complete site', async () => {
    const out = join(inject('runOutput'), 'two-at-once');
    const builds = [startBuild(out), startBuild(out)];
    const results = await Promise.all(builds.map((b) => b.done));
    for (const result of results) expect(result.status, result.output).toBe(0);
    // One of them found the other at work and said it waits.
    expect(results.map((r) => r.output).join('\n')).toMatch(/Another build \(process \d+\) is writing .*two-at-once; waiting for it to finish/);
    expect(Object.keys(fingerprint(out))).toEqual(Object.keys(fingerprint(builtSite('minimal'))));
    const pids = builds.map((b) => b.child.pid!);
    await until(() => leftovers(out, pids).length === 0, `no folder or lock left beside ${out}: ${leftovers(out, pids).join(', ')}`);
  });
});

describe('a build killed mid-way', () => {
  // Inside the engine's folder Astro writes to <out>.tmp-<pid> from the start; elsewhere to
  // node_modules/.astro/pages-<pid>, moved to <out>.tmp-<pid> when the pages are done.
  it.each([
    ['inside the engine folder', () => join(inject('runOutput'), 'killed'), (out: string, pid: number) => `${out}.tmp-${pid}`],
    ['on another path', () => join(scratch, 'killed'), (_out: string, pid: number) => join(ROOT, 'node_modules/.astro', `pages-${pid}`)],
  ])('%s leaves the previous site as it was, and the next build removes what it left', async (_where, outOf, workFolder) => {
    const out = outOf();
    expect(runBuild(siteDir, out).status).toBe(0);
    await until(() => leftovers(out).length === 0, 'the first build to finish removing the site it replaced');
    const before = fingerprint(out);

    const killed = startBuild(out);
    const pid = killed.child.pid!;
    const folder = workFolder(out, pid);
    await until(() => existsSync(folder), `the build to create ${folder}`);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    // Its pages process stops when it finds itself alone; the folder and the lock stay behind.
    await until(() => !processWithArgument(folder), 'the pages process of the killed build to stop');
    expect(existsSync(folder), 'killed before it finished').toBe(true);
    expect(leftovers(out)).toContain(`${out.split('/').pop()}.lock`);
    expect(fingerprint(out)).toEqual(before);

    const next = runBuild(siteDir, out);
    expect(next.status, next.output).toBe(0);
    // (A pages-<pid> folder may be removed by any build of the engine, another test run's included.)
    if (folder.startsWith(out)) expect(next.output).toMatch(new RegExp(`Removed what stopped builds left behind: .*${folder}`));
    expect(existsSync(folder)).toBe(false);
    await until(() => leftovers(out, [pid]).length === 0, `no folder or lock left: ${leftovers(out, [pid]).join(', ')}`);
    expect(fingerprint(out)).toEqual(before);
  });
});

describe('the temporary font folder', () => {
  it('is removed when a build that drew share images ends', async () => {
    // A copy of the site has a build cache of its own, so its share images are drawn anew.
    const site = join(scratch, 'fresh-site');
    cpSync(join(siteDir, 'content'), join(site, 'content'), { recursive: true });
    const build = startBuild(join(site, 'dist'), site);
    const result = await build.done;
    expect(result.status, result.output).toBe(0);
    const drawn = readdirSync(join(site, 'node_modules/.astro'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png'));
    expect(drawn.length, 'share images were drawn').toBeGreaterThan(0);
    expect(existsSync(fontsFolder(build.child.pid))).toBe(false);
  });
});

describe('the build caches of other engine versions', () => {
  it('are removed once a build succeeds; the current one and anything else in node_modules/.astro stay', async () => {
    const site = join(scratch, 'upgraded-site');
    cpSync(join(siteDir, 'content'), join(site, 'content'), { recursive: true });
    const caches = join(site, 'node_modules/.astro');
    mkdirSync(join(caches, '0123456789ab/share-images'), { recursive: true });
    writeFileSync(join(caches, '0123456789ab/share-images/old.png'), 'an older engine’s share image');
    mkdirSync(join(caches, 'notes'));
    const result = await startBuild(join(site, 'dist'), site).done;
    expect(result.status, result.output).toBe(0);
    expect(readdirSync(caches).sort()).toEqual([buildCacheDir(site).split('/').pop(), 'notes'].sort());
  });
});
