import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCacheDir } from '../../src/lib/engine-version.ts';
import { ROOT, runBuild } from '../helpers/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-fail-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a failed build never replaces a good dist/', () => {
  it('keeps the previous dist/ byte for byte when content, the Astro build or the share images fail', () => {
    const site = join(work, 'site');
    cpSync(join(ROOT, 'tests/fixtures/minimal'), site, { recursive: true });
    const out = join(site, 'dist');
    expect(runBuild(site, out).status).toBe(0);
    const before = readFileSync(join(out, 'en/guides/first/index.html'), 'utf8');

    // Invalid front matter: stopped by the content check.
    writeFileSync(join(site, 'content/en/guides/first.md'), '---\ntitle: Changed\n---\n\n1. Step\n');
    const checked = runBuild(site, out);
    expect(checked.status).toBe(1);
    expect(readFileSync(join(out, 'en/guides/first/index.html'), 'utf8')).toBe(before);

    // Good content, but a folder in public/ stands where a page is written: stopped by Astro.
    // (An MDX import can no longer get this far: the content check refuses it.)
    writeFileSync(join(site, 'content/en/guides/first.md'), '---\ntitle: Changed\nsummary: S\napp: A\nplatforms: [ios]\nminutes: 2\n---\n\n1. Step\n');
    mkdirSync(join(site, 'public/en/guides/first/index.html'), { recursive: true });
    // The content check passes it: the failure comes from Astro's own stage.
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { env: { ...process.env, LOA_SITE_DIR: site } }).status).toBe(0);
    const built = runBuild(site, out);
    expect(built.status).toBe(1);
    expect(built.stderr).toContain('The build failed');
    expect(built.stderr).toContain('dist/ was left as it was');
    expect(built.stderr).toMatch(/EISDIR/);
    expect(built.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'en/guides/first/index.html'), 'utf8')).toBe(before);

    // Good content, but the share images cannot be kept: a file stands where their cache folder goes.
    rmSync(join(site, 'public/en'), { recursive: true });
    const cache = join(buildCacheDir(site), 'share-images');
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(cache, '');
    const drawn = runBuild(site, out);
    expect(drawn.status).toBe(1);
    expect(drawn.stderr).toContain('The build failed: The share images could not be drawn');
    expect(drawn.stderr).toContain('dist/ was left as it was');
    expect(drawn.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(out, 'en/guides/first/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(site).filter((name) => name.startsWith('dist.tmp-'))).toEqual([]);
  });

  it('a good build replaces dist/ and leaves no half-built or previous copy behind', async () => {
    const site = join(work, 'rebuilt');
    cpSync(join(ROOT, 'tests/fixtures/minimal'), site, { recursive: true });
    const out = join(site, 'dist');
    expect(runBuild(site, out).status).toBe(0);
    writeFileSync(
      join(site, 'content/en/guides/first.md'),
      readFileSync(join(site, 'content/en/guides/first.md'), 'utf8').replace('title: First guide', 'title: Renamed guide'),
    );
    expect(runBuild(site, out).status).toBe(0);
    expect(readFileSync(join(out, 'en/guides/first/index.html'), 'utf8')).toContain('Renamed guide');
    // The previous dist/ is deleted by a process of its own after the build; wait for it.
    const leftovers = () => readdirSync(site).filter((name) => /^dist\.(tmp|old)-/.test(name));
    for (let tries = 0; tries < 100 && leftovers().length; tries++) await new Promise((wake) => setTimeout(wake, 200));
    expect(leftovers()).toEqual([]);
  });
});
