import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'loa-image-facts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const limits = { maxBytes: 10_000_000, maxPixels: 16_000_000 };
const kept = join(work, 'cache');

/** imageFacts as a new build's process has it: nothing remembered in memory. */
async function freshImageFacts() {
  vi.resetModules();
  return (await import('../../src/model/image-facts.ts')).imageFacts;
}

// The decoder runs in a child process started from Node's own path: without it, no image can be decoded.
const node = process.execPath;
afterEach(() => {
  process.execPath = node;
});

describe('imageFacts kept in the build cache', () => {
  it('a later build needs no decoder for images whose bytes are unchanged, and decodes those that changed', async () => {
    const a = join(work, 'a.png');
    const b = join(work, 'b.png');
    writeFileSync(
      a,
      await sharp({ create: { width: 8, height: 6, channels: 3, background: '#3a7' } })
        .png()
        .toBuffer(),
    );
    writeFileSync(
      b,
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#a37' } })
        .png()
        .toBuffer(),
    );
    const first = (await freshImageFacts())([a, b], limits, kept);
    expect(first.get(a)).toMatchObject({ format: 'png', width: 8, height: 6, decoded: true });
    expect(first.get(b)).toMatchObject({ format: 'png', width: 4, height: 4, decoded: true });
    expect(readdirSync(kept).length).toBeGreaterThan(0);

    process.execPath = join(work, 'no-node-here');
    expect((await freshImageFacts())([a, b], limits, kept)).toEqual(first);
    // Other bytes at the same path: that file alone is decoded again (here, with no decoder to do it).
    writeFileSync(b, 'not a picture any more');
    const third = (await freshImageFacts())([a, b], limits, kept);
    expect(third.get(a)).toEqual(first.get(a));
    expect(third.get(b)?.decoded).toBe(false);
    expect(third.get(b)?.unreadable).toMatch(/the image decoder failed on it/);
  });

  it('checking again in one process (the live preview) after an image changed keeps the others’ facts for the next build', async () => {
    const cache = join(work, 'preview-cache');
    const png = (width: number) =>
      sharp({ create: { width, height: 4, channels: 3, background: '#37a' } })
        .png()
        .toBuffer();
    const a = join(work, 'preview-a.png');
    const b = join(work, 'preview-b.png');
    writeFileSync(a, await png(5));
    writeFileSync(b, await png(6));
    const preview = await freshImageFacts();
    preview([a, b], limits, cache);
    writeFileSync(b, await png(7));
    const after = preview([a, b], limits, cache);
    expect(after.get(b)).toMatchObject({ width: 7 });
    // The next build, with no decoder: both come from the cache.
    process.execPath = join(work, 'no-node-here');
    expect((await freshImageFacts())([a, b], limits, cache)).toEqual(after);
  });
});
