import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { satteri } from '@astrojs/markdown-satteri';
import type { HastVisitorContext } from 'satteri';
import { imageFacts } from '../model/image-facts.ts';
import { screenshotSize } from './screenshot-size.ts';
import { bodyFileOf, shapeBody } from './shape-body.ts';
import { decodeTarget, isContentPath } from './targets.ts';

/**
 * The Sätteri hast plugin that shapes guide and message bodies compiled by Astro, that is MDX
 * ones (Markdown bodies are shaped by readBody): the same shapeBody on the tree Astro parsed.
 */
export function loaBodyPlugin(factory: { fileURL: URL | undefined }) {
  const file = factory.fileURL ? bodyFileOf(fileURLToPath(factory.fileURL)) : undefined;
  if (!file) return null;
  const folder = dirname(fileURLToPath(factory.fileURL!));
  return {
    name: 'loa-body',
    before(root: Readonly<Root>, ctx: HastVisitorContext) {
      // Sätteri hands over a read-only view of its tree; shapeBody works on a copy of its own.
      ctx.replaceNode(root, sizeImages(shapeBody(JSON.parse(JSON.stringify(root)) as Root, file), folder));
    },
  };
}

/**
 * Gives each image in the content folder the size it is shown at and the widths of its copies,
 * as renderBody does for Markdown bodies (see screenshotSize): Astro's Image component, which
 * shows an MDX body's images, takes them as properties. Only the files' headers are read.
 */
function sizeImages(root: Root, folder: string): Root {
  const images: { el: Element; path: string }[] = [];
  const visit = (node: RootContent | ElementContent): void => {
    if (node.type !== 'element') return;
    const src = node.properties.src;
    if (node.tagName === 'img' && typeof src === 'string' && isContentPath(decodeTarget(src))) {
      const path = join(folder, decodeTarget(src));
      if (existsSync(path)) images.push({ el: node, path });
    }
    node.children.forEach(visit);
  };
  root.children.forEach(visit);
  if (images.length === 0) return root;
  const facts = imageFacts(
    images.map((i) => i.path),
    { maxBytes: 0, maxPixels: 0 },
  );
  for (const { el, path } of images) {
    const { format, width, height } = facts.get(path) ?? {};
    if (!format || format === 'svg' || !width || !height) continue;
    // MDX turns a `widths` property into Image's list by splitting its text at spaces (Sätteri's
    // image-to-component), so the widths go as text: the same 1×, 2× and 3× copies as Markdown's.
    const { widths, ...size } = screenshotSize(width, height);
    Object.assign(el.properties, size, { widths: widths.join(' ') });
  }
  return root;
}

/** How MDX bodies are turned into HTML by Astro: Sätteri, shaped by `loaBodyPlugin`. */
export const bodyMarkdown = satteri({ hastPlugins: [loaBodyPlugin] });
