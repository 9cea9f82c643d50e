import { nginxHeaders } from '../build/host-headers.ts';
import type { Header } from '../build/security-headers.ts';
import { adminContentSecurityPolicy } from './security-policy.ts';

/** The headers of the editor's files (admin/): its own policy (see adminContentSecurityPolicy), the site's other two. */
export function adminHeaders(connect: readonly string[] = []): Header[] {
  return [
    ['Content-Security-Policy', adminContentSecurityPolicy(connect)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
  ];
}

/**
 * A rule to append to `_headers` after the site's: Netlify serves a path the value of a header
 * from the last rule that matches it, so the editor's policy replaces the site's for admin/ only.
 * Cloudflare Pages joins both policies instead (a browser then enforces both, and the editor
 * shows without its styles: not less safe, but unusable); there the rule needs a line
 * `! Content-Security-Policy` first, which Netlify does not read.
 */
export function adminNetlifyRule(base: string, headers: readonly Header[] = adminHeaders()): string {
  return (
    [
      "# The web editor (src/admin/): its own Content-Security-Policy, replacing the site's.",
      `${base}admin/*`,
      ...headers.map(([name, value]) => `  ${name}: ${value}`),
    ].join('\n') + '\n'
  );
}

/** The editor's headers for nginx, to include in a `location <base>admin/` block of their own (nginx keeps a block's headers apart). */
export function adminNginxHeaders(headers: readonly Header[] = adminHeaders()): string {
  return nginxHeaders(headers);
}
