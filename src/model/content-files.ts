import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Problem } from './problems.ts';

/** Everything under `content/`, as found by one walk that reads no file. */
export interface ContentFiles {
  /** Files, by path inside content/ with forward slashes: `vi/guides/x.md`, `images/a.png`. */
  files: string[];
  /** Folders, likewise: `vi`, `vi/guides`, `images/android`. */
  folders: string[];
  /** Entries no check may read: links leaving the site folder, links to nothing, devices, pipes. */
  unsafe: Problem[];
}

/**
 * Lists the files and folders under content/ without reading any, so the checks know what is
 * there before they open anything. Dotfiles and dot-folders (.gitkeep, .DS_Store, .git) are left
 * out. A symbolic link is followed only when it stays inside the site folder: one that leaves it
 * (another project's secrets, /etc/passwd) or leads nowhere is listed as unsafe, and so is
 * anything that is neither a file nor a folder (reading /dev/zero or a pipe would never end).
 */
export function listContentFiles(siteDir: string): ContentFiles {
  const listing: ContentFiles = { files: [], folders: [], unsafe: [] };
  const contentDir = join(siteDir, 'content');
  if (!existsSync(contentDir) && !isLink(contentDir)) return listing;
  const site = realpathSync(siteDir);
  const insideSite = (real: string) => real === site || real.startsWith(site + sep);
  // Real paths of the folders being walked: a link back to one of them would never end.
  const walking = new Set<string>();

  // `kind` is what the folder's listing said the entry is (no stat needed for thousands of files), or its own lstat.
  const visit = (path: string, inContent: string, kind: Dirent | Stats = lstatSync(path)): void => {
    const file = inContent ? `content/${inContent}` : 'content';
    let stat = kind;
    if (stat.isSymbolicLink()) {
      const target = linkTarget(path);
      if (target === undefined) {
        listing.unsafe.push({ file, message: `a symbolic link to ${readlinkSync(path)}, which does not exist; remove the link or put the file itself here` });
        return;
      }
      if (!insideSite(target)) {
        listing.unsafe.push({
          file,
          message: `a symbolic link to ${target}, outside the site folder; Loa reads only files inside the site folder, so copy the file here instead of linking to it`,
        });
        return;
      }
      stat = statSync(path);
    }
    if (stat.isFile()) {
      if (inContent) listing.files.push(inContent);
      return;
    }
    if (!stat.isDirectory()) {
      listing.unsafe.push({ file, message: 'neither a file nor a folder (a device, pipe or socket); content holds only files and folders' });
      return;
    }
    const real = realpathSync(path);
    if (walking.has(real)) {
      listing.unsafe.push({ file, message: 'a symbolic link to a folder that holds it, which would never end; remove the link' });
      return;
    }
    if (inContent) listing.folders.push(inContent);
    walking.add(real);
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (!name.startsWith('.')) visit(join(path, name), inContent ? `${inContent}/${name}` : name, entry);
    }
    walking.delete(real);
  };

  visit(contentDir, '');
  return listing;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
