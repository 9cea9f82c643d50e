import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SHARE_SIZE, shareImage } from '../../src/portals/share-image.ts';
import { placeShareImages, startDrawingShareImages, type ShareImage } from '../../src/portals/share-images.ts';

const BRAND = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const ACCENT = [0xff, 0xbf, 0x47];

/** A share image decoded by sharp (libspng), with its colour at a point and the colours of a band of rows. */
async function decoded(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  const colours = (from: number, to: number) => {
    const seen = new Map<string, number>();
    for (let i = from * info.width * 3; i < to * info.width * 3; i += 3) {
      const key = String([data[i], data[i + 1], data[i + 2]]);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return seen;
  };
  return { info, at, colours };
}

describe('share images', () => {
  it.each([
    ['vi', 'Bật cảnh báo thiên tai trên điện thoại Android', 'Chiến dịch thử', false],
    ['km', 'ដំឡើងកម្មវិធីសុខភាពជាបីជំហាន សម្រាប់អ្នកស្រុក', 'យុទ្ធនាការសាកល្បង', false],
    ['ar', 'تثبيت تطبيق الصحة على هاتفك في ثلاث خطوات', 'حملة تجريبية', true],
  ] as const)('%s: a 2-bit palette PNG: the brand background, the title in white and a shade, the rule in the accent', async (lang, title, campaign, rtl) => {
    const png = await shareImage(title, campaign, lang, rtl);
    expect([png[24], png[25]], 'IHDR: bit depth, colour type').toEqual([2, 3]);
    const { info, at, colours } = await decoded(png);
    expect([info.width, info.height]).toEqual([SHARE_SIZE.width, SHARE_SIZE.height]);
    expect(at(0, 0)).toEqual(BRAND);
    expect(at(SHARE_SIZE.width - 1, SHARE_SIZE.height - 1)).toEqual(BRAND);
    expect(at(SHARE_SIZE.width / 2, 502)).toEqual(ACCENT);
    expect(colours(0, SHARE_SIZE.height).size).toBe(4);
    // The title, above the rule: solid white strokes and anti-aliased edges in a shade between.
    const above = colours(0, 495);
    expect(above.get(String(WHITE))).toBeGreaterThan(5000);
    expect(above.size, 'background, white and a shade between').toBe(3);
    // Right-to-left text ends at the right margin, left-to-right text starts at the left one.
    const band = (x0: number) => Array.from({ length: 300 }, (_, y) => at(x0, 80 + y)).some((c) => String(c) !== String(BRAND));
    expect(band(rtl ? SHARE_SIZE.width - 90 : 90), 'ink by the margin where the text starts').toBe(true);
  });

  it('draws an image the same whatever was drawn before it: a taller title leaves nothing behind', async () => {
    const short = await shareImage('Kiểm tra', 'Chiến dịch thử', 'vi');
    const tall = await shareImage('Một tiêu đề rất dài, dài đến mức phải xuống dòng nhiều lần và nhỏ chữ lại cho vừa khung hình', 'Chiến dịch thử', 'vi');
    expect(tall.equals(short)).toBe(false);
    expect((await shareImage('Kiểm tra', 'Chiến dịch thử', 'vi')).equals(short)).toBe(true);
  });
});

describe('share images drawn as they are given', () => {
  const image = (dir: string, name: string, title: string): ShareImage => ({
    path: `vi/guides/${name}/share.png`,
    cached: join(dir, `${name}.png`),
    title,
    campaign: 'Chiến dịch thử',
    lang: 'vi',
    rtl: false,
  });

  it('draws each image missing from the cache once, from batches given while it draws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-share-'));
    writeFileSync(join(dir, 'kept.png'), 'drawn by an earlier build');
    const drawing = startDrawingShareImages();
    drawing.add([image(dir, 'a', 'Mở ứng dụng'), image(dir, 'b', 'Đăng ký'), image(dir, 'kept', 'Kiểm tra')]);
    // The same image again, as the build's last message lists them all: not drawn a second time.
    drawing.add([image(dir, 'c', 'Nhập mã'), image(dir, 'a', 'Another title, same file')]);
    await drawing.drawn();
    const files = readdirSync(dir).sort();
    const [a, c, kept] = ['a.png', 'c.png', 'kept.png'].map((name) => readFileSync(join(dir, name)));
    rmSync(dir, { recursive: true, force: true });
    expect(files, 'no half-written file left').toEqual(['a.png', 'b.png', 'c.png', 'kept.png']);
    expect(kept!.toString()).toBe('drawn by an earlier build');
    expect(a!.equals(await shareImage('Mở ứng dụng', 'Chiến dịch thử', 'vi'))).toBe(true);
    expect(c!.equals(await shareImage('Nhập mã', 'Chiến dịch thử', 'vi'))).toBe(true);
  });

  it('says when asked that the cache could not be made, rather than failing whoever gave the images', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-share-'));
    writeFileSync(join(dir, 'cache'), 'a file where the cache folder goes');
    const drawing = startDrawingShareImages();
    expect(() => drawing.add([image(join(dir, 'cache'), 'a', 'Mở ứng dụng')])).not.toThrow();
    await expect(drawing.drawn()).rejects.toThrow(/EEXIST|ENOTDIR/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has nothing to wait for when every image is kept already', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-share-'));
    writeFileSync(join(dir, 'kept.png'), 'kept');
    const drawing = startDrawingShareImages();
    drawing.add([image(dir, 'kept', 'Kiểm tra')]);
    await expect(drawing.drawn()).resolves.toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('placing share images in a built site', () => {
  const imageAt = (path: string): Omit<ShareImage, 'cached'> => ({ path, title: 'T', campaign: 'C', lang: 'vi', rtl: false });
  it('links each from the cache into its page’s folder, making the folder where there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-share-place-'));
    writeFileSync(join(dir, 'cached.png'), 'png');
    mkdirSync(join(dir, 'site/vi/guides/a'), { recursive: true });
    const images = ['vi/guides/a/share.png', 'vi/guides/b/share.png', 'vi/share.png'].map((path) => ({ ...imageAt(path), cached: join(dir, 'cached.png') }));
    placeShareImages(images, join(dir, 'site'));
    const placed = images.map((i) => statSync(join(dir, 'site', i.path)));
    rmSync(dir, { recursive: true, force: true });
    expect(placed.map((stat) => stat.ino)).toEqual(placed.map(() => placed[0]!.ino));
    expect(placed[0]!.nlink).toBe(4);
  });
});
