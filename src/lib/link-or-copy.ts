import { copyFileSync, linkSync } from 'node:fs';

/**
 * Puts the file `from` at `to`, whose folder exists: a hard link, instant and without a second
 * copy on disk, or a copy where a link is not possible (another file system). Says whether it linked.
 */
export function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    copyFileSync(from, to);
    return false;
  }
}
