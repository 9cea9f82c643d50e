import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/model/load-content.ts';

const site = mkdtempSync(join(tmpdir(), 'loa-load-'));
cpSync(join(import.meta.dirname, '../fixtures/minimal'), site, { recursive: true, filter: (path) => !/[\\/](dist|node_modules|\.cache)$/.test(path) });
afterAll(() => rmSync(site, { recursive: true, force: true }));

const guideFile = join(site, 'content/en/guides/first.md');
const parsedOf = (file: string) => loadContent(site).entries.find((e) => e.file === file)!.parsed;

describe('loadContent, loaded again', () => {
  it('parses only the files whose text changed', () => {
    const first = loadContent(site);
    const again = loadContent(site);
    expect(again.entries.map((e) => e.parsed)).toEqual(first.entries.map((e) => e.parsed));
    again.entries.forEach((entry, i) => expect(entry.parsed).toBe(first.entries[i]!.parsed));

    writeFileSync(guideFile, readFileSync(guideFile, 'utf8') + '\nA note.\n\n3. Close the app.\n');
    const edited = loadContent(site);
    const guide = edited.entries.find((e) => e.file === 'content/en/guides/first.md')!;
    expect(guide.parsed).not.toBe(first.entries.find((e) => e.file === guide.file)!.parsed);
    expect(guide.parsed.steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(parsedOf('content/en/messages/hello.md')).toBe(first.entries.find((e) => e.file === 'content/en/messages/hello.md')!.parsed);
  });
  it('reports a bad link or image at its line in the file, again after a reload', () => {
    writeFileSync(
      guideFile,
      '---\ntitle: T\nsummary: S\napp: A\nplatforms: [android]\nminutes: 1\n---\n\n1. See [x](../messages/nope.md).\n\n   ![](../../images/none.png)\n',
    );
    for (let i = 0; i < 2; i++) {
      const problems = loadContent(site).problems.filter((p) => p.file === 'content/en/guides/first.md');
      expect(problems.map((p) => [p.line, p.field])).toEqual([
        [9, 'link'],
        [11, 'image'],
        [11, 'image'],
      ]);
    }
  });
});

describe('loadContent in a new process', () => {
  it('takes what an earlier one parsed from the build cache, with the same problems at the same lines', () => {
    writeFileSync(guideFile, '---\ntitle: T\nsummary: S\napp: A\nplatforms: [android, fax]\nminutes: 1\n---\n\n1. See [x](../messages/nope.md).\n');
    const first = loadContent(site);
    // A copy of the site with its cache, at a path this process has not read before.
    const copy = mkdtempSync(join(tmpdir(), 'loa-load-copy-'));
    cpSync(site, copy, { recursive: true });
    const cache = join(copy, 'node_modules/.astro');
    const cached = () =>
      readdirSync(cache, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.v8'))
        .map((name) => `${name} ${statSync(join(cache, name)).mtimeMs}`)
        .sort();
    const before = cached();
    expect(before.length).toBeGreaterThan(0);
    const again = loadContent(copy);
    // Nothing was parsed again: the cache's files are the same, none written anew.
    expect(cached()).toEqual(before);
    rmSync(copy, { recursive: true, force: true });
    const problems = first.problems.filter((p) => p.file === 'content/en/guides/first.md');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'platforms[1]'],
      [9, 'link'],
    ]);
    expect(again.problems).toEqual(first.problems);
    const shown = (content: typeof first) => content.entries.map(({ file, data, body, parsed }) => ({ file, data, body, parsed }));
    expect(shown(again)).toEqual(shown(first));
  });
});

describe('loadContent where its cache cannot be written', () => {
  it('checks the content all the same', () => {
    const copy = mkdtempSync(join(tmpdir(), 'loa-load-readonly-'));
    cpSync(join(import.meta.dirname, '../fixtures/minimal'), copy, { recursive: true, filter: (path) => !/[\\/](dist|node_modules|\.cache)$/.test(path) });
    // A file where the cache's folder would go: nothing can be made below it (unlike file modes, this also stops root).
    writeFileSync(join(copy, 'node_modules'), '');
    const content = loadContent(copy);
    rmSync(copy, { recursive: true, force: true });
    expect(content.problems).toEqual([]);
    expect(content.entries.length).toBeGreaterThan(0);
  });
});

describe('loadContent, telling of each page as it is read', () => {
  it('tells of every valid page that is no draft, with the site’s settings, and of no other', () => {
    const copy = mkdtempSync(join(tmpdir(), 'loa-load-told-'));
    cpSync(join(import.meta.dirname, '../fixtures/minimal'), copy, { recursive: true, filter: (path) => !/[\\/](dist|node_modules|\.cache)$/.test(path) });
    const guide = (front: string) => `---\n${front}summary: S\napp: A\nplatforms: [android]\nminutes: 1\n---\n\n1. Open the app.\n`;
    writeFileSync(join(copy, 'content/en/guides/draft.md'), guide('title: A draft\ndraft: true\n'));
    writeFileSync(join(copy, 'content/en/guides/untitled.md'), guide(''));
    const told: string[] = [];
    const content = loadContent(copy, {}, (entry, site) => {
      expect(site.settings.name).toMatchObject({ en: 'Minimal campaign' });
      told.push(entry.file);
    });
    rmSync(copy, { recursive: true, force: true });
    expect(content.problems.map((p) => [p.file, p.field])).toEqual([['content/en/guides/untitled.md', 'title']]);
    expect(told.length).toBeGreaterThan(1);
    expect(told.sort()).toEqual(content.entries.map((e) => e.file).sort());
    expect(told).not.toContain('content/en/guides/draft.md');
    expect(content.drafts.map((e) => e.file)).toEqual(['content/en/guides/draft.md']);
  });
});
