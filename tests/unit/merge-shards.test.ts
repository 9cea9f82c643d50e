import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/build/merge-shards.ts';
import { joinPagefindEntries } from '../../src/search/pagefind-entry.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-merge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = { base: '/', editor: undefined, locales: [{ code: 'vi' }, { code: 'en' }] } as unknown as Parameters<typeof mergeShards>[2];
const entry = (languages: Record<string, unknown>) => JSON.stringify({ version: '1.6.0', languages, include_characters: ['_'] });
const page = (lang: string, script: string) => `<!DOCTYPE html><html lang="${lang}"><head><script>${script}</script></head><body></body></html>`;
const cspHash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

/** A made-up shard's output: its files, by path. */
function shard(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const vi = shard('vi', {
  'index.html': page('en', 'root()'),
  'vi/index.html': page('vi', 'onlyVietnamese()'),
  'pagefind/pagefind.js': 'search code',
  'pagefind/pagefind-entry.json': entry({ vi: { hash: 'vi_1', page_count: 3 } }),
  _headers: 'allows root() and onlyVietnamese()',
});
const en = shard('en', {
  'index.html': page('en', 'root()'),
  'en/index.html': page('en', 'onlyEnglish()'),
  'pagefind/pagefind.js': 'search code',
  'pagefind/pagefind-entry.json': entry({ en: { hash: 'en_2', page_count: 2 } }),
  _headers: 'allows root() and onlyEnglish()',
});

describe('merging shards', () => {
  it('takes every file once, lists every language in one entry file and writes headers allowing every page’s inline code', () => {
    const into = join(work, 'merged');
    expect(mergeShards([vi, en], into, settings)).toEqual([]);
    expect(readFileSync(join(into, 'vi/index.html'), 'utf8')).toContain('onlyVietnamese()');
    expect(readFileSync(join(into, 'en/index.html'), 'utf8')).toContain('onlyEnglish()');
    expect(readFileSync(join(into, 'pagefind/pagefind.js'), 'utf8')).toBe('search code');
    expect(readFileSync(join(into, 'pagefind/pagefind-entry.json'), 'utf8')).toBe(
      entry({ en: { hash: 'en_2', page_count: 2 }, vi: { hash: 'vi_1', page_count: 3 } }),
    );
    const headers = readFileSync(join(into, '_headers'), 'utf8');
    for (const code of ['root()', 'onlyVietnamese()', 'onlyEnglish()']) expect(headers).toContain(cspHash(code));
    expect(readFileSync(join(into, 'nginx-headers.conf'), 'utf8')).toContain(cspHash('onlyEnglish()'));
  });

  it('names each file two shards have with different contents', () => {
    const other = shard('other', {
      'index.html': page('en', 'anotherRoot()'),
      'en/index.html': page('en', 'onlyEnglish()'),
      'pagefind/pagefind.js': 'search code',
      'pagefind/pagefind-entry.json': entry({ en: {} }),
    });
    expect(mergeShards([vi, other], join(work, 'differing'), settings)).toEqual([
      `1 file differs between shards, which were not built from the same content, settings and engine: index.html (${vi} and ${other})`,
    ]);
  });

  it('names locales no shard built, and folders that are no built site', () => {
    expect(mergeShards([vi], join(work, 'half'), settings)).toEqual(['No shard built the locale en: build it with --locales too']);
    expect(mergeShards([vi, work + '/nowhere'], join(work, 'none'), settings)[0]).toMatch(/nowhere: not a built site/);
    expect(mergeShards([], join(work, 'empty'), settings)).toEqual(['No shard given: name the output folders of the shards to join']);
  });
});

describe('joining Pagefind entry files', () => {
  it('lists the languages in the order of their codes, whatever the order of the bundles', () => {
    const a = { version: '1.6.0', languages: { zh: 1 } };
    const b = { version: '1.6.0', languages: { en: 2, vi: 3 } };
    expect(JSON.stringify(joinPagefindEntries([a, b]).entry)).toBe(JSON.stringify(joinPagefindEntries([b, a]).entry));
    expect(Object.keys(joinPagefindEntries([a, b]).entry!.languages)).toEqual(['en', 'vi', 'zh']);
  });

  it('refuses a language in two bundles and bundles of two Pagefind versions', () => {
    expect(
      joinPagefindEntries([
        { version: '1.6.0', languages: { vi: 1 } },
        { version: '1.5.0', languages: { vi: 2 } },
      ]).errors,
    ).toEqual(['Search indexes of two Pagefind versions (1.6.0 and 1.5.0) cannot be joined', 'Two groups of pages are indexed as the language "vi"']);
  });
});
