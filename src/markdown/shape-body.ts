import { posix } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Where a Markdown file sits in the content folder. */
export interface BodyFile {
  /** Path inside content/, e.g. `vi/guides/install-android.md`. */
  path: string;
  kind: 'guides' | 'messages';
}

/** Which platform a `##` heading names, if any: Android, iPhone/iPad/iOS or Web. */
export function platformOfHeading(text: string): 'android' | 'ios' | 'web' | undefined {
  if (/android/i.test(text)) return 'android';
  if (/iphone|ipad|\bios\b/i.test(text)) return 'ios';
  if (/\bweb\b/i.test(text)) return 'web';
  return undefined;
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
  const [file = '', hash] = target.split('#');
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/') || !/\.mdx?$/.test(file)) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(fromPath), decodeURI(file)));
  const [locale, kind, name] = resolved.split('/');
  if (!locale || !kind || !name || resolved.split('/').length !== 3) return undefined;
  const slug = name.replace(/\.mdx?$/, '');
  const fromLocale = fromPath.split('/')[0];
  const href = locale === fromLocale ? `../../${kind}/${slug}/` : `../../../${locale}/${kind}/${slug}/`;
  return hash ? `${href}#${hash}` : href;
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/**
 * What a body's first image gets: loaded at once, and shown with the page in search results.
 * Astro writes image attributes as named here, so these are spelled as in HTML.
 */
export const FIRST_IMAGE = { loading: 'eager', 'data-pagefind-meta': 'image[src], image_alt[alt]' } as const;

/** Step `n`'s anchor (`step-3`, or `android-step-3` in a platform section) and the link showing its number. */
export function stepNumber(platform: string | undefined, n: number): { id: string; link: Element } {
  const id = platform ? `${platform}-step-${n}` : `step-${n}`;
  return { id, link: { type: 'element', tagName: 'a', properties: { className: ['step-number'], href: `#${id}` }, children: [{ type: 'text', value: String(n) }] } };
}

/**
 * Shapes a rendered body: numbers guide steps with stable anchors (`#step-3`, or
 * `#android-step-3` inside a platform section), wraps platform sections in `<section>`,
 * rewrites links to other pages, and loads the first image eagerly. Returns new nodes.
 */
export function shapeBody(root: Root, file: BodyFile): Root {
  const children: RootContent[] = JSON.parse(JSON.stringify(root.children));
  walk(children, (el) => {
    if (el.tagName === 'a' && typeof el.properties.href === 'string') {
      const href = pageLink(file.path, el.properties.href);
      if (href) el.properties.href = href;
    }
  });
  const firstImage = find(children, (el) => el.tagName === 'img');
  if (firstImage) Object.assign(firstImage.properties, FIRST_IMAGE);
  if (file.kind !== 'guides') return { type: 'root', children };

  const out: RootContent[] = [];
  let section: Element | undefined;
  const counters = new Map<string, number>();
  for (const node of children) {
    if (isElement(node) && node.tagName === 'h2') {
      const platform = platformOfHeading(textOf(node));
      if (platform) {
        node.properties.id = platform;
        section = { type: 'element', tagName: 'section', properties: { className: ['platform'], dataPlatform: platform }, children: [] };
        out.push(section);
      } else section = undefined;
    }
    if (isElement(node) && node.tagName === 'ol') numberSteps(node, section?.properties.dataPlatform as string | undefined, counters);
    if (section) section.children.push(node as ElementContent);
    else out.push(node);
  }
  return { type: 'root', children: out };
}

function numberSteps(list: Element, platform: string | undefined, counters: Map<string, number>): void {
  const key = platform ?? '';
  const start = counters.get(key) ?? 0;
  list.properties.className = ['steps'];
  if (start > 0) list.properties.start = start + 1;
  let n = start;
  for (const item of list.children) {
    if (!isElement(item) || item.tagName !== 'li') continue;
    n += 1;
    const { id, link } = stepNumber(platform, n);
    item.properties.id = id;
    item.properties.className = ['step'];
    item.children.unshift(link);
  }
  counters.set(key, n);
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

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

/** The platforms whose `##` sections a guide body has, in order. */
export function platformSections(markdown: string): string[] {
  const found: string[] = [];
  for (const match of markdown.matchAll(/^##\s+(.+)$/gm)) {
    const platform = platformOfHeading(match[1]!);
    if (platform && !found.includes(platform)) found.push(platform);
  }
  return found;
}
