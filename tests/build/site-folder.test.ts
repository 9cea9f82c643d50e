import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild } from '../helpers/sites.ts';

// A campaign kept outside the engine, in a folder whose path starts with the engine's own as a
// string (engine at …/main, site at …/main-x5-…): a case Astro once told apart wrongly.
const site = `${ROOT}-x5-${process.pid}`;
// Built onto another file system where there is one (/dev/shm), where a rename cannot go.
const otherFs = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/loa-out-') : mkdtempSync(join(tmpdir(), 'loa-out-'));
cpSync(join(ROOT, 'tests/fixtures/minimal/content'), join(site, 'content'), { recursive: true });

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(otherFs, { recursive: true, force: true });
});

describe('a site folder outside the engine (LOA_SITE_DIR)', () => {
  it('is checked by npm run check', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: { ...process.env, LOA_SITE_DIR: site }, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain('Content is fine');
    expect(result.status).toBe(0);
  });

  it('builds into its own dist/, MDX included', () => {
    const result = runBuild(site, join(site, 'dist'));
    expect(result.output).not.toContain('failed');
    expect(result.status).toBe(0);
    expect(readFileSync(join(site, 'dist/en/guides/first/index.html'), 'utf8')).toContain('<h1');
    expect(existsSync(join(site, 'dist/en/guides/written-in-mdx/index.html'))).toBe(true);
    expect(existsSync(join(site, 'dist/pagefind/pagefind.js'))).toBe(true);
  });

  it('builds into an output folder on another file system', () => {
    const out = join(otherFs, 'dist');
    const result = runBuild(site, out);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(out, 'en/guides/first/index.html'))).toBe(true);
    expect(existsSync(join(out, 'en/guides/first/share.png'))).toBe(true);
  });
});
