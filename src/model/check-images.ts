import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ContentFiles } from './content-files.ts';
import { imageFacts, type ImageFacts } from './image-facts.ts';
import { buildCacheDir } from '../lib/engine-version.ts';
import type { Problem } from './problems.ts';
import { decodeTarget, isContentPath } from '../markdown/targets.ts';
import type { BodyRef } from '../markdown/body-refs.ts';

/** The largest image accepted, on either side. */
export const MAX_SIDE = 4000;
/** The largest image file accepted, in bytes (10 MB). */
export const MAX_BYTES = 10 * 1000 * 1000;
/** The most pixels accepted in all the frames of an animation together: as many as the largest still image. */
export const MAX_PIXELS = MAX_SIDE * MAX_SIDE;

/** Image file extensions pages may use, with the format (sharp's name) each must hold. */
const FORMATS: Record<string, { format: string; compression?: string; name: string }> = {
  png: { format: 'png', name: 'PNG' },
  jpg: { format: 'jpeg', name: 'JPEG' },
  jpeg: { format: 'jpeg', name: 'JPEG' },
  webp: { format: 'webp', name: 'WebP' },
  gif: { format: 'gif', name: 'GIF' },
  avif: { format: 'heif', compression: 'av1', name: 'AVIF' },
};
const EXTENSIONS = Object.keys(FORMATS);
const ACCEPTED = `${EXTENSIONS.slice(0, -1)
  .map((e) => `.${e}`)
  .join(', ')} or .${EXTENSIONS.at(-1)}`;

/** True for a file name that looks like an image (any case, SVG too): the image check decides about it. */
export function looksLikeImage(name: string): boolean {
  return /\.(png|jpe?g|webp|gif|avif|svg)$/i.test(name);
}

/** A page file as the image check needs it. */
interface PageRefs {
  /** Path relative to the site folder. */
  file: string;
  bodyLine: number;
  parsed: { refs: readonly BodyRef[] };
}

/**
 * Checks every image a page shows and every image file under content/: each must be a file in
 * the content folder, a raster image whose content is the format its name says, that decodes in
 * full, within the size limits; SVG is refused. A bad image a page shows is reported at the
 * page's line; one no page shows, at its own file. Images are decoded once per version of the
 * file (see imageFacts), so checking again after an edit costs a stat per image.
 */
export function checkImages(pages: readonly PageRefs[], listing: ContentFiles, siteDir: string): Problem[] {
  const contentDir = resolve(siteDir, 'content');
  const problems: Problem[] = [];
  const uses: { page: PageRefs; line: number; written: string; path: string }[] = [];
  for (const page of pages) {
    const here = dirname(resolve(siteDir, page.file));
    for (const ref of page.parsed.refs) {
      if (ref.kind !== 'image' || !isContentPath(ref.target)) continue;
      const written = decodeTarget(ref.target);
      const path = resolve(here, written);
      const line = page.bodyLine + (ref.line ?? 1) - 1;
      const inContent = relative(contentDir, path);
      // An image outside the content folder, or missing, is reported with the page's other links
      // and images (refIssues); only files in it are looked at here.
      if (inContent === '..' || inContent.startsWith('..' + sep) || isAbsolute(inContent)) continue;
      if (existsSync(path)) uses.push({ page, line, written, path });
    }
  }
  const used = new Set(uses.map((u) => u.path));
  const unused = listing.files
    .filter(looksLikeImage)
    .map((f) => resolve(contentDir, f))
    .filter((path) => !used.has(path));
  const toDecode = [...used, ...unused].filter((path) => nameProblem(basename(path)) === undefined);
  const facts = imageFacts(toDecode, { maxBytes: MAX_BYTES, maxPixels: MAX_PIXELS }, join(buildCacheDir(siteDir), 'image-facts'));
  const problemOf = (path: string) => nameProblem(basename(path)) ?? contentProblem(basename(path), facts.get(path)!);
  for (const use of uses) {
    const problem = problemOf(use.path);
    if (problem) problems.push({ file: use.page.file, line: use.line, field: 'image', message: `image ${use.written} ${problem}` });
  }
  for (const path of unused) {
    const problem = problemOf(path);
    if (problem) problems.push({ file: relative(siteDir, path).split(sep).join('/'), message: `this image ${problem}` });
  }
  return problems;
}

/** What is wrong with an image's file name alone, if anything: not an image, SVG, or an extension in capitals. */
function nameProblem(name: string): string | undefined {
  const extension = extname(name).slice(1);
  if (extension.toLowerCase() === 'svg') return svgRefused('is an SVG drawing');
  if (!FORMATS[extension.toLowerCase()]) return `is not an image file; expected a file ending in ${ACCEPTED}`;
  if (!FORMATS[extension]) return `has its extension in capitals; rename it to ${name.slice(0, -extension.length)}${extension.toLowerCase()}`;
  return undefined;
}

/** What is wrong with an image's content, as sharp found it, if anything: the rules apart from the decoding, to be read and tested on their own. */
export function contentProblem(name: string, facts: ImageFacts): string | undefined {
  const expected = FORMATS[extname(name).slice(1)]!;
  if (facts.bytes > MAX_BYTES)
    return `is ${megabytes(facts.bytes)}; the largest accepted is ${megabytes(MAX_BYTES)}: save it smaller (scaled down, or as WebP or JPEG)`;
  if (facts.unreadable)
    return `is not a ${expected.name} image: its content is no image format Loa can read (${facts.unreadable}); export the picture again as ${expected.name}`;
  if (facts.format === 'svg') return svgRefused(`is an SVG drawing named .${extname(name).slice(1)}`);
  const found = formatName(facts);
  if (facts.format !== expected.format || (expected.compression && facts.compression !== expected.compression)) {
    const rename = Object.entries(FORMATS).find(([, f]) => f.format === facts.format && (!f.compression || f.compression === facts.compression))?.[0];
    const stem = name.slice(0, -extname(name).length);
    return `is a ${found} image, not ${expected.name} as its name says; ${rename ? `rename it to ${stem}.${rename}, or ` : ''}export it again as ${expected.name}`;
  }
  const { width = 0, height = 0, frames = 1 } = facts;
  if (width > MAX_SIDE || height > MAX_SIDE)
    return `is ${width} × ${height} px; the largest accepted is ${MAX_SIDE} px on a side: scale it down and save it again (a phone screenshot needs no more than about 1,500 px)`;
  if (width * height * frames > MAX_PIXELS)
    return `is an animation of ${frames} frames of ${width} × ${height} px, ${millions(width * height * frames)} pixels in all; the most accepted is ${millions(MAX_PIXELS)}: use fewer or smaller frames`;
  if (facts.undecodable) return `could not be decoded (${facts.undecodable}); the file may be cut short or damaged: export it again`;
  return undefined;
}

function svgRefused(what: string): string {
  return `${what}, which is not accepted: an SVG file can carry scripts and load files from other sites; export it as PNG or WebP instead`;
}

function formatName({ format, compression }: ImageFacts): string {
  if (format === 'heif') return compression === 'av1' ? 'AVIF' : 'HEIC';
  return Object.values(FORMATS).find((f) => f.format === format)?.name ?? (format ?? 'unknown').toUpperCase();
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1).replace(/\.0$/, '')} MB`;
const millions = (n: number) => `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
