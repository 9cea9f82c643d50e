import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { isRunning } from '../build/processes.ts';
import { SHIPPED_FONTS } from './shipped-fonts.ts';

const FOLDER = /^loa-fonts-(\d+)$/;

/** The folder of fontconfig's settings and cache for this process, in the system's temporary folder. */
export const fontsFolder = (pid = process.pid) => join(tmpdir(), `loa-fonts-${pid}`);

/** Removes the font folders of processes that ended without removing theirs (killed ones). */
function removeStaleFontFolders(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(FOLDER.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // Another user's: theirs to remove.
    }
  }
}

/**
 * Points fontconfig (which draws text for sharp) at the project's fonts only, never the
 * system's, so share images look the same on every machine. Call before drawing any text.
 * The settings are written to a folder of this process, removed when it exits.
 */
export function useProjectFonts(): void {
  if (process.env.LOA_FONTS_READY) return;
  const dirs = [...new Set(SHIPPED_FONTS.flatMap((font) => [font.regular, font.bold ?? font.regular]).map((file) => dirname(file)))];
  const folder = fontsFolder();
  removeStaleFontFolders();
  mkdirSync(folder, { recursive: true });
  // A worker thread ends before its process does: the process removes the folder then.
  if (isMainThread) process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const config = join(folder, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${join(folder, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_FILE = config;
  process.env.LOA_FONTS_READY = '1';
}
