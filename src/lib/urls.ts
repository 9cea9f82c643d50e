/** Makes a base path start and end with a slash: `campaign` → `/campaign/`. */
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
