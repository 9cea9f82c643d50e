import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImages, contentProblem } from '../../src/model/check-images.ts';
import { listContentFiles } from '../../src/model/content-files.ts';
import type { BodyRef } from '../../src/markdown/body-refs.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let sites = 0;
/** A site folder holding the given files under content/. */
function site(files: Record<string, Buffer | string>): string {
  const dir = join(work, `site-${++sites}`);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
    writeFileSync(join(dir, 'content', path), data);
  }
  return dir;
}

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } });
const png = (width = 8, height = 8) => image(width, height).png().toBuffer();

/** A PNG whose header says it is `width` × `height` pixels, with one row's worth of pixels: enough for sharp to measure it. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A guide in content/en/guides/ whose body (starting at line 8) shows the image at `src` on its third line. */
const page = (src: string) => ({
  file: 'content/en/guides/first.md',
  bodyLine: 8,
  parsed: { refs: [{ kind: 'image', target: src, text: 'A screen', line: 3 } satisfies BodyRef] },
});

const check = (dir: string, src?: string) => checkImages(src ? [page(src)] : [], listContentFiles(dir), dir);

describe('checkImages', () => {
  it('accepts real images of each format, named for it, used or not', async () => {
    const dir = site({
      'images/a.png': await png(),
      'images/b.jpg': await image(8, 8).jpeg().toBuffer(),
      'images/c.jpeg': await image(8, 8).jpeg().toBuffer(),
      'images/d.webp': await image(8, 8).webp().toBuffer(),
      'images/e.gif': await image(8, 8).gif().toBuffer(),
      'images/f.avif': await image(8, 8).avif().toBuffer(),
      'en/guides/beside.png': await png(),
    });
    expect(check(dir, '../../images/a.png')).toEqual([]);
  });

  it('a text file named .png is an error at the line of the page that shows it', () => {
    const dir = site({ 'images/a.png': 'not a picture\n' });
    expect(check(dir, '../../images/a.png')).toEqual([
      {
        file: 'content/en/guides/first.md',
        line: 10,
        field: 'image',
        message: expect.stringMatching(/^image \.\.\/\.\.\/images\/a\.png is not a PNG image: .*; export the picture again as PNG$/) as string,
      },
    ]);
  });

  it('a bad image no page shows is an error at its own file', () => {
    const dir = site({ 'images/old/a.jpg': 'not a picture\n' });
    expect(check(dir)).toEqual([{ file: 'content/images/old/a.jpg', message: expect.stringMatching(/^this image is not a JPEG image: /) as string }]);
  });

  it('the format must match the extension: a PNG named .webp', async () => {
    const dir = site({ 'images/a.webp': await png() });
    expect(check(dir, '../../images/a.webp')[0]!.message).toBe(
      'image ../../images/a.webp is a PNG image, not WebP as its name says; rename it to a.png, or export it again as WebP',
    );
  });

  it('refuses an image larger than 4,000 px on a side, as its header says', () => {
    const dir = site({ 'images/huge.webp': pngHeader(20_000, 20_000), 'images/wide.png': pngHeader(4001, 10) });
    const problems = check(dir, '../../images/huge.webp');
    expect(problems.map((p) => p.message)).toEqual([
      'image ../../images/huge.webp is a PNG image, not WebP as its name says; rename it to huge.png, or export it again as WebP',
      expect.stringMatching(/^this image is 4001 × 10 px; the largest accepted is 4000 px on a side: scale it down/) as string,
    ]);
    const named = site({ 'images/huge.png': pngHeader(20_000, 20_000) });
    expect(check(named, '../../images/huge.png')[0]!.message).toMatch(
      /^image \.\.\/\.\.\/images\/huge\.png is 20000 × 20000 px; the largest accepted is 4000 px/,
    );
  });

  it('accepts an image of exactly 4,000 px on a side', async () => {
    const dir = site({ 'images/edge.png': await png(4000, 1) });
    expect(check(dir)).toEqual([]);
  });

  it('refuses a file over 10 MB, saying how large it is', () => {
    const dir = site({ 'images/big.png': Buffer.concat([pngHeader(100, 100), Buffer.alloc(10_500_000)]) });
    expect(check(dir)[0]!.message).toBe('this image is 10.5 MB; the largest accepted is 10 MB: save it smaller (scaled down, or as WebP or JPEG)');
  });

  it('a PNG cut short is an error: its pixels are decoded, not only its header', async () => {
    const whole = await image(300, 300).png({ compressionLevel: 0 }).toBuffer();
    const dir = site({ 'images/cut.png': whole.subarray(0, whole.length / 2) });
    expect(check(dir, '../../images/cut.png')[0]!.message).toMatch(
      /^image \.\.\/\.\.\/images\/cut\.png could not be decoded \(.+\); the file may be cut short/,
    );
  });

  it('refuses SVG, by its name or by its content', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="8" height="8"/></svg>';
    const dir = site({ 'images/logo.svg': svg, 'images/drawing.png': svg });
    expect(check(dir, '../../images/logo.svg')[0]!.message).toMatch(
      /^image \.\.\/\.\.\/images\/logo\.svg is an SVG drawing, which is not accepted: .*export it as PNG or WebP/,
    );
    expect(check(dir).map((p) => [p.file, p.message.slice(0, 52)])).toEqual([
      ['content/images/drawing.png', 'this image is an SVG drawing named .png, which is no'],
      ['content/images/logo.svg', 'this image is an SVG drawing, which is not accepted:'],
    ]);
  });

  it('an animation counts the pixels of all its frames', () => {
    const animation = { bytes: 50_000, format: 'gif', width: 1000, height: 1000, decoded: false };
    expect(contentProblem('a.gif', { ...animation, frames: 16 })).toBeUndefined();
    expect(contentProblem('a.gif', { ...animation, frames: 17 })).toBe(
      'is an animation of 17 frames of 1000 × 1000 px, 17 million pixels in all; the most accepted is 16 million: use fewer or smaller frames',
    );
  });

  it('a page showing a file that is no image, or an extension in capitals', async () => {
    const dir = site({ 'en/guides/notes.md': '# Notes\n', 'images/A.PNG': await png() });
    expect(check(dir, './notes.md')[0]!.message).toBe(
      'image ./notes.md is not an image file; expected a file ending in .png, .jpg, .jpeg, .webp, .gif or .avif',
    );
    expect(check(dir, '../../images/A.PNG')[0]!.message).toBe('image ../../images/A.PNG has its extension in capitals; rename it to A.png');
  });

  it('decodes an image again only when its file changed (path, time and size)', async () => {
    const dir = site({ 'images/a.png': await png() });
    const file = join(dir, 'content/images/a.png');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(check(dir, '../../images/a.png')).toEqual([]);
    // Same size, same time, other bytes: what was found for this version of the file stands.
    writeFileSync(file, Buffer.alloc(statSync(file).size, 'x'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(check(dir, '../../images/a.png')).toEqual([]);
    // A new time: decoded again, and found broken.
    utimesSync(file, 1_700_000_000, 1_700_000_005);
    expect(check(dir, '../../images/a.png')[0]!.message).toMatch(/is not a PNG image/);
  });

  it('leaves paths outside the content folder and missing files to the reference check', async () => {
    const dir = site({ 'images/a.png': await png() });
    writeFileSync(join(dir, 'outside.png'), 'not a picture');
    expect(check(dir, '../../../outside.png')).toEqual([]);
    expect(check(dir, '../../images/missing.png')).toEqual([]);
  });
});
