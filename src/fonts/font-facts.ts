import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** What the content check and poster fitting ask of a font file. */
export interface FontFacts {
  /** The code points the font has a glyph for. */
  characters: Set<number>;
  /** A character's advance width in em (the missing-glyph box's for a character the font lacks). */
  advance(code: number): number;
}

/** A font file's facts as kept on disk: code points and their advances, in font units. */
interface StoredFacts {
  unitsPerEm: number;
  /** The advance of the missing glyph (.notdef), which fontkit gives for a character the font lacks. */
  missing: number;
  codes: number[];
  advances: number[];
}

/** Changes when StoredFacts does, so that facts kept by older code are not read. */
const FORMAT = 1;

/** The version in the package.json nearest above a file, or '' where there is none. */
function packageVersion(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '';
  }
  return '';
}

/**
 * The name a font file's facts are kept under. It changes with the file's path, size and date and
 * its package's version: npm gives every file it installs the same date, so after an update of
 * a font package only the version may tell that the file changed.
 */
function cacheName(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const key = JSON.stringify([FORMAT, file, size, mtimeMs, packageVersion(file)]);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 20)}.json`;
}

/** Reads a font file's facts from the font itself (the slow way: the Han families are 10 MB each). */
function factsFromFont(file: string): StoredFacts {
  const font = fontkit.openSync(file) as fontkit.Font;
  const codes = font.characterSet;
  return {
    unitsPerEm: font.unitsPerEm,
    missing: font.getGlyph(0).advanceWidth,
    codes,
    advances: codes.map((code) => font.glyphForCodePoint(code).advanceWidth),
  };
}

/** Keeps facts for the next run; a cache that cannot be written only makes that run slower. */
function keep(path: string, facts: StoredFacts): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Written beside and renamed, so that a build running at the same time never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(facts));
    renameSync(partial, path);
  } catch {
    // Read-only node_modules: the facts are read from the font again next time.
  }
}

/**
 * A font file's facts, from `cacheDir` when they were kept there for this very file (see
 * cacheName), otherwise read from the font and kept there. Exported for tests; code uses fontFacts.
 */
export function readFontFacts(file: string, cacheDir: string | undefined): FontFacts {
  const path = cacheDir && join(cacheDir, cacheName(file));
  let stored: StoredFacts | undefined;
  if (path && existsSync(path))
    try {
      stored = JSON.parse(readFileSync(path, 'utf8')) as StoredFacts;
    } catch {
      stored = undefined; // half written by a killed process: read the font
    }
  if (!stored) {
    stored = factsFromFont(file);
    if (path) keep(path, stored);
  }
  const { unitsPerEm, missing, codes, advances } = stored;
  const widths = new Map(codes.map((code, i) => [code, advances[i]]));
  return { characters: new Set(codes), advance: (code) => (widths.get(code) ?? missing) / unitsPerEm };
}

/** The folder facts of fonts installed in `…/node_modules/` are kept in: `…/node_modules/.astro/font-facts/`, beside the build's other caches. */
function cacheDirFor(file: string): string | undefined {
  const at = file.lastIndexOf(`${join('/', 'node_modules')}/`);
  return at < 0 ? undefined : join(file.slice(0, at), 'node_modules', '.astro', 'font-facts');
}

const known = new Map<string, FontFacts>();

/**
 * The characters a font file draws and their widths, read once per process and kept between runs:
 * opening the shipped fonts and listing their characters took the content check from 0.4 s
 * to 0.7 s, and the content check (coverage.ts) and poster fitting (measure-text.ts) both ask.
 */
export function fontFacts(file: string): FontFacts {
  let facts = known.get(file);
  if (!facts) known.set(file, (facts = readFontFacts(file, cacheDirFor(file))));
  return facts;
}
