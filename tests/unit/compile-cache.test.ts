import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'loa-compile-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A process that turns the cache on as a build does, and says where Node keeps it. */
const turnOn = (dir: string) =>
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { getCompileCacheDir } from 'node:module'; const { useCompileCache } = await import(${JSON.stringify(join(import.meta.dirname, '../../src/build/compile-cache.ts'))}); useCompileCache(); console.log(JSON.stringify([process.env.NODE_COMPILE_CACHE, getCompileCacheDir()]));`,
    ],
    { env: { ...process.env, NODE_COMPILE_CACHE: dir }, encoding: 'utf8' },
  );

/** A cache folder as Node lays it out (one folder per Node version), holding `count` files. */
function cacheOf(name: string, count: number): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'v24-x64'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'v24-x64', i.toString(16)), '');
  return dir;
}

describe('useCompileCache', () => {
  it('turns Node’s compile cache on in the folder named, for the processes the build starts too', () => {
    const dir = cacheOf('small', 10);
    const [variable, used] = JSON.parse(turnOn(dir)) as [string, string];
    expect(variable).toBe(dir);
    expect(used.startsWith(dir)).toBe(true);
    expect(readdirSync(join(dir, 'v24-x64'))).toHaveLength(10);
  });

  it('empties a cache that holds more than 20,000 files: each build adds its pages bundle', () => {
    const dir = cacheOf('full', 20_001);
    turnOn(dir);
    expect(existsSync(join(dir, 'v24-x64'))).toBe(false);
  });
});
