import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFileOf, lockOutput } from '../../src/build/output-lock.ts';
import { isRunningBuild } from '../../src/build/processes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'loa-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the lock of an output folder', () => {
  it('is taken over from a build that no longer runs, or whose id another program now has', async () => {
    const ended = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    const other = spawn('sleep', ['30']);
    try {
      for (const [name, pid] of [
        ['ended', ended],
        ['reused', other.pid!],
        ['mine', process.pid],
      ] as const) {
        const out = join(scratch, name);
        writeFileSync(lockFileOf(out), `${pid}\n`);
        expect(isRunningBuild(pid)).toBe(false);
        const said: string[] = [];
        await lockOutput(out, { say: (line) => said.push(line) });
        expect(readFileSync(lockFileOf(out), 'utf8')).toBe(`${process.pid}\n`);
        expect(said).toEqual([]);
      }
    } finally {
      other.kill();
    }
  });

  it('is waited for while a running build holds it, and taken once that build is gone', async () => {
    const out = join(scratch, 'held');
    // A process whose command line ends in build.ts, as scripts/build.ts's does.
    const script = join(scratch, 'build.ts');
    writeFileSync(script, 'setTimeout(() => {}, 30_000);\n');
    const build = spawn(process.execPath, [script]);
    await new Promise((started) => build.on('spawn', started));
    writeFileSync(lockFileOf(out), `${build.pid}\n`);
    expect(isRunningBuild(build.pid!)).toBe(true);
    const said: string[] = [];
    let taken = false;
    const waiting = lockOutput(out, { pollMs: 20, say: (line) => said.push(line) }).then(() => (taken = true));
    await expect.poll(() => said).toEqual([`Another build (process ${build.pid}) is writing ${out}; waiting for it to finish…`]);
    expect(taken).toBe(false);
    build.kill('SIGKILL'); // it cannot release the lock: the waiting build finds it no longer runs
    await waiting;
    expect(readFileSync(lockFileOf(out), 'utf8')).toBe(`${process.pid}\n`);
    expect(existsSync(`${lockFileOf(out)}.${process.pid}`)).toBe(false);
  });
});
