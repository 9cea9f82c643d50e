import type { ElementContent, Root, RootContent } from 'hast';
import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import type { BodyIssue } from './body-issue.ts';
import { refusedAttribute, refusedElement } from './html-allow-list.ts';

/**
 * The raw HTML of a Markdown body that the allow-list refuses (html-allow-list.ts), each at its
 * line. Sätteri passes raw HTML through as it is written, so every tag in it is read with an HTML
 * tokenizer (parse5, as a browser reads it) and judged: nothing is dropped silently, and what is
 * not refused reaches the page unchanged.
 */
export function rawHtmlIssues(root: Root): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const visit = (node: RootContent | ElementContent): void => {
    if (node.type === 'raw') issues.push(...tagIssues(node.value, node.position?.start.line ?? 1));
    else if (node.type === 'element') node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return issues;
}

/** The refused tags of one piece of raw HTML that starts at `firstLine` of the body. */
function tagIssues(html: string, firstLine: number): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const lineOf = (token: { location: Token.Location | null }) => firstLine + (token.location?.startLine ?? 1) - 1;
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag(token) {
      const refused = refusedElement(token.tagName);
      if (refused) {
        issues.push({ line: lineOf(token), field: 'html', message: refused });
        return;
      }
      for (const attribute of token.attrs) {
        const why = refusedAttribute(token.tagName, attribute.name);
        const at = token.location?.attrs?.[attribute.name];
        if (why) issues.push({ line: at ? lineOf({ location: at }) : lineOf(token), field: 'html', message: why });
      }
    },
    onDoctype(token) {
      issues.push({ line: lineOf(token), field: 'html', message: 'a <!DOCTYPE> is not allowed in a body; remove it' });
    },
    onComment: ignore,
    onEndTag: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html, true);
  return issues;
}
