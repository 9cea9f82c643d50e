import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunningBuild } from './processes.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What builds of an output folder leave beside it while they run, each named by the id of the
 * process at work on it: the site being built (`<out>.tmp-<pid>`), the previous site being deleted
 * (`<out>.old-<pid>`, see remove-folder.ts) and a lock being written (`<out>.lock.<pid>`); and in the engine's
 * `node_modules/.astro/`, pages being built by Astro (`pages-<pid>`).
 */
export function buildLeftovers(outDir: string, engineDir: string): { path: string; pid: number }[] {
  const found: { path: string; pid: number }[] = [];
  const look = (folder: string, pattern: RegExp) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      const match = pattern.exec(name);
      if (match) found.push({ path: join(folder, name), pid: Number(match[1]) });
    }
  };
  look(dirname(outDir), new RegExp(`^${escape(basename(outDir))}\\.(?:tmp-|old-|lock\\.)(\\d+)$`));
  look(join(engineDir, 'node_modules', '.astro'), /^pages-(\d+)$/);
  return found;
}

/**
 * Removes what killed builds left behind (see buildLeftovers): anything whose process is no
 * longer a running build. Returns the paths removed.
 */
export function removeStaleLeftovers(outDir: string, engineDir: string): string[] {
  const removed: string[] = [];
  for (const { path, pid } of buildLeftovers(outDir, engineDir)) {
    if (isRunningBuild(pid)) continue;
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Another process is deleting it too (a finished build's background removal): it will be gone.
    }
  }
  return removed;
}
