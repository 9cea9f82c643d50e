import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SITES, builtSite } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const posters = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/posters.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm run posters -- --pdf', () => {
  it('writes one single-page PDF per poster with Chromium and links them from the gallery', () => {
    const dist = join(work, 'dist');
    cpSync(builtSite('campaign'), dist, { recursive: true });
    const result = posters({ LOA_SITE_DIR: SITES.campaign.siteDir }, '--pdf', '--out', dist);
    expect(result.status, result.stderr).toBe(0);
    const gallery = readFileSync(join(dist, 'posters/index.html'), 'utf8');
    const { posters: all } = loadPosterFiles(SITES.campaign.siteDir);
    expect(all.length).toBeGreaterThan(0);
    for (const { code } of all) {
      const pdf = readFileSync(join(dist, 'posters', code, `${code}.pdf`)).toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
      expect(gallery).toContain(`<a href="/posters/${code}/${code}.pdf">PDF</a>`);
    }
  });

  it('says what to install when Chromium is missing', () => {
    const dist = join(work, 'untouched');
    cpSync(builtSite('campaign'), dist, { recursive: true });
    const result = posters({ LOA_SITE_DIR: SITES.campaign.siteDir, CHROMIUM_PATH: join(work, 'no-chromium') }, '--pdf', '--out', dist);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Install Debian's Chromium with: sudo apt-get install chromium");
  });
});
