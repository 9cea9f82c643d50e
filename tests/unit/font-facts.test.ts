import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFontFacts } from '../../src/fonts/font-facts.ts';

const require = createRequire(import.meta.url);
const CHAM = require.resolve('@expo-google-fonts/noto-sans-cham/400Regular/NotoSansCham_400Regular.ttf');
const LAO = require.resolve('@expo-google-fonts/noto-sans-lao/400Regular/NotoSansLao_400Regular.ttf');
const CHAM_A = 0xaa00; // ꨀ
const LAO_KO = 0x0e81; // ກ

let dir: string;
let cache: string;
let font: string;
/** A font package of its own in a temporary folder, as npm installs one: `version` in package.json, the font beside it. */
function install(from: string, version: string) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-font', version }));
  copyFileSync(from, font);
}
const kept = () => readdirSync(cache).filter((name) => name.endsWith('.json'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loa-font-facts-'));
  cache = join(dir, 'cache');
  font = join(dir, 'font.ttf');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('font facts kept between runs', () => {
  it('are the font’s own characters and advances, read from the cache the second time', () => {
    install(CHAM, '1.0.0');
    const first = readFontFacts(font, cache);
    expect(kept()).toHaveLength(1);
    const again = readFontFacts(font, cache);
    expect(kept()).toHaveLength(1);
    const real = fontkit.openSync(CHAM) as fontkit.Font;
    for (const facts of [first, again]) {
      expect([...facts.characters].sort()).toEqual([...new Set(real.characterSet)].sort());
      expect(facts.advance(CHAM_A)).toBe(real.glyphForCodePoint(CHAM_A).advanceWidth / real.unitsPerEm);
      // A character the font lacks is as wide as its missing-glyph box, as fontkit measures it.
      expect(facts.advance(LAO_KO)).toBe(real.glyphForCodePoint(LAO_KO).advanceWidth / real.unitsPerEm);
    }
    // What is read the second time is the kept copy, not the font: one edited by hand shows.
    const path = join(cache, kept()[0]!);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), codes: [CHAM_A], advances: [500] }));
    expect([...readFontFacts(font, cache).characters]).toEqual([CHAM_A]);
  });

  it('are read again from a changed font: another file, or the same one under a new package version', () => {
    install(CHAM, '1.0.0');
    expect(readFontFacts(font, cache).characters.has(CHAM_A)).toBe(true);
    install(LAO, '1.1.0');
    const changed = readFontFacts(font, cache);
    expect(changed.characters.has(LAO_KO)).toBe(true);
    expect(changed.characters.has(CHAM_A)).toBe(false);
    expect(kept()).toHaveLength(2);
    // npm gives every file the same date: a new version alone must be enough.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-font', version: '1.2.0' }));
    readFontFacts(font, cache);
    expect(kept()).toHaveLength(3);
  });

  it('are read from the font when the kept copy is unreadable', () => {
    install(CHAM, '1.0.0');
    readFontFacts(font, cache);
    writeFileSync(join(cache, kept()[0]!), '{"unitsPerEm": 1000, "co');
    expect(readFontFacts(font, cache).characters.has(CHAM_A)).toBe(true);
  });
});
