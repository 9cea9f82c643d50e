import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRunningBuild } from './processes.ts';

/** The lock file of an output folder: beside it, since the folder itself is replaced at the end of a build. */
export const lockFileOf = (outDir: string) => `${outDir}.lock`;

/** Who holds a lock: the process id written in it, or undefined when it is unreadable or gone. */
function holder(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch {
    return undefined;
  }
}

/** Creates the lock file with this process's id, unless it exists: written aside, then linked in one step, so it is never seen empty. */
function tryCreate(lock: string): boolean {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    linkSync(mine, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Takes the lock of an output folder, so that two builds into one folder never run at once: while
 * another running build holds it, says so once and waits; a lock left by a build that is no
 * longer running is taken over. Released when this process exits.
 */
export async function lockOutput(
  outDir: string,
  { pollMs = 500, say = (line: string) => console.log(line) }: { pollMs?: number; say?: (line: string) => void } = {},
): Promise<void> {
  const lock = lockFileOf(outDir);
  mkdirSync(dirname(lock), { recursive: true });
  let told = false;
  for (;;) {
    if (tryCreate(lock)) break;
    const pid = holder(lock);
    if (pid === undefined || !isRunningBuild(pid)) {
      // Left by a build that was killed: removed, unless another waiting build took it over meanwhile.
      if (holder(lock) === pid) rmSync(lock, { force: true });
      continue;
    }
    if (!told) say(`Another build (process ${pid}) is writing ${outDir}; waiting for it to finish…`);
    told = true;
    await new Promise((wake) => setTimeout(wake, pollMs));
  }
  process.once('exit', () => {
    if (holder(lock) === process.pid) rmSync(lock, { force: true });
  });
}
