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
 * A rule to append to `_headers` after the site's, so that both hosts that read the file send
 * exactly the editor's policy for admin/ and the site's strict one everywhere else. It carries
 * only the policy: the site's rule already gives admin/ its other two headers, the same values.
 * - Netlify gives a path the value of a header from the last rule that matches it (netlify-cli's
 *   headersForPath), and its parser (@netlify/headers-parser) skips a line without a colon, so
 *   it ignores the `!` line.
 * - Cloudflare Pages applies every matching rule in order and joins the values of a header set by
 *   several (a browser would then enforce both policies: the editor without its styles); a line
 *   `! Name` in a rule removes what earlier rules set before that rule adds its own, wherever in
 *   the rule the line stands (workers-sdk's asset server), so the editor's policy stays alone.
 * `connect` is the git host's origins (editorBackend), as in every other form of the policy.
 */
export function adminNetlifyRule(base: string, connect: readonly string[] = []): string {
  const policy = adminContentSecurityPolicy(connect);
  return (
    [
      "# The web editor (admin/): its own Content-Security-Policy instead of the site's. Netlify sends the last matching rule's value (and skips the `!` line); Cloudflare Pages, which would join both, removes the site's (`!` line) before adding this one.",
      `${base}admin/*`,
      `  Content-Security-Policy: ${policy}`,
      '  ! Content-Security-Policy',
    ].join('\n') + '\n'
  );
}

/** The editor's headers for nginx, to include in a `location <base>admin/` block of their own (nginx keeps a block's headers apart). */
export function adminNginxHeaders(connect: readonly string[] = []): string {
  return nginxHeaders(adminHeaders(connect)).replace(
    /^#.*\n/,
    "# The web editor's headers (made by Loa): include them in the location of admin/ only, the site's elsewhere.\n",
  );
}
