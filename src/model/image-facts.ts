import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { diskMemo } from '../lib/disk-memo.ts';

/** What sharp found in an image file. */
export interface ImageFacts {
  /** Bytes on disk. */
  bytes: number;
  /** sharp's name for the format its content is in (`png`, `jpeg`, `webp`, `gif`, `heif`, `svg`, …); unset when it is no image sharp knows. */
  format?: string;
  /** For `heif`: `av1` (AVIF) or `hevc` (HEIC). */
  compression?: string;
  width?: number;
  /** Height of one frame. */
  height?: number;
  /** Frames of an animation; 1 for a still image. */
  frames?: number;
  /** Why sharp could not read it as an image at all. */
  unreadable?: string;
  /** Why decoding its pixels failed (cut short, damaged), when it was decoded. */
  undecodable?: string;
  /** True when its pixels were decoded in full. */
  decoded: boolean;
}

/** Up to which size a file's pixels are decoded; a larger one is only measured (its header read). */
export interface DecodeLimits {
  maxBytes: number;
  /** Pixels in all frames together. */
  maxPixels: number;
}

/** Facts by path, with the size and time of the file they were found for. */
const known = new Map<string, { mtimeMs: number; size: number; limits: string; facts: ImageFacts; kept: string[] }>();

/**
 * What each image file is, decoded by sharp. Remembered per path, modification time and size,
 * so the live preview, which checks the content again after every edit, decodes only the images
 * that changed and otherwise costs one stat per image. sharp is asynchronous and the content
 * check is not, so the files are decoded in one child process that the check waits for; that
 * also keeps a crash of the image decoder on a hostile file out of the preview's process.
 * Given a folder of the build cache (`keptIn`), the facts are also kept there by the file's
 * bytes, so that a build decodes only the images that changed since the last one, and starts no
 * decoder at all when none did.
 */
export function imageFacts(paths: readonly string[], limits: DecodeLimits, keptIn?: string): Map<string, ImageFacts> {
  const found = new Map<string, ImageFacts>();
  const key = JSON.stringify(limits);
  const pending: { path: string; mtimeMs: number; size: number }[] = [];
  const unchanged: string[][] = [];
  for (const path of new Set(paths)) {
    const { mtimeMs, size } = statSync(path);
    const last = known.get(path);
    if (last && last.mtimeMs === mtimeMs && last.size === size && last.limits === key) {
      found.set(path, last.facts);
      unchanged.push(last.kept);
    } else pending.push({ path, mtimeMs, size });
  }
  if (pending.length === 0) return found;
  const memo = keptIn ? diskMemo<ImageFacts>(keptIn) : undefined;
  // What the cache holds for the images remembered here stays there for the next build.
  for (const kept of unchanged) memo?.keep(kept);
  const parts = new Map(pending.map(({ path }) => [path, [SHARP_VERSION, key, createHash('sha256').update(readFileSync(path)).digest('hex')]]));
  const toDecode = pending.map((p) => p.path).filter((path) => !memo?.has(parts.get(path)!));
  const decoded = new Map(toDecode.length ? decodeInChild(toDecode, limits).map((facts, i) => [toDecode[i]!, facts]) : []);
  for (const { path, mtimeMs, size } of pending) {
    const facts = memo ? memo.get(parts.get(path)!, () => decoded.get(path)!) : decoded.get(path)!;
    known.set(path, { mtimeMs, size, limits: key, facts, kept: parts.get(path)! });
    found.set(path, facts);
  }
  memo?.save();
  return found;
}

// Runs in the child: reads each file's header, and decodes the pixels of those within the limits.
const CHILD = `
const sharp = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const { paths, limits } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const out = [];
  for (const path of paths) {
    const facts = { bytes: require('node:fs').statSync(path).size, decoded: false };
    try {
      const m = await sharp(path, { failOn: 'none', limitInputPixels: false }).metadata();
      Object.assign(facts, { format: m.format, compression: m.compression, width: m.width, height: m.pageHeight ?? m.height, frames: m.pages ?? 1 });
    } catch (error) {
      facts.unreadable = String(error && error.message || error);
    }
    const pixels = (facts.width ?? 0) * (facts.height ?? 0) * (facts.frames ?? 1);
    if (!facts.unreadable && facts.format !== 'svg' && facts.bytes <= limits.maxBytes && pixels <= limits.maxPixels) {
      try {
        await sharp(path, { failOn: 'error', pages: -1, limitInputPixels: limits.maxPixels }).raw().toBuffer();
        facts.decoded = true;
      } catch (error) {
        facts.undecodable = String(error && error.message || error);
      }
    }
    out.push(facts);
  }
  process.stdout.write(JSON.stringify(out));
});
`;

const sharpModule = () => createRequire(import.meta.url).resolve('sharp');
// Kept facts are sharp's: another version may read a file otherwise. Its package exports no package.json; the folder above its entry holds it.
const SHARP_VERSION = (JSON.parse(readFileSync(join(dirname(sharpModule()), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Decodes files in a child process; when the decoder itself crashes, each file again on its own, to name the one at fault. */
function decodeInChild(paths: string[], limits: DecodeLimits): ImageFacts[] {
  const child = spawnSync(process.execPath, ['-e', CHILD, sharpModule()], {
    input: JSON.stringify({ paths, limits }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status === 0) return JSON.parse(child.stdout) as ImageFacts[];
  if (paths.length > 1) return paths.flatMap((path) => decodeInChild([path], limits));
  const why = child.error?.message ?? (child.signal ? `it stopped with ${child.signal}` : child.stderr.trim().split('\n').pop() || `exit ${child.status}`);
  return [{ bytes: statSync(paths[0]!).size, decoded: false, unreadable: `the image decoder failed on it (${why})` }];
}
