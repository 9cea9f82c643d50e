import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHashes } from '../helpers/dist.ts';
import { SITES, builtSite, runBuild, runMergeShards } from '../helpers/sites.ts';

// The campaign fixture in two shards: Vietnamese, the default and every other locale's fallback,
// apart from English and Chinese, whose pages show Vietnamese ones where they have none.
const { siteDir } = SITES.campaign;
const work = mkdtempSync(join(tmpdir(), 'loa-shards-'));
const shard = (name: string) => join(work, name);
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  for (const [name, locales] of [
    ['vi', 'vi'],
    ['en-zh', 'en,zh'],
  ]) {
    const built = runBuild(siteDir, shard(name!), {}, ['--locales', locales!]);
    if (built.status !== 0) throw new Error(`Building the shard ${locales} failed:\n${built.output}`);
  }
});

const entryLanguages = (dir: string) =>
  Object.keys((JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: object }).languages);

describe('a site built in shards of its locales', () => {
  it('renders in each shard only its locales’ pages, search indexes and share images', () => {
    expect(existsSync(join(shard('vi'), 'vi/guides/index.html'))).toBe(true);
    expect(existsSync(join(shard('vi'), 'en'))).toBe(false);
    expect(existsSync(join(shard('en-zh'), 'vi'))).toBe(false);
    expect(existsSync(join(shard('en-zh'), 'zh/404.html'))).toBe(true);
    expect(entryLanguages(shard('vi'))).toEqual(['vi']);
    expect(entryLanguages(shard('en-zh'))).toEqual(['en', 'zh']);
    // Pages without a locale are in both.
    for (const dir of [shard('vi'), shard('en-zh')]) expect(existsSync(join(dir, 'sitemap.xml'))).toBe(true);
  });

  it('merged, gives byte for byte the site one build of every locale gives', () => {
    const merged = join(work, 'merged');
    const result = runMergeShards(siteDir, merged, [shard('vi'), shard('en-zh')]);
    expect(result.output).toContain('Joined 2 shards');
    expect(result.status).toBe(0);
    const whole = fileHashes(builtSite('campaign'));
    expect(Object.keys(whole).length).toBeGreaterThan(100);
    expect(fileHashes(merged)).toEqual(whole);
  });

  it('refuses a shard of a locale the site does not have, naming the site’s locales, and leaves the output as it was', () => {
    const out = join(work, 'unknown');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    const result = runBuild(siteDir, out, {}, ['--locales', 'vi,fr']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`--locales names "fr", which is not one of the site's locales in content/site.yaml (vi, en, zh)`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(runBuild(siteDir, out, {}, ['--locales', ',']).stderr).toContain('--locales expects the codes of the locales');
  });

  it('refuses shards that disagree, a locale no shard built and a locale two built, leaving the output as it was', () => {
    const out = join(work, 'refused');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    // A shard of other content: its sitemap lists another page.
    const other = join(work, 'other');
    cpSync(shard('en-zh'), other, { recursive: true });
    writeFileSync(
      join(other, 'sitemap.xml'),
      readFileSync(join(other, 'sitemap.xml'), 'utf8').replace('</urlset>', '<url><loc>https://x/</loc></url></urlset>'),
    );
    const disagreeing = runMergeShards(siteDir, out, [shard('vi'), other]);
    expect(disagreeing.status).toBe(1);
    expect(disagreeing.stderr).toContain('1 file differs between shards');
    expect(disagreeing.stderr).toContain(`sitemap.xml (${shard('vi')} and ${other})`);

    const missing = runMergeShards(siteDir, out, [shard('en-zh'), join(work, 'nothing')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${join(work, 'nothing')}: not a built site`);

    const partial = runMergeShards(siteDir, out, [shard('en-zh')]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain('No shard built the locale vi: build it with --locales too');

    const twice = runMergeShards(siteDir, out, [shard('vi'), shard('en-zh'), shard('vi')]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('Two groups of pages are indexed as the language "vi": did two shards build the same locale?');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});
