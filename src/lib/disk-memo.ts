import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Results kept on disk by what they were made from; `prune` removes those neither `get` nor `keep` was given since it was made. */
export interface DiskMemo<T> {
  /** The result kept for `parts`, or `make()`'s, then kept. */
  get(parts: readonly string[], make: () => T): T;
  /** Keeps a result that is not asked for again (the live preview remembers it). */
  keep(parts: readonly string[]): void;
  prune(): void;
}

/**
 * A memo on disk in `dir`: one file per result, named by a hash of what it was made from, so a
 * build works out again only what changed since the last one. Kept in the build cache of the
 * engine's version, so changed code never reads what older code wrote.
 */
export function diskMemo<T>(dir: string): DiskMemo<T> {
  const used = new Set<string>();
  const nameOf = (parts: readonly string[]) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return `${hash.digest('hex').slice(0, 32)}.v8`;
  };
  let made = false;
  return {
    get(parts, make) {
      const name = nameOf(parts);
      used.add(name);
      try {
        return deserialize(readFileSync(join(dir, name))) as T;
      } catch {
        // Not made before (or removed meanwhile): made now.
      }
      const value = make();
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      writeFileSync(join(dir, `${name}.${process.pid}`), serialize(value));
      renameSync(join(dir, `${name}.${process.pid}`), join(dir, name));
      return value;
    },
    keep(parts) {
      used.add(nameOf(parts));
    },
    prune() {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) if (name.endsWith('.v8') && !used.has(name)) rmSync(join(dir, name), { force: true });
    },
  };
}
