import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { satteri } from '@astrojs/markdown-satteri';
import type { HastVisitorContext } from 'satteri';
import { bodyFileOf, FIRST_IMAGE, pageLink, platformSections, shapeBody, stepNumber } from './shape-body.ts';

/**
 * The Sätteri hast plugin that shapes guide and message bodies (see `shapeBody`). A guide with
 * platform sections has its top-level nodes regrouped, which needs the whole tree in hand; any
 * other body is shaped in place by visitors, to which Sätteri hands only the elements they name,
 * several times faster.
 */
export function loaBodyPlugin(factory: { fileURL: URL | undefined; source: string }) {
  const file = factory.fileURL ? bodyFileOf(fileURLToPath(factory.fileURL)) : undefined;
  if (!file) return null;
  if (file.kind === 'guides' && platformSections(factory.source).length) {
    return {
      name: 'loa-body',
      before(root: Readonly<Root>, ctx: HastVisitorContext) {
        ctx.replaceNode(root, shapeBody(root as Root, file));
      },
    };
  }
  let imageSeen = false;
  let step = 0;
  return {
    name: 'loa-body',
    element: {
      filter: ['a', 'img', 'ol'],
      visit(node: Readonly<Element>, ctx: HastVisitorContext) {
        if (node.tagName === 'a' && typeof node.properties.href === 'string') {
          const href = pageLink(file.path, node.properties.href);
          if (href) ctx.setProperty(node, 'href', href);
        } else if (node.tagName === 'img' && !imageSeen) {
          imageSeen = true;
          for (const [key, value] of Object.entries(FIRST_IMAGE)) ctx.setProperty(node, key, value);
        } else if (node.tagName === 'ol' && file.kind === 'guides' && ctx.parent(node)?.type === 'root') {
          // A guide's top-level lists are its steps, numbered on from one list to the next.
          ctx.setProperty(node, 'className', ['steps']);
          if (step > 0) ctx.setProperty(node, 'start', step + 1);
          for (const item of node.children) {
            if (item.type !== 'element' || item.tagName !== 'li') continue;
            const { id, link } = stepNumber(undefined, ++step);
            ctx.setProperty(item, 'id', id);
            ctx.setProperty(item, 'className', ['step']);
            ctx.prependChild(item, link);
          }
        }
      },
    },
  };
}

/** How guide and message bodies are turned into HTML: Markdown by Sätteri, shaped by `loaBodyPlugin`. */
export const bodyMarkdown = satteri({ hastPlugins: [loaBodyPlugin] });
