import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { OUTPUT } from './helpers/sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where this test run keeps the sites it builds. */
    runOutput: string;
  }
}

/** True while a process with this id runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Gives this run a folder of its own for the sites its tests build (`tests/.output/run-<pid>`),
 * so that two runs at once never build over each other's sites, and removes the folders of
 * runs that have ended; the last run's sites stay for a look after a failure. Builds nothing.
 */
export default function setup(project: TestProject) {
  mkdirSync(OUTPUT, { recursive: true });
  for (const name of readdirSync(OUTPUT)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid || !alive(pid)) rmSync(join(OUTPUT, name), { recursive: true, force: true });
  }
  project.provide('runOutput', join(OUTPUT, `run-${process.pid}`));
}
