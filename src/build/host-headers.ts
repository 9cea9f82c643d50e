import type { Header } from './security-headers.ts';

/** A `_headers` file for Netlify and Cloudflare Pages: the headers for every path below the base path. */
export function netlifyHeaders(headers: readonly Header[], base: string): string {
  return (
    [
      '# Security headers of every file of the site (made by Loa from the pages it built).',
      `${base}*`,
      ...headers.map(([name, value]) => `  ${name}: ${value}`),
    ].join('\n') + '\n'
  );
}

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
