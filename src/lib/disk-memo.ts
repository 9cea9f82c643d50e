import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Results kept on disk by what they were made from. */
export interface DiskMemo<T> {
  /** The result kept for `parts`, or `make()`'s, then kept. */
  get(parts: readonly string[], make: () => T): T;
  /** Whether a result is kept for `parts`, for work that is done for many at once before `get`. */
  has(parts: readonly string[]): boolean;
  /** Keeps a result that is not asked for again (the live preview remembers it). */
  keep(parts: readonly string[]): void;
  /** Writes what was made, and forgets the results neither `get` nor `keep` was given. */
  save(): void;
}

/** Results are kept in up to this many files, by the first two hex digits of their hash. */
const SHARD = (name: string) => name.slice(0, 2);

/**
 * A memo on disk in `dir`, so a build works out again only what changed since the last one: each
 * result is kept under a hash of what it was made from, in one of up to 256 files (thousands of
 * small files cost more to create than the work they save). Kept in the build cache of the
 * engine's version, so changed code never reads what older code wrote.
 */
export function diskMemo<T>(dir: string): DiskMemo<T> {
  const used = new Set<string>();
  const shards = new Map<string, { values: Map<string, T>; changed: boolean }>();
  const nameOf = (parts: readonly string[]) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('hex').slice(0, 32);
  };
  const shardOf = (name: string) => {
    let shard = shards.get(SHARD(name));
    if (!shard) {
      let values = new Map<string, T>();
      try {
        values = deserialize(readFileSync(join(dir, `${SHARD(name)}.v8`))) as Map<string, T>;
      } catch {
        // Nothing kept there yet, or written by a build that was stopped: made anew.
      }
      shard = { values, changed: false };
      shards.set(SHARD(name), shard);
    }
    return shard;
  };
  return {
    get(parts, make) {
      const name = nameOf(parts);
      used.add(name);
      const shard = shardOf(name);
      if (shard.values.has(name)) return shard.values.get(name)!;
      const value = make();
      shard.values.set(name, value);
      shard.changed = true;
      return value;
    },
    has(parts) {
      const name = nameOf(parts);
      return shardOf(name).values.has(name);
    },
    keep(parts) {
      used.add(nameOf(parts));
    },
    save() {
      for (const shard of shards.values())
        for (const name of shard.values.keys())
          if (!used.has(name)) {
            shard.values.delete(name);
            shard.changed = true;
          }
      try {
        mkdirSync(dir, { recursive: true });
        for (const [key, { values, changed }] of shards) {
          if (!changed) continue;
          const file = join(dir, `${key}.v8`);
          writeFileSync(`${file}.${process.pid}`, serialize(values));
          renameSync(`${file}.${process.pid}`, file);
        }
        // A file no result was asked of holds only results no longer needed. One that was not read
        // (only kept results there) stays as it is, with what else it holds, until a build reads it.
        const kept = new Set([...used].map(SHARD));
        for (const name of readdirSync(dir)) if (name.endsWith('.v8') && !kept.has(name.slice(0, -3))) rmSync(join(dir, name), { force: true });
      } catch {
        // A site folder that cannot be written to (a read-only checkout) is checked all the same, only slower.
      }
    },
  };
}
