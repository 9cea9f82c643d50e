import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../src/portals/indexed-png.ts';

describe('indexed PNG', () => {
  it('encodes palette pixels that a PNG decoder reads back as the same colours', async () => {
    const palette = [
      [11, 79, 138],
      [255, 255, 255],
      [255, 191, 71],
    ];
    const pixels = Uint8Array.from({ length: 7 * 3 }, (_, i) => (i * 5) % 3);
    const png = indexedPng({ width: 7, height: 3, palette, pixels });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([7, 3, 3]);
    expect([...data]).toEqual([...pixels].flatMap((i) => palette[i]!));
  });

  it('refuses a palette or pixel count that does not fit', () => {
    expect(() => indexedPng({ width: 2, height: 2, palette: [], pixels: new Uint8Array(4) })).toThrow(/1 to 256 colours/);
    expect(() => indexedPng({ width: 2, height: 2, palette: [[0, 0, 0]], pixels: new Uint8Array(3) })).toThrow(/Expected 4 pixels/);
  });
});
