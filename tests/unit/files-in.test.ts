import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn } from '../../src/lib/files-in.ts';
import { builtPages } from '../../src/build/built-file-facts.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-files-in-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('filesIn', () => {
  it('lists the files of every subfolder, relative with / and sorted, and no folder or link', () => {
    const dir = join(work, 'site');
    for (const folder of ['vi/guides/cai-dat', 'en', 'empty/inner']) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ['index.html', 'vi/guides/cai-dat/index.html', 'vi/guides/cai-dat/share.png', 'en/index.html', 'en/feed.xml', '_headers'])
      writeFileSync(join(dir, file), 'x');
    symlinkSync(join(dir, 'en'), join(dir, 'linked'));
    expect(filesIn(dir)).toEqual(['_headers', 'en/feed.xml', 'en/index.html', 'index.html', 'vi/guides/cai-dat/index.html', 'vi/guides/cai-dat/share.png']);
    expect(builtPages(dir)).toEqual(['en/index.html', 'index.html', 'vi/guides/cai-dat/index.html']);
  });

  it('gives nothing for a folder that does not exist, and fails on a file', () => {
    expect(filesIn(join(work, 'nowhere'))).toEqual([]);
    writeFileSync(join(work, 'a-file'), 'x');
    expect(() => filesIn(join(work, 'a-file'))).toThrow(/ENOTDIR/);
  });
});
