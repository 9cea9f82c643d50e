import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { filesIn } from '../lib/files-in.ts';

/**
 * A built site's pages (its `.html` files), relative to `dir` and sorted: listed once by the pages'
 * process, which reads them for the security policy and hands the list on to the search index.
 */
export function builtPages(dir: string): string[] {
  return filesIn(dir).filter((file) => file.endsWith('.html'));
}

/** What was found in one file, with what tells that file apart from any other. */
interface Found<T> {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  value: T;
}

/**
 * What `read` finds in each of a built site's files (paths relative to `dir`), taken from the
 * last build for a file that is still the very file it read: same inode, size and time. A
 * rebuild hard-links the pages it did not render from the last build (see reuse-pages.ts), so it
 * reads only those it wrote anew: tens of files instead of thousands. Kept in `memoFile`. Values
 * that are one object shared by many files are stored once.
 */
export function builtFileFacts<T>(dir: string, files: readonly string[], memoFile: string, read: (text: string, file: string) => T): Map<string, T> {
  let last = new Map<string, Found<T>>();
  try {
    last = deserialize(readFileSync(memoFile)) as Map<string, Found<T>>;
  } catch {
    // No build kept it yet, or one was stopped while writing it: every file is read.
  }
  const found = new Map<string, Found<T>>();
  for (const file of files) {
    const { dev, ino, size, mtimeMs } = statSync(join(dir, file));
    const before = last.get(file);
    const same = before && before.dev === dev && before.ino === ino && before.size === size && before.mtimeMs === mtimeMs;
    found.set(file, { dev, ino, size, mtimeMs, value: same ? before.value : read(readFileSync(join(dir, file), 'utf8'), file) });
  }
  try {
    mkdirSync(dirname(memoFile), { recursive: true });
    writeFileSync(`${memoFile}.${process.pid}`, serialize(found));
    renameSync(`${memoFile}.${process.pid}`, memoFile);
  } catch {
    // A cache that cannot be written (a read-only site folder) only makes the next build read every file.
  }
  return new Map([...found].map(([file, { value }]) => [file, value]));
}
