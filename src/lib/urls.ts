/** A segment of a base path: letters, digits, `-`, `_`, `.` and `~`, the characters no URL, host file or shell needs to escape. */
const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Why a base path cannot be used, or undefined when it can. Only URL-safe segments between single
 * slashes are allowed, so the same value works unescaped in pages, the search index, redirects and
 * the nginx map: `//evil.example/` would lead links to another site, `/a;b/` breaks nginx.
 */
export function basePathProblem(base: string): string | undefined {
  const inner = base.replace(/^\//, '').replace(/\/$/, '');
  if (inner === '') return undefined;
  for (const segment of inner.split('/')) {
    if (segment === '') return 'an empty segment (two slashes in a row)';
    if (segment === '.' || segment === '..') return `the segment "${segment}"`;
    if (!BASE_SEGMENT.test(segment)) {
      const bad = [...segment].find((c) => !BASE_SEGMENT.test(c))!;
      return `the character ${JSON.stringify(bad)}`;
    }
  }
  return undefined;
}

/**
 * Why a site address cannot be used, or undefined when it can. The address is an origin only
 * (`https://host`, a port allowed): a path in it would be dropped by URL resolution, so printed QR
 * codes and canonical links would point elsewhere; the path belongs in `base`.
 */
export function siteAddressProblem(site: string, allowHttp: boolean): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s\\]+)(.*)$/is.exec(site);
  let url: URL | undefined;
  try {
    url = match ? new URL(site) : undefined;
  } catch {
    url = undefined;
  }
  if (!match || !url || !url.hostname) return 'expected an absolute address such as https://example.org';
  if (url.username || url.password || match[2]!.includes('@')) return 'expected an address without a user name or password, such as https://example.org';
  const scheme = match[1]!.toLowerCase();
  if (scheme !== 'https' && !(allowHttp && scheme === 'http'))
    return scheme === 'http'
      ? 'expected an https:// address (http:// is accepted only for a local preview built with LOA_LOCAL_PREVIEW=1)'
      : 'expected an https:// address such as https://example.org';
  const rest = match[3]!;
  if (rest === '' || rest === '/') return undefined;
  const origin = `${scheme}://${match[2]!}`;
  if (rest.startsWith('/') && !/[?#\s]/.test(rest))
    return `expected the address without a path; the path belongs in the base: write site: ${origin} and base: ${normalizeBase(rest)} (SITE_URL and BASE_PATH when building)`;
  return `expected the address alone, without a path, query or fragment, such as ${origin}`;
}

/** Makes a base path start and end with a slash: `campaign` → `/campaign/`. The one normalisation every consumer of `base` relies on. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The path of a page under the base, with a trailing slash: (`/c/`, `vi`, `guides`) → `/c/vi/guides/`. */
export function pagePath(base: string, ...segments: string[]): string {
  const rest = segments
    .map((s) => s.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return normalizeBase(base) + (rest ? `${rest}/` : '');
}

/** The path of a file under the base, without a trailing slash: (`/c/`, `vi`, `x.txt`) → `/c/vi/x.txt`. */
export function filePath(base: string, ...segments: string[]): string {
  return pagePath(base, ...segments).replace(/\/$/, '');
}

/** An absolute address from the site URL and a path that already includes the base. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, site.endsWith('/') ? site : `${site}/`).href;
}
