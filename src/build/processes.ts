import { existsSync, readFileSync } from 'node:fs';

/** Whether a process with this id exists (one of another user counts too), so that what it owns is left alone. */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a process with this id is a build (scripts/build.ts, or scripts/merge-shards.ts, which
 * writes an output folder the same way, or the removal of a replaced site, remove-folder.ts) other than this one: a build that
 * was killed leaves its id in folder and lock names, and the id may since have been given to an
 * unrelated process (after a restart, often to this very process). Where /proc is missing, any
 * running process counts as a build.
 */
export function isRunningBuild(pid: number): boolean {
  if (pid === process.pid || !isRunning(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return readFileSync(cmdline, 'utf8')
      .split('\0')
      .some((arg) => ['build.ts', 'merge-shards.ts', 'remove-folder.ts'].some((name) => arg.endsWith(name)));
  } catch {
    return false; // it ended meanwhile
  }
}
