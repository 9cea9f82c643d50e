import type { Header } from './security-headers.ts';

/** A header as a line of `_headers`. */
const headerLine = ([name, value]: Header) => `  ${name}: ${value}`;

/**
 * A `_headers` file for Netlify and Cloudflare Pages: the headers for every path below the base
 * path, and `no-cache` for the service worker, so that a browser asks for it again at each visit
 * and a kill switch (`offline: false`) reaches readers at once (both hosts add the headers of
 * every rule a path matches).
 */
export function netlifyHeaders(headers: readonly Header[], base: string): string {
  return (
    [
      '# Security headers of every file of the site (made by Loa from the pages it built).',
      `${base}*`,
      ...headers.map(headerLine),
      '# The service worker for offline reading: asked for again at every visit.',
      `${base}sw.js`,
      headerLine(SERVICE_WORKER_CACHE),
    ].join('\n') + '\n'
  );
}

/** How long browsers may keep `sw.js` without asking again: not at all (they compare it at every visit). */
export const SERVICE_WORKER_CACHE: Header = ['Cache-Control', 'no-cache'];

/**
 * Lines for nginx, to include in every `location` that serves the site (nginx drops a block's
 * headers in a nested block that adds any of its own):
 *
 *     location /campaign/ { include /path/to/dist/nginx-headers.conf; … }
 */
export function nginxHeaders(headers: readonly Header[]): string {
  for (const [name, value] of headers) if (/["\\$\n]/.test(name + value)) throw new Error(`The ${name} header cannot be written for nginx: ${value}`);
  return (
    [
      '# Security headers (made by Loa from the pages it built). Include inside every location that serves the site.',
      ...headers.map(([name, value]) => `add_header ${name} "${value}" always;`),
    ].join('\n') + '\n'
  );
}

/** The longest line Cloudflare Pages reads from `_headers` (its documented limit). */
export const CLOUDFLARE_LINE_LIMIT = 2000;

/** Warnings for headers whose `_headers` line is too long for Cloudflare Pages: the build prints them, as the site still works elsewhere. */
export function headerWarnings(headers: readonly Header[]): string[] {
  return headers
    .filter((header) => headerLine(header).length > CLOUDFLARE_LINE_LIMIT)
    .map(
      (header) =>
        `The ${header[0]} line of _headers is ${headerLine(header).length} characters long, more than the ${CLOUDFLARE_LINE_LIMIT} Cloudflare Pages reads: there, send the header another way (a Worker, Cloudflare's transform rules).`,
    );
}
