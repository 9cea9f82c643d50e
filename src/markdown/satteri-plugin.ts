import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { satteri } from '@astrojs/markdown-satteri';
import { bodyFileOf, shapeBody } from './shape-body.ts';

/** The Sätteri hast plugin that shapes guide and message bodies (see `shapeBody`). */
export function loaBodyPlugin(factory: { fileURL: URL | undefined }) {
  const file = factory.fileURL ? bodyFileOf(fileURLToPath(factory.fileURL)) : undefined;
  if (!file) return null;
  return {
    name: 'loa-body',
    before(root: Readonly<Root>, ctx: { replaceNode(node: unknown, replacement: unknown): void }) {
      ctx.replaceNode(root, shapeBody(root as Root, file));
    },
  };
}

/** How guide and message bodies are turned into HTML: Markdown by Sätteri, shaped by `loaBodyPlugin`. */
export const bodyMarkdown = satteri({ hastPlugins: [loaBodyPlugin] });
