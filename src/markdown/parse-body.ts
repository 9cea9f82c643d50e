import type { Root } from 'hast';
import { markdownToHast, mdxToHast } from 'satteri';

/**
 * Sätteri's features for bodies, as Astro's Markdown processor sets them by default (GFM,
 * smart punctuation): what is read from a body is what its page shows.
 */
export const BODY_FEATURES = { gfm: true, smartPunctuation: true };

/**
 * A body as a hast tree with source lines: the one parse of a body, from which its steps, links,
 * images, plain text and (for Markdown) its HTML all come. MDX is parsed as MDX and never run.
 * Throws on MDX that does not parse, with `line:column:` at the start of the message.
 */
export function parseBody(source: string, format: 'md' | 'mdx'): Root {
  const options = { position: true, features: BODY_FEATURES };
  return (format === 'mdx' ? mdxToHast(source, options) : markdownToHast(source, options)) as Root;
}
