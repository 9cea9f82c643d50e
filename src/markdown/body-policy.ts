import type { Root } from 'hast';
import type { BodyIssue } from './body-issue.ts';
import { rawHtmlIssues } from './html-policy.ts';
import { mdxIssues } from './mdx-policy.ts';
import type { BodyFile } from './shape-body.ts';
import type { Step } from './steps.ts';
import { bidiControls } from '../model/visible-text.ts';

/**
 * What a body may not contain, found in its one parse: raw HTML beyond harmless formatting
 * (html-policy.ts), MDX that would run code (mdx-policy.ts), bidi controls, and a guide without
 * numbered steps. Links and images are judged against the whole site later (check-refs.ts).
 */
export function bodyIssues(source: string, root: Root, file: BodyFile, steps: readonly Step[]): BodyIssue[] {
  const issues = file.path.endsWith('.mdx') ? mdxIssues(root) : rawHtmlIssues(root);
  issues.push(...bidiIssues(source));
  if (file.kind === 'guides' && steps.length === 0)
    issues.push({
      line: root.children.find((node) => node.position)?.position?.start.line ?? 1,
      field: 'steps',
      message:
        'a guide needs numbered steps, and this one has none; write each step as an item of a numbered list: "1. Open the app." on a line of its own, then "2. …"',
    });
  return issues;
}

/**
 * Bidi embedding, override and isolate controls, refused in a body as in a title: they show a
 * line in another order than it is written (a link or number could read as something else).
 */
function bidiIssues(source: string): BodyIssue[] {
  return source.split('\n').flatMap((text, i) => {
    const found = bidiControls(text);
    return found.length
      ? [{ line: i + 1, field: 'text', message: `${found.join(', ')} is not allowed: it shows the line in another order than it is written; remove it` }]
      : [];
  });
}
