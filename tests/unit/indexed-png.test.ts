import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../src/portals/indexed-png.ts';

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

  it('encodes an image to the same bytes whatever was encoded before it', () => {
    const image = { width: 5, height: 2, palette: paletteOf(4), pixels: Uint8Array.from([0, 1, 2, 3, 1, 3, 2, 1, 0, 2]) };
    const first = indexedPng(image);
    indexedPng({ width: 5, height: 4, palette: paletteOf(16), pixels: new Uint8Array(20).fill(15) });
    expect(indexedPng(image).equals(first)).toBe(true);
  });

  it('refuses a palette or pixel count that does not fit', () => {
    expect(() => indexedPng({ width: 2, height: 2, palette: [], pixels: new Uint8Array(4) })).toThrow(/1 to 256 colours/);
    expect(() => indexedPng({ width: 2, height: 2, palette: [[0, 0, 0]], pixels: new Uint8Array(3) })).toThrow(/Expected 4 pixels/);
  });
});
