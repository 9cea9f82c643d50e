import { pagePath } from '../lib/urls.ts';

/**
 * The starts of a site's short-link paths: `/p/` as the site writes them and `/P/` as QR codes
 * encode them (see src/posters/short-links.ts), each under the base path (`/campaign/p/`).
 */
export function shortLinkPrefixes(base: string): string[] {
  const lower = pagePath(base, 'p');
  return [lower, lower.slice(0, -2) + 'P/'];
}

/** What a code may look like in a path worth listing as unknown: letters and digits, as poster codes are, or near enough. */
const CODE_LIKE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The code a requested path is a short link of (`/p/k7m/`, `/P/K7M`, `/p/k7m/?utm_source=x`,
 * under the base path), in lower case as codes are written, or undefined when the path is not a
 * short link. Other paths under `/p/` (`/p/k7m/index.html`, `/p/wp-login.php`) are not.
 */
export function shortLinkCode(path: string, prefixes: readonly string[]): string | undefined {
  const prefix = prefixes.find((p) => path.startsWith(p));
  if (!prefix) return undefined;
  let end = path.length;
  const query = path.indexOf('?');
  if (query >= 0) end = query;
  const hash = path.indexOf('#');
  if (hash >= 0 && hash < end) end = hash;
  let code = path.slice(prefix.length, end);
  if (code.endsWith('/')) code = code.slice(0, -1);
  return CODE_LIKE.test(code) ? code.toLowerCase() : undefined;
}
