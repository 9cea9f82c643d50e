import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { page } from './dist.ts';

/** What a built page costs a reader on a slow phone before its images. */
export interface PageWeight {
  /** The HTML and its stylesheets, gzipped, in bytes. */
  bytes: number;
  /** Requests before images: the page, its stylesheets, scripts and preloads. */
  requests: number;
  /** Elements in the document. */
  nodes: number;
}

/** Weighs a built page (`vi/guides/x/index.html`) the way the guide budget counts it, so every site's test uses one measure. */
export function guideBudget(dir: string, file: string): PageWeight {
  const doc = page(dir, file);
  const css = doc('link[rel=stylesheet]')
    .map((_, el) => readFileSync(join(dir, doc(el).attr('href')!)))
    .get();
  return {
    bytes: gzipSync(readFileSync(join(dir, file))).length + css.reduce((sum, c) => sum + gzipSync(c).length, 0),
    requests: 1 + css.length + doc('script[src]').length + doc('link[rel=preload], link[rel=modulepreload]').length,
    nodes: doc('*').length,
  };
}
