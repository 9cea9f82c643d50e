import type { Root } from 'hast';
import type { BodyIssue } from './body-issue.ts';
import { rawHtmlIssues } from './html-policy.ts';
import { mdxIssues } from './mdx-policy.ts';
import type { BodyFile } from './shape-body.ts';
import type { Step } from './steps.ts';

/**
 * What a body may not contain, found in its one parse: raw HTML beyond harmless formatting
 * (html-policy.ts), MDX that would run code (mdx-policy.ts), and a guide without numbered
 * steps. Links and images are judged against the whole site later (check-refs.ts).
 */
export function bodyIssues(root: Root, file: BodyFile, steps: readonly Step[]): BodyIssue[] {
  const issues = file.path.endsWith('.mdx') ? mdxIssues(root) : rawHtmlIssues(root);
  if (file.kind === 'guides' && steps.length === 0)
    issues.push({
      line: root.children.find((node) => node.position)?.position?.start.line ?? 1,
      field: 'steps',
      message:
        'a guide needs numbered steps, and this one has none; write each step as an item of a numbered list: "1. Open the app." on a line of its own, then "2. …"',
    });
  return issues;
}
