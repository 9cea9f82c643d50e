import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { packRows, pngBits, pngOfRows, pngStride, type Palette } from '../../src/portals/indexed-png.ts';

/** A PNG of a whole palette image, packed at once. */
function indexedPng({ width, height, palette, pixels }: { width: number; height: number; palette: Palette; pixels: Uint8Array }): Buffer {
  const rows = new Uint8Array(pngStride(width, pngBits(palette.length)) * height);
  packRows(pixels, width, pngBits(palette.length), rows);
  return pngOfRows(width, height, palette, rows);
}

/** `count` distinct colours. */
const paletteOf = (count: number) => Array.from({ length: count }, (_, i) => [i, 255 - i, (i * 37) % 256]);

describe('indexed PNG', () => {
  it.each([
    [2, 2],
    [4, 2],
    [5, 4],
    [16, 4],
    [17, 8],
    [256, 8],
  ])('encodes %i colours at %i bits a pixel, which a PNG decoder reads back as the same colours', async (colours, bits) => {
    const palette = paletteOf(colours);
    // An odd width: the last byte of each row holds three pixels at 2 bits, one at 4.
    const pixels = Uint8Array.from({ length: 7 * 3 }, (_, i) => (i * 5) % colours);
    const png = indexedPng({ width: 7, height: 3, palette, pixels });
    expect([png[24], png[25]], 'IHDR: bit depth, colour type').toEqual([bits, 3]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([7, 3, 3]);
    expect([...data]).toEqual([...pixels].flatMap((i) => palette[i]!));
  });

  it.each([2, 4, 8])('packs a band of rows at %i bits as packing the whole image packs them', (bits) => {
    const palette = paletteOf(bits === 2 ? 4 : bits === 4 ? 16 : 200);
    const [width, height] = [9, 6];
    const image = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % palette.length);
    const whole = indexedPng({ width, height, palette, pixels: image });
    // Rows 2 to 4 differ from a blank image; only they are packed over the blank image's rows.
    const blank = new Uint8Array(width * height);
    const rows = new Uint8Array(pngStride(width, bits) * height);
    packRows(blank, width, bits, rows);
    packRows(image.subarray(2 * width, 5 * width), width, bits, rows, 2);
    const banded = pngOfRows(width, height, palette, rows);
    expect(
      banded.equals(indexedPng({ width, height, palette, pixels: Uint8Array.from(blank.map((_, i) => (i >= 2 * width && i < 5 * width ? image[i]! : 0))) })),
    ).toBe(true);
    expect(banded.equals(whole)).toBe(false);
  });

  it('refuses a palette or a number of rows that does not fit', () => {
    expect(() => pngBits(0)).toThrow(/1 to 256 colours/);
    expect(() => pngBits(257)).toThrow(/1 to 256 colours/);
    expect(() => pngOfRows(2, 2, [[0, 0, 0]], new Uint8Array(3))).toThrow(/Expected 4 bytes of rows/);
  });
});
