import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The headers a built site's `_headers` file gives every path (Loa writes a rule for the base
 * path and below, then one for its service worker alone), read as Netlify and Cloudflare Pages
 * read it: name → value, of the first rule.
 */
export function siteHeaders(dir: string): Record<string, string> {
  const lines = readFileSync(join(dir, '_headers'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const rules = lines.filter((line) => !/^\s/.test(line));
  if (rules.length !== 2 || !rules[0]!.endsWith('*') || !rules[1]!.endsWith('sw.js'))
    throw new Error(`_headers has rules ${rules.join(', ')}, expected one for every path and one for sw.js:\n${lines.join('\n')}`);
  return Object.fromEntries(
    lines.slice(1, lines.indexOf(rules[1]!)).map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}
