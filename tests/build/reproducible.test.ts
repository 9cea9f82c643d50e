import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFixture } from '../helpers/changed-site.ts';
import { fileHashes } from '../helpers/dist.ts';
import { SITES, builtSite, runBuild } from '../helpers/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('builds are reproducible', () => {
  it('two builds of the same commit give byte-identical dist/ trees', () => {
    const second = join(work, 'campaign');
    expect(runBuild(SITES.campaign.siteDir, second, SITES.campaign.env).status).toBe(0);
    const a = fileHashes(builtSite('campaign'));
    const b = fileHashes(second);
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('a rebuild after one sentence changed gives the dist/ a cold build of the changed site gives', () => {
    const file = 'content/vi/guides/evacuation-map.md';
    const before = 'Đi thử con đường này một lần khi trời còn khô ráo, cùng cả nhà.';
    const edited = readFileSync(join(SITES.campaign.siteDir, file), 'utf8').replace(before, 'Đi thử con đường này một lần, cùng cả nhà.');
    // Built once, then again after the edit: the second build reuses the first one's cache (in the site folder).
    const site = changedFixture(work, 'rebuilt', {}, 'campaign');
    const rebuilt = join(work, 'rebuilt-dist');
    const first = runBuild(site, rebuilt);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Search index: \d+ pages \(languages indexed: en, vi, zh\)/);
    writeFileSync(join(site, file), edited);
    // What a killed build left half-written in the cache of indexes.
    const cache = join(site, 'node_modules', '.astro');
    const indexes = readdirSync(cache)
      .map((version) => join(cache, version, 'search-index'))
      .find((folder) => existsSync(folder))!;
    mkdirSync(join(indexes, 'vi-0123456789abcdef0123.tmp-999999'));
    // The posters' fonts, cut down to their characters, are kept too: not made again.
    const fonts = join(indexes, '../poster-fonts');
    const fontFiles = () => readdirSync(fonts).map((name) => `${name} ${statSync(join(fonts, name)).mtimeMs}`);
    const fontsBefore = fontFiles();
    expect(fontsBefore.length).toBeGreaterThan(0);
    // A broadcast message's text file, which the edit does not change, is taken from the last build as it is.
    const text = join(rebuilt, 'vi/messages/sign-up-for-warnings.txt');
    const textTime = statSync(text).mtimeMs;
    // Only the edited page's language is indexed again; the others' indexes come from the cache.
    const second = runBuild(site, rebuilt);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Search index: \d+ pages \(languages indexed: vi\)/);
    expect(fontFiles()).toEqual(fontsBefore);
    expect(statSync(text).mtimeMs).toBe(textTime);
    // The cache keeps one index per language: the edited language's older one and the leftover are gone.
    expect(
      readdirSync(indexes)
        .map((name) => name.split('-')[0])
        .sort(),
    ).toEqual(['en', 'vi', 'zh']);
    // The changed site built in a folder of its own, with no cache.
    const cold = join(work, 'cold-dist');
    expect(runBuild(changedFixture(work, 'cold', { [file]: edited }, 'campaign'), cold).status).toBe(0);
    expect(readFileSync(join(rebuilt, 'vi/guides/evacuation-map/index.html'), 'utf8')).toContain('Đi thử con đường này một lần, cùng cả nhà.');
    expect(fileHashes(rebuilt)).toEqual(fileHashes(cold));
    // Only the pages that show the edited guide were rendered again: in Vietnamese, and where a locale falls back to it.
    const showing = ['vi', 'en', 'zh'].filter((locale) =>
      readFileSync(join(rebuilt, locale, 'guides/evacuation-map/index.html'), 'utf8').includes('cùng cả nhà.'),
    );
    expect(second.stdout).toMatch(new RegExp(`Guide and message pages: ${showing.length} rendered, [1-9]\\d* unchanged since the last build`));
    // The cache of parsed page files keeps one reading per file: the edited one's older reading is gone.
    const readings = readdirSync(cache)
      .map((version) => join(cache, version, 'page-files'))
      .find((folder) => existsSync(folder))!;
    const pageFiles = readdirSync(join(site, 'content'), { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\/(guides|messages)\/[^/]+\.mdx?$/.test(name),
    );
    const kept = readdirSync(readings).reduce((sum, name) => sum + (deserialize(readFileSync(join(readings, name))) as Map<string, unknown>).size, 0);
    expect(kept).toBe(pageFiles.length);
  });

  it('a rebuild renders again a page whose file in dist/ changed since (or its broadcast text), and every page when what all pages show changed', () => {
    const site = changedFixture(work, 'shared', {}, 'campaign');
    const out = join(work, 'shared-dist');
    expect(runBuild(site, out).status).toBe(0);
    const page = join(out, 'en/guides/household-registration/index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('</main>', '<p>Changed by hand</p></main>'));
    // So is a message whose broadcast text was changed.
    const text = join(out, 'zh/messages/sign-up-for-warnings.txt');
    const originalText = readFileSync(text, 'utf8');
    writeFileSync(text, `${originalText}Changed by hand\n`);
    const again = runBuild(site, out);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Guide and message pages: 2 rendered, [1-9]\d* unchanged since the last build/);
    expect(readFileSync(page, 'utf8')).toBe(original);
    expect(readFileSync(text, 'utf8')).toBe(originalText);
    // A dist/ restored from a CI cache has other file times but the same bytes: nothing is rendered again.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(out, { recursive: true, encoding: 'utf8' })) utimesSync(join(out, name), anHourAgo, anHourAgo);
    const restored = runBuild(site, out);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/Guide and message pages: 0 rendered, [1-9]\d* unchanged since the last build/);
    // A title is in every list, menu and feed: every page is rendered again.
    const message = join(site, 'content/vi/messages/sandbag-day.md');
    writeFileSync(message, readFileSync(message, 'utf8').replace(/^title: .*$/m, 'title: Ngày phát bao cát'));
    const retitled = runBuild(site, out);
    expect(retitled.status).toBe(0);
    expect(retitled.stdout).toMatch(/Guide and message pages: [1-9]\d* rendered, 0 unchanged since the last build/);
    expect(readFileSync(join(out, 'vi/messages/index.html'), 'utf8')).toContain('Ngày phát bao cát');
  });
});
