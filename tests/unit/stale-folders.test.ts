import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleLeftovers } from '../../src/build/stale-folders.ts';

const scratch = mkdtempSync(join(tmpdir(), 'loa-stale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const REMOVER = join(import.meta.dirname, '../../src/build/remove-folder.ts');

/** A folder beside `out` as a build leaves it, with a file in it. */
function leftover(out: string, suffix: string): string {
  const folder = `${out}${suffix}`;
  mkdirSync(join(folder, 'vi'), { recursive: true });
  writeFileSync(join(folder, 'vi', 'index.html'), '<!doctype html>');
  return folder;
}

describe('the site a build replaced', () => {
  it('is deleted by a process of its own, which first takes the folder under its id', () => {
    const out = join(scratch, 'replaced', 'dist');
    const old = leftover(out, '.old-123');
    const run = spawnSync(process.execPath, [REMOVER, old], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(scratch, 'replaced'))).toEqual([]);
  });

  it('is left to that process by a build starting meanwhile; what ended processes left is removed', async () => {
    const out = join(scratch, 'starting', 'dist');
    // A process whose command line ends in remove-folder.ts, as the remover's does, still at work.
    const script = join(scratch, 'remove-folder.ts');
    writeFileSync(script, 'setTimeout(() => {}, 30_000);\n');
    const remover = spawn(process.execPath, [script]);
    try {
      await new Promise((started) => remover.once('spawn', started));
      const ended = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
      const owned = leftover(out, `.old-${remover.pid}`);
      const stale = [leftover(out, `.old-${ended}`), leftover(out, `.tmp-${ended}`)];
      expect(removeStaleLeftovers(out, scratch).sort()).toEqual(stale.sort());
      expect(existsSync(owned)).toBe(true);
      for (const folder of stale) expect(existsSync(folder)).toBe(false);
    } finally {
      remover.kill();
    }
  });
});
