import type { ElementContent, Root, RootContent } from 'hast';
import { markdownToHtml, type HastVisitorContext, type MarkdownToHtmlResult } from 'satteri';
import { satteriHeadingIdsPlugin, satteriImageMarkerPlugin } from '@astrojs/markdown-satteri';
import { BODY_FEATURES } from './parse-body.ts';
import { decodeTarget, isContentPath } from './targets.ts';

/**
 * The HTML of a parsed and shaped body, written by Sätteri as Astro's Markdown processor writes
 * it: headings get ids, and local images are marked for astro:assets (see render-body.ts).
 * Sätteri renders only trees it has parsed itself, so the tree is handed to it in place of an
 * empty document's root, the one way its plugin API takes a whole tree.
 */
export function bodyHtml(root: Root): string {
  const astro = { frontmatter: {}, headings: [], localImagePaths: localImages(root), remoteImagePaths: new Set<string>() };
  const useTree = { name: 'loa-tree', before: (empty: Readonly<Root>, ctx: HastVisitorContext) => ctx.replaceNode(empty, root) };
  const plugins = [useTree, satteriImageMarkerPlugin(), satteriHeadingIdsPlugin()];
  // Every plugin here is synchronous, so the result is too.
  return (markdownToHtml('', { features: BODY_FEATURES, hastPlugins: plugins, data: { astro } }) as MarkdownToHtmlResult).html;
}

/** The images of a tree that are files in the content folder, as Astro's image collector lists them. */
function localImages(root: Root): Set<string> {
  const found = new Set<string>();
  const visit = (node: RootContent | ElementContent): void => {
    if (node.type !== 'element') return;
    const src = node.properties.src;
    if (node.tagName === 'img' && typeof src === 'string' && isContentPath(decodeTarget(src))) found.add(decodeTarget(src));
    node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return found;
}
