import { describe, expect, it } from 'vitest';
import { screenshotSize } from '../../src/markdown/screenshot-size.ts';

describe('screenshotSize', () => {
  it('fits a portrait screenshot to the first screen and a wide picture to the column', () => {
    expect(screenshotSize(1080, 1920)).toMatchObject({ width: 252, height: 448, widths: [252, 504, 756] });
    expect(screenshotSize(360, 640)).toMatchObject({ width: 252, height: 448, widths: [252, 360] });
    expect(screenshotSize(600, 1000)).toMatchObject({ width: 269, height: 448, widths: [269, 538, 600] });
    expect(screenshotSize(2000, 1000)).toMatchObject({ width: 672, height: 336, widths: [672, 1344, 2000] });
    expect(screenshotSize(200, 100)).toMatchObject({ width: 200, height: 100, widths: [200] });
  });
});
