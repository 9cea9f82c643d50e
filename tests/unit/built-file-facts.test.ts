import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFileFacts } from '../../src/build/built-file-facts.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-built-facts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const memo = join(work, 'cache', 'facts.v8');

/** builtFileFacts with a reader that counts what it reads. */
function facts(dir: string, files: string[]) {
  const read: string[] = [];
  const found = builtFileFacts(dir, files, memo, (text, file) => {
    read.push(file);
    return { length: text.length };
  });
  return { found: Object.fromEntries(found), read };
}

describe('builtFileFacts', () => {
  it('reads a file only when it is not the very file the last build read: new, or written anew', () => {
    const first = join(work, 'first');
    mkdirSync(join(first, 'vi'), { recursive: true });
    writeFileSync(join(first, 'a.html'), 'aaa');
    writeFileSync(join(first, 'vi', 'b.html'), 'bb');
    expect(facts(first, ['a.html', 'vi/b.html'])).toEqual({ found: { 'a.html': { length: 3 }, 'vi/b.html': { length: 2 } }, read: ['a.html', 'vi/b.html'] });

    // The next build's folder: one file hard-linked from the last (a page not rendered again), one written anew, one new.
    const second = join(work, 'second');
    mkdirSync(join(second, 'vi'), { recursive: true });
    linkSync(join(first, 'a.html'), join(second, 'a.html'));
    writeFileSync(join(second, 'vi', 'b.html'), 'bbbb');
    writeFileSync(join(second, 'c.html'), 'c');
    rmSync(first, { recursive: true });
    renameSync(second, first); // as dist/ is swapped
    expect(facts(first, ['a.html', 'c.html', 'vi/b.html'])).toEqual({
      found: { 'a.html': { length: 3 }, 'c.html': { length: 1 }, 'vi/b.html': { length: 4 } },
      read: ['c.html', 'vi/b.html'],
    });
    // Nothing changed: nothing read.
    expect(facts(first, ['a.html', 'c.html', 'vi/b.html']).read).toEqual([]);
    // A file whose memo cannot be read is read again.
    writeFileSync(memo, 'not a memo');
    expect(facts(first, ['a.html']).read).toEqual(['a.html']);
  });
});
