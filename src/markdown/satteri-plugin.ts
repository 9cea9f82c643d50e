import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { satteri } from '@astrojs/markdown-satteri';
import type { HastVisitorContext } from 'satteri';
import { bodyFileOf, shapeBody } from './shape-body.ts';

/**
 * The Sätteri hast plugin that shapes guide and message bodies compiled by Astro, that is MDX
 * ones (Markdown bodies are shaped by readBody): the same shapeBody on the tree Astro parsed.
 */
export function loaBodyPlugin(factory: { fileURL: URL | undefined }) {
  const file = factory.fileURL ? bodyFileOf(fileURLToPath(factory.fileURL)) : undefined;
  if (!file) return null;
  return {
    name: 'loa-body',
    before(root: Readonly<Root>, ctx: HastVisitorContext) {
      // Sätteri hands over a read-only view of its tree; shapeBody works on a copy of its own.
      ctx.replaceNode(root, shapeBody(JSON.parse(JSON.stringify(root)) as Root, file));
    },
  };
}

/** How MDX bodies are turned into HTML by Astro: Sätteri, shaped by `loaBodyPlugin`. */
export const bodyMarkdown = satteri({ hastPlugins: [loaBodyPlugin] });
