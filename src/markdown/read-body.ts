import type { Platform } from '../model/schemas.ts';
import { bodyHtml } from './body-html.ts';
import type { BodyIssue } from './body-issue.ts';
import { bodyIssues } from './body-policy.ts';
import { bodyRefs, type BodyRef } from './body-refs.ts';
import { parseBody } from './parse-body.ts';
import { plainText } from './plain-text.ts';
import { shapeBody, type BodyFile } from './shape-body.ts';
import { platformsOf, stepsOf, type Step } from './steps.ts';

/** Everything the site needs from a body, read from its one parse. */
export interface ParsedBody {
  /** The page's HTML for a Markdown body (MDX is compiled by Astro, see EntryBody.astro). */
  html?: string;
  /** The platforms whose `##` sections a guide has, in order. */
  platforms: Platform[];
  /** A guide's steps, every platform's (see readerSteps for one reader's). */
  steps: Step[];
  /** Links and images, for the content check. */
  refs: BodyRef[];
  /** Plain text for reading aloud. */
  text: string;
  /** What the body may not contain, at its lines (see bodyIssues); the check reports them. */
  issues: BodyIssue[];
}

/**
 * Parses a body once and reads from that tree its steps, platform sections, links, images and
 * plain text and what it may not contain, then shapes it (see shapeBody) and writes its HTML.
 * Throws when an MDX body does not parse (see parseBody).
 */
export function readBody(source: string, file: BodyFile): ParsedBody {
  const mdx = file.path.endsWith('.mdx');
  const root = parseBody(source, mdx ? 'mdx' : 'md');
  const guide = file.kind === 'guides';
  const steps = guide ? stepsOf(root) : [];
  const parsed: ParsedBody = {
    platforms: guide ? platformsOf(root) : [],
    steps,
    refs: bodyRefs(root),
    text: plainText(root),
    issues: bodyIssues(source, root, file, steps),
  };
  if (!mdx) parsed.html = bodyHtml(shapeBody(root, file));
  return parsed;
}
