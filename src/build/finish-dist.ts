import { spawn } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Moves each `<locale>/404/index.html` Astro wrote to `<locale>/404.html`, where static hosts look for it. */
export function placeLocale404s(outDir: string, locales: readonly string[]): void {
  for (const code of locales) {
    const folder = join(outDir, code, '404');
    if (!existsSync(join(folder, 'index.html'))) continue;
    renameSync(join(folder, 'index.html'), join(outDir, code, '404.html'));
    if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  }
}

/**
 * Replaces `outDir` with the finished `tmpDir` in one rename, so a reader never sees half a site.
 * The previous site is moved aside and deleted by a process of its own, so the build does not
 * wait for thousands of files to be removed.
 */
export function swapIntoPlace(tmpDir: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmpDir, outDir);
  if (existsSync(old)) removeInBackground(old);
}

/** Deletes a folder from a detached process that outlives this one (see remove-folder.ts). */
function removeInBackground(dir: string): void {
  spawn(process.execPath, [fileURLToPath(new URL('remove-folder.ts', import.meta.url)), dir], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Moves a folder, also to another file system, where a rename cannot: there it is copied, with
 * the files' times (the next build tells its unchanged pages by them, see reuse-pages.ts), then removed.
 */
export function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, preserveTimestamps: true });
    rmSync(from, { recursive: true, force: true });
  }
}
