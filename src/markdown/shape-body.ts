import { posix } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { keepTogether, NOWRAP_CLASS } from '../lib/keep-together.ts';
import { inSections, stepItems } from './steps.ts';
import { decodeTarget, isPageFileLink } from './targets.ts';

/** Where a Markdown file sits in the content folder. */
export interface BodyFile {
  /** Path inside content/, e.g. `vi/guides/install-android.md`. */
  path: string;
  kind: 'guides' | 'messages';
}

/** Reads where a file sits from its path, or undefined when it is not a guide or message in content/. */
export function bodyFileOf(absolutePath: string): BodyFile | undefined {
  const match = /[\\/]content[\\/]([^\\/]+[\\/](guides|messages)[\\/][^\\/]+\.mdx?)$/.exec(absolutePath);
  if (!match) return undefined;
  return { path: match[1]!.replace(/\\/g, '/'), kind: match[2] as BodyFile['kind'] };
}

/**
 * Rewrites a link to another page's Markdown file into a link relative to the page it is shown
 * on, so it works in every locale (fallback pages included) and under any base path.
 */
export function pageLink(fromPath: string, target: string): string | undefined {
  if (!isPageFileLink(target)) return undefined;
  const [file = '', hash] = target.split('#');
  const resolved = posix.normalize(posix.join(posix.dirname(fromPath), decodeTarget(file)));
  const [locale, kind, name] = resolved.split('/');
  if (!locale || !kind || !name || resolved.split('/').length !== 3) return undefined;
  const slug = name.replace(/\.mdx?$/, '');
  const fromLocale = fromPath.split('/')[0];
  const href = locale === fromLocale ? `../../${kind}/${slug}/` : `../../../${locale}/${kind}/${slug}/`;
  return hash ? `${href}#${hash}` : href;
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/**
 * What a body's first image gets: loaded at once and before other images (it is often on the
 * first screen, beside step 1), and shown with the page in search results. The others are lazy.
 * Astro writes image attributes as named here, so these are spelled as in HTML.
 */
export const FIRST_IMAGE = { loading: 'eager', fetchpriority: 'high', 'data-pagefind-meta': 'image[src], image_alt[alt]' } as const;

/** The link showing a step's number, to its own anchor. */
function stepLink(id: string, n: number): Element {
  return { type: 'element', tagName: 'a', properties: { className: ['step-number'], href: `#${id}` }, children: [{ type: 'text', value: String(n) }] };
}

/**
 * Shapes a parsed body, in place: numbers guide steps with stable anchors (`#step-3`, or
 * `#android-step-3` inside a platform section; see stepItems), wraps platform sections in
 * `<section>`, rewrites links to other pages, loads the first image eagerly, and keeps short
 * hyphenated words such as Covid-19 on one line (see keepTogether).
 */
export function shapeBody(root: Root, file: BodyFile): Root {
  keepHyphenatedTogether(root);
  walk(root.children, (el) => {
    if (el.tagName === 'a' && typeof el.properties.href === 'string') {
      const href = pageLink(file.path, el.properties.href);
      if (href) el.properties.href = href;
    }
  });
  const firstImage = find(root.children, (el) => el.tagName === 'img');
  if (firstImage) Object.assign(firstImage.properties, FIRST_IMAGE);
  if (file.kind !== 'guides') return root;

  for (const { list, item, n, id } of [...stepItems(root)]) {
    if (item === list.children.find(isElement)) {
      list.properties.className = ['steps'];
      if (n > 1) list.properties.start = n;
    }
    item.properties.id = id;
    item.properties.className = ['step'];
    // A space after the number, so the step's text reads "2 Enter…" in search excerpts and copies.
    item.children.unshift(stepLink(id, n), { type: 'text', value: ' ' });
  }
  const out: RootContent[] = [];
  let section: Element | undefined;
  for (const { node, platform } of inSections(root.children)) {
    if (isElement(node) && node.tagName === 'h2') {
      section = undefined;
      if (platform) {
        node.properties.id = platform;
        section = { type: 'element', tagName: 'section', properties: { className: ['platform'], dataPlatform: platform }, children: [] };
        out.push(section);
      }
    }
    if (section) section.children.push(node as ElementContent);
    else out.push(node);
  }
  root.children = out;
  return root;
}

/** Elements whose text is code or typed input, written exactly as it is: left alone. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

/** Wraps each hyphen that must not end a line, with the part after it, in a `nowrap` span; the text stays as written. */
function keepHyphenatedTogether(parent: Root | Element): void {
  // Root's children are Element's and a few more, so one list serves both.
  const children: RootContent[] = [];
  for (const node of parent.children) {
    if (node.type === 'element' && !VERBATIM.has(node.tagName)) keepHyphenatedTogether(node);
    if (node.type !== 'text') children.push(node);
    else
      for (const { text, nowrap } of keepTogether(node.value))
        children.push(
          nowrap
            ? { type: 'element', tagName: 'span', properties: { className: [NOWRAP_CLASS] }, children: [{ type: 'text', value: text }] }
            : { type: 'text', value: text },
        );
  }
  (parent as Root).children = children;
}

function walk(nodes: (RootContent | ElementContent)[], visit: (el: Element) => void): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    visit(node);
    walk(node.children, visit);
  }
}

function find(nodes: (RootContent | ElementContent)[], test: (el: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    const inner = find(node.children, test);
    if (inner) return inner;
  }
  return undefined;
}
