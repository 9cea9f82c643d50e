import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Poster } from './load-posters.ts';
import { absoluteUrl, normalizeBase, pagePath } from '../lib/urls.ts';
import type { Redirect } from '../build/host-redirects.ts';
import type { QrMode } from './qr.ts';

/** The characters of the QR alphanumeric mode. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * True when the short links are also served in capitals (`/P/K7M/`), so that codes can encode
 * them in the QR alphanumeric mode: only at the domain's root, since under a base path the
 * capital path (`/CAMPAIGN/P/K7M/`) would lie outside the site.
 */
export function capitalLinks(base: string): boolean {
  return normalizeBase(base) === '/';
}

/**
 * What a poster's QR code encodes: its short link in capitals (`HTTPS://LOA.EXAMPLE.ORG/P/K7M/`),
 * which the alphanumeric mode packs into fewer modules than the byte mode (phones lower-case the
 * scheme and host and keep the path, which the host serves in capitals too), or, under a base path,
 * the short link as written (`https://loa.example.org/campaign/p/k7m/`), in byte mode.
 */
export function codeLink(site: string, base: string, code: string): { text: string; mode: QrMode } {
  const link = absoluteUrl(site, pagePath(base, 'p', code));
  const capitals = link.toUpperCase();
  return capitalLinks(base) && ALPHANUMERIC.test(capitals) ? { text: capitals, mode: 'alphanumeric' } : { text: link, mode: 'byte' };
}

/** The site path of a short link in capitals, as codes encode it: `/P/K7M/`. */
export function capitalPath(code: string): string {
  return `/P/${code.toUpperCase()}/`;
}

/** The redirects of the active posters' short links, with and without the trailing slash. */
export function shortLinkRedirects(posters: readonly Poster[], base: string): Redirect[] {
  return activeRedirects(posters, base, (p) => pagePath(base, 'p', p.code));
}

/**
 * The same redirects from the short links in capitals that codes encode (`/P/K7M/`), at the
 * domain's root, for hosts whose rules tell case apart (Cloudflare Pages; Netlify lower-cases
 * paths anyway). Not for nginx: its `map` matches strings whatever their case, so the lower-case
 * entries answer these too, and it refuses a second entry that differs only in case.
 */
export function capitalShortLinkRedirects(posters: readonly Poster[], base: string): Redirect[] {
  return capitalLinks(base) ? activeRedirects(posters, base, (p) => capitalPath(p.code)) : [];
}

function activeRedirects(posters: readonly Poster[], base: string, path: (poster: Poster) => string): Redirect[] {
  return posters
    .filter((p) => p.status === 'active')
    .flatMap((p) => {
      const to = pagePath(base, p.target.locale, p.target.kind, p.target.slug);
      const from = path(p);
      return [
        { from, to },
        { from: from.slice(0, -1), to },
      ];
    });
}

/**
 * Writes each poster's short-link page again at its path in capitals (`P/K7M/index.html`, the
 * same bytes as `p/k7m/index.html`) in a built site at the domain's root, so a static host without
 * redirect rules serves what codes encode. On a case-insensitive file system the two are one
 * file, which is then left as it is. Returns the paths written, relative to `dir`.
 */
export function writeCapitalShortLinks(dir: string, posters: readonly Poster[], base: string): string[] {
  if (!capitalLinks(base)) return [];
  const written: string[] = [];
  for (const poster of posters) {
    const page = readFileSync(join(dir, 'p', poster.code, 'index.html'));
    const folder = join(dir, capitalPath(poster.code));
    const file = join(folder, 'index.html');
    if (existsSync(file) && readFileSync(file).equals(page)) continue;
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, page);
    written.push(join(capitalPath(poster.code), 'index.html').slice(1));
  }
  return written;
}
