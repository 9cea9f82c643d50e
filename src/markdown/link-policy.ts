import { posix } from 'node:path';
import { decodeTarget, isPageFileLink } from './targets.ts';

/** What a link in a body is, as the content check judges it (see classifyLink). */
export type LinkClass =
  /** A link to another page's Markdown file, `../guides/x.md#step-2`: followed by the check, rewritten by the build. */
  | { type: 'page-file'; file: string; hash?: string }
  /** An anchor on the same page, `#step-2`. */
  | { type: 'fragment'; id: string }
  /**
   * A path of this site written as an address: root-absolute (`/vi/guides/x/`, with or without
   * the base path), the site's own `https://` address, or a relative URL (`../x/`), given
   * below the base without its leading slash (`vi/guides/x/`).
   */
  | { type: 'site-path'; path: string; hash?: string; spelling: 'root' | 'own-address' | 'relative' }
  /** An address elsewhere that a page may link to: `https:`, `mailto:`, `tel:`. */
  | { type: 'external' }
  | { type: 'refused'; message: string };

/** Where a body is: its file inside content/ (`vi/guides/x.md`), and the site's address and base path. */
export interface LinkContext {
  path: string;
  site: string;
  base: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Sorts a link written in a body into what a page may link to and what it may not. Links may
 * be relative, `https:`, `mailto:` or `tel:`; any other scheme (`javascript:`, `data:`, `http:`,
 * `file:`…) and protocol-relative `//host` links are refused. Addresses of this site are given
 * as site paths, for the check to turn into the Markdown file to link instead.
 */
export function classifyLink(href: string, where: LinkContext): LinkClass {
  // As a browser reads an address: tabs and line breaks inside it and spaces around it do not count.
  const written = trimControls(decodeTarget(href).replace(/[\t\n\r]/g, ''));
  if (written.startsWith('#')) return { type: 'fragment', id: written.slice(1) };
  const scheme = SCHEME.exec(written)?.[1]!.toLowerCase();
  if (scheme === 'mailto' || scheme === 'tel') return { type: 'external' };
  if (scheme === 'https' || scheme === 'http') {
    const own = ownPath(written, where);
    if (own !== undefined) return { type: 'site-path', ...own, spelling: 'own-address' };
    if (scheme === 'https') return { type: 'external' };
    return { type: 'refused', message: `links to ${written}, an http: address that readers' browsers may warn about or block; write it with https://` };
  }
  if (scheme)
    return {
      type: 'refused',
      message: `links to a ${scheme}: address, which a page may not have (it could run script or open a file); a link may be relative, https:, mailto: or tel:`,
    };
  if (/^[\\/]{2}/.test(written))
    return {
      type: 'refused',
      message: `links to ${written}, an address without https: that leads to another site; write it as https:${written.replace(/\\/g, '/')}`,
    };
  if (written.startsWith('/') || written.startsWith('\\')) {
    const { pathname, hash } = new URL(written, 'https://site.invalid');
    return { type: 'site-path', path: belowBase(pathname, where.base), ...(hash ? { hash: hash.slice(1) } : {}), spelling: 'root' };
  }
  if (isPageFileLink(written)) {
    const [file = '', hash] = written.split('#');
    return { type: 'page-file', file, ...(hash ? { hash } : {}) };
  }
  // A relative address, as a reader's browser resolves it from the page this body is on.
  const page = `https://site.invalid/${where.path.replace(/\.mdx?$/, '/')}`;
  const { pathname, hash } = new URL(written, page);
  return { type: 'site-path', path: pathname.slice(1), ...(hash ? { hash: hash.slice(1) } : {}), spelling: 'relative' };
}

/** An address without the control characters and spaces a browser strips from its ends. */
function trimControls(address: string): string {
  let start = 0;
  let end = address.length;
  while (start < end && address.charCodeAt(start) <= 0x20) start++;
  while (end > start && address.charCodeAt(end - 1) <= 0x20) end--;
  return address.slice(start, end);
}

/** The path below the base of an address of this site itself (its own origin), if it is one. */
function ownPath(address: string, where: LinkContext): { path: string; hash?: string } | undefined {
  let url: URL;
  let site: URL;
  try {
    url = new URL(address);
    site = new URL(where.site);
  } catch {
    return undefined;
  }
  if (url.host !== site.host) return undefined;
  return { path: belowBase(url.pathname, where.base), ...(url.hash ? { hash: url.hash.slice(1) } : {}) };
}

/** A path from the site's root, below the base path when it starts with it: `/c/vi/x/` → `vi/x/`. */
function belowBase(pathname: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.slice(1)).replace(/^\/+/, '');
}

/** A page of the site named by a site path (`vi/guides/x/`, `vi/guides/x`), when it names one of the given kinds. */
export function pageOfPath(path: string, kinds: readonly string[]): { locale: string; kind: string; slug: string } | undefined {
  const match = /^([^/]+)\/([^/]+)\/([^/]+?)(?:\/|\/index\.html|\.html)?$/.exec(path);
  if (!match || !kinds.includes(match[2]!)) return undefined;
  return { locale: match[1]!, kind: match[2]!, slug: match[3]! };
}

/** How a body in `from` (`vi/guides/x.md`) links to a page's Markdown file: `./y.md`, `../messages/m.md`, `../../en/guides/y.md`. */
export function pageFileLink(from: string, locale: string, kind: string, slug: string, ext = 'md', hash?: string): string {
  const relative = posix.relative(posix.dirname(from), `${locale}/${kind}/${slug}.${ext}`);
  const link = relative.startsWith('.') ? relative : `./${relative}`;
  return hash ? `${link}#${hash}` : link;
}

/** How a body in `from` reaches a site path relatively, from the page it is on: `vi/search/` → `../../../vi/search/`. */
export function relativeSitePath(from: string, path: string): string {
  const depth = from.split('/').length; // locale/kind/slug.md: the page is locale/kind/slug/
  return '../'.repeat(depth) + path;
}

/** A step's anchor: `step-3`, `android-step-3`. Other anchors (headings) are not checked. */
export const STEP_ANCHOR = /^(?:[a-z]+-)?step-\d+$/;
