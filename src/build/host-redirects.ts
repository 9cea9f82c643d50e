/** A permanent redirect from one site path to another. */
export interface Redirect {
  from: string;
  to: string;
}

/** A `_redirects` file for Netlify and Cloudflare Pages: hosts that read it answer with a 301. */
export function netlifyRedirects(redirects: readonly Redirect[]): string {
  return (
    [
      '# Printed short links and old addresses of renamed pages (made by Loa): each answers with a permanent redirect.',
      ...redirects.map((r) => `${r.from} ${r.to} 301`),
    ].join('\n') + '\n'
  );
}

/**
 * Lines for an nginx `map`, to include in the server's configuration. nginx matches its strings
 * whatever their case, so `/p/k7m/` also answers `/P/K7M/`, and refuses two that differ only in
 * case: give it no capital copies of short links.
 *
 *     map $uri $loa_redirect { include /path/to/dist/nginx-redirects.map; }
 *     server { … if ($loa_redirect) { return 301 $loa_redirect; } … }
 */
export function nginxMap(redirects: readonly Redirect[]): string {
  return (
    [
      '# Printed short links and old addresses of renamed pages (made by Loa). Include inside: map $uri $loa_redirect { … }',
      ...redirects.map((r) => `${r.from} ${r.to};`),
    ].join('\n') + '\n'
  );
}
