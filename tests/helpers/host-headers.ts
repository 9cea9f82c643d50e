import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The headers a built site's `_headers` file gives every path (Loa writes one rule, for the base
 * path and below), read as Netlify and Cloudflare Pages read it: name → value.
 */
export function siteHeaders(dir: string): Record<string, string> {
  const lines = readFileSync(join(dir, '_headers'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const rules = lines.filter((line) => !/^\s/.test(line));
  if (rules.length !== 1) throw new Error(`_headers has ${rules.length} rules, expected one:\n${lines.join('\n')}`);
  return Object.fromEntries(
    lines
      .filter((line) => /^\s/.test(line))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}
