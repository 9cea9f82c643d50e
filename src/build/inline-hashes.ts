import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { builtFileFacts, builtPages } from './built-file-facts.ts';

/** The inline code of a site's pages that its Content-Security-Policy allows, as CSP hash sources (`'sha256-…'`), sorted. */
export interface InlineHashes {
  /** `<script>` elements without `src`. */
  scripts: string[];
  /** `<style>` elements. */
  styles: string[];
  /** `style="…"` attributes. */
  styleAttributes: string[];
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (el: T.Element) =>
  el.childNodes
    .filter((n): n is T.TextNode => n.nodeName === '#text')
    .map((n) => n.value)
    .join('');
// Only these `type`s run as script; any other (JSON data, say) is never run, so needs no hash.
const RUNS = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * Collects the inline scripts and styles of one page, as a browser reads them. What is inside a
 * guide's or message's body (`<div class="body">`) is left out: the body is the editors' content,
 * which may carry no code (see src/markdown/), so if some ever got through, the policy built from
 * these hashes would still keep it from running.
 */
export function collectInlineCode(html: string, into: { scripts: Set<string>; styles: Set<string>; styleAttributes: Set<string> }): void {
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'div' && attr(child, 'class')?.split(/\s+/).includes('body')) continue;
      const style = attr(child, 'style');
      if (style !== undefined) into.styleAttributes.add(hash(style));
      if (child.tagName === 'script' && attr(child, 'src') === undefined && RUNS.has((attr(child, 'type') ?? '').trim().toLowerCase()))
        into.scripts.add(hash(textOf(child)));
      if (child.tagName === 'style') into.styles.add(hash(textOf(child)));
      walk(child.tagName === 'template' ? (child as T.Template).content : child);
    }
  };
  walk(parse(html));
}

// The inline code of a page as plain text finds it, only to tell pages apart (see siteInlineHashes).
const INLINE_CODE = /<script\b[^>]*>[\s\S]*?<\/script|<style\b[^>]*>[\s\S]*?<\/style|\sstyle\s*=\s*(?:"[^"]*"|'[^']*')/gi;

/**
 * The hashes of the inline code of every page (`.html` file) of a built site. The policy is one
 * for the whole site, and its thousands of pages carry a few dozen different sets of inline code:
 * a page is read as a browser reads it (collectInlineCode) only when its inline code, found as
 * plain text, differs from every page read before, which keeps this from costing seconds. Given a
 * file to keep them in (`memoFile`), what was found in each page is kept for the next build, which
 * then reads only the pages it wrote anew (see builtFileFacts). `files` are the site's pages, when listed already.
 */
export function siteInlineHashes(dir: string, memoFile?: string, files = builtPages(dir)): InlineHashes {
  // Pages with the same inline code share one object, which the memo then stores once.
  const bySignature = new Map<string, InlineHashes>();
  const read = (html: string): InlineHashes => {
    const signature = (html.match(INLINE_CODE) ?? []).join('\0');
    let code = bySignature.get(signature);
    if (!code) {
      const found = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
      collectInlineCode(html, found);
      code = { scripts: [...found.scripts], styles: [...found.styles], styleAttributes: [...found.styleAttributes] };
      bySignature.set(signature, code);
    }
    return code;
  };
  const codes = memoFile ? builtFileFacts(dir, files, memoFile, read) : files.map((file) => read(readFileSync(join(dir, file), 'utf8')));
  const all = new Set(codes.values());
  const union = (pick: (code: InlineHashes) => string[]) => [...new Set([...all].flatMap(pick))].sort();
  return { scripts: union((c) => c.scripts), styles: union((c) => c.styles), styleAttributes: union((c) => c.styleAttributes) };
}
