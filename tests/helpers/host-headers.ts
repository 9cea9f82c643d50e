import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  path: string;
  headers: Record<string, string>;
  /** Headers a `! Name` line removes (Cloudflare Pages' syntax; Netlify skips the line). */
  detached: string[];
}

/** The rules of a built site's `_headers` file, in order. */
export function headerRules(dir: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of readFileSync(join(dir, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {}, detached: [] });
      continue;
    }
    const rule = rules.at(-1)!;
    const at = line.indexOf(':');
    if (at === -1) rule.detached.push(line.trim().replace(/^! /, ''));
    else rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}

/** Whether a rule's path (a `*` at its end matches the rest) covers a request path. */
const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule);

/**
 * The headers a path gets from a built site's `_headers` file, as Netlify applies it: every
 * matching rule in order, a later rule's value of a header replacing an earlier one's.
 */
export function headersFor(dir: string, path: string): Record<string, string> {
  return Object.assign(
    {},
    ...headerRules(dir)
      .filter((rule) => matches(rule.path, path))
      .map((rule) => rule.headers),
  ) as Record<string, string>;
}

/**
 * The headers a path gets from a built site's `_headers` file as Cloudflare Pages applies it:
 * every matching rule in order; a rule first removes the headers its `!` lines name, then adds its
 * own, joining (", ") a value to one an earlier rule set.
 */
export function cloudflareHeadersFor(dir: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of headerRules(dir).filter((r) => matches(r.path, path))) {
    for (const name of rule.detached) delete headers[name];
    for (const [name, value] of Object.entries(rule.headers)) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/**
 * The headers a built site's `_headers` file gives every citizen page (Loa writes a rule for the
 * base path and below, one for its service worker alone and one for the web editor, admin/):
 * name → value, of the first rule.
 */
export function siteHeaders(dir: string): Record<string, string> {
  const rules = headerRules(dir);
  const paths = rules.map((rule) => rule.path);
  if (rules.length !== 3 || !paths[0]!.endsWith('*') || !paths[1]!.endsWith('sw.js') || !paths[2]!.endsWith('admin/*'))
    throw new Error(`_headers has rules ${paths.join(', ')}, expected one for every path, one for sw.js and one for admin/`);
  return rules[0]!.headers;
}
