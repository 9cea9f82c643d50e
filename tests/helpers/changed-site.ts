import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, runBuild } from './sites.ts';

/** A change to one file of a fixture copy: its new text, null to delete it, or a symbolic link to make. */
export type Change = string | Uint8Array | null | { link: string };

/** A copy of a fixture site (tests/fixtures/<from>) in `work/name`, with some files changed, for a test of bad input. */
export function changedFixture(work: string, name: string, changes: Record<string, Change>, from = 'minimal'): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'tests/fixtures', from), dir, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)$/.test(path) });
  for (const [path, change] of Object.entries(changes)) {
    const file = join(dir, path);
    rmSync(file, { force: true });
    if (change === null) continue;
    mkdirSync(dirname(file), { recursive: true });
    if (typeof change === 'object' && 'link' in change) symlinkSync(change.link, file);
    else writeFileSync(file, change);
  }
  return dir;
}

const PUBLISHED = '<p>The site as published before.</p>';

/**
 * Builds a site folder over a previous dist/ and returns what the build printed as errors;
 * asserts it failed without a stack trace or a crash, and left that dist/ exactly as it was.
 */
export function failedBuild(dir: string, env: Record<string, string> = {}): string {
  const out = join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), PUBLISHED);
  const result = runBuild(dir, out, env);
  expect(result.status).toBe(1);
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
  expect(result.output).not.toMatch(/ReferenceError|TypeError/);
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(PUBLISHED);
  expect(readdirSync(dir).filter((entry) => entry.startsWith('dist.'))).toEqual([]);
  return result.stderr;
}
