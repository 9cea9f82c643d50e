import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITES, builtSite, runBuild } from '../helpers/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a folder with a hash of its bytes. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    try {
      files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    } catch {
      // a folder
    }
  }
  return files;
}

describe('builds are reproducible', () => {
  it('two builds of the same commit give byte-identical dist/ trees', () => {
    const second = join(work, 'campaign');
    expect(runBuild(SITES.campaign.siteDir, second, SITES.campaign.env).status).toBe(0);
    const a = tree(builtSite('campaign'));
    const b = tree(second);
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });
});
