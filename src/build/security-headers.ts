import type { InlineHashes } from './inline-hashes.ts';

/** A response header: name and value. */
export type Header = readonly [name: string, value: string];

/**
 * The Content-Security-Policy of a site: everything from its own origin only, inline code only
 * by hash (the scripts and styles its pages were built with), images also as `data:` addresses
 * (the favicon), WebAssembly for Pagefind's search. No frame-ancestors: every page may be shown in
 * another site's frame, as the embed cards are meant to be, because one policy has to serve every
 * path on every host, and the pages change nothing for a reader a frame could trick them into.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes.scripts].join(' '),
    ['style-src', "'self'", ...hashes.styles].join(' '),
    hashes.styleAttributes.length ? ['style-src-attr', "'unsafe-hashes'", ...hashes.styleAttributes].join(' ') : "style-src-attr 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The security headers every file of a site is sent with, the one list each host file is written
 * from: the policy above; nosniff, so a file is only ever read as the type it is served as; and
 * a referrer only to the site itself (its language chooser reads it), none to other sites.
 */
export function securityHeaders(hashes: InlineHashes): Header[] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(hashes)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
  ];
}
