import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { linkedStylesheets, page } from './dist.ts';

/** What a built page costs a reader on a slow phone before its images. */
export interface PageWeight {
  /** The HTML and its stylesheets, gzipped, in bytes. */
  bytes: number;
  /** Requests before images: the page, its stylesheets, scripts and preloads. */
  requests: number;
  /** Elements in the document. */
  nodes: number;
}

/** Weighs a built page (`vi/guides/x/index.html`) of a site under `base` the way the guide budget counts it, so every site's test uses one measure. */
export function guideBudget(dir: string, file: string, base = '/'): PageWeight {
  const doc = page(dir, file);
  const css = linkedStylesheets(dir, doc, base);
  return {
    bytes: gzipSync(readFileSync(join(dir, file))).length + css.reduce((sum, c) => sum + gzipSync(c).length, 0),
    requests: 1 + css.length + doc('script[src]').length + doc('link[rel=preload], link[rel=modulepreload]').length,
    nodes: doc('*').length,
  };
}
