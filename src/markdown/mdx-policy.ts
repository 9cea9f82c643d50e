import type { ElementContent, Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import type { BodyIssue } from './body-issue.ts';
import { refusedAttribute, refusedElement } from './html-allow-list.ts';

type Node = RootContent | ElementContent;
type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/** An expression that is only a comment, `{/* … *\/}`: MDX's way to leave a note, which runs nothing. */
const ONLY_A_COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

/**
 * What an MDX body may not contain, each at its line. MDX is compiled into code that runs when
 * the site is built, so a body may be Markdown plus the HTML elements of the allow-list
 * (html-allow-list.ts) with plain text attributes, and nothing else: no `import`/`export` (they
 * can run any program), no `{expressions}` (they can read the environment and the file system),
 * no components. The check refuses such a file before Astro ever compiles it.
 */
export function mdxIssues(root: Root): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const at = (node: Node) => node.position?.start.line;
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        issues.push({
          line: at(node),
          field: 'mdx',
          message: `import and export are not allowed: they would run code when the site is built; remove "${firstLine(node.value)}"`,
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!ONLY_A_COMMENT.test(node.value))
          issues.push({
            line: at(node),
            field: 'mdx',
            message: `{${firstLine(node.value)}} is not allowed: an expression runs code when the site is built (it could read secrets or files); write the text itself`,
          });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        issues.push(...jsxIssues(node));
        node.children.forEach(visit);
        return;
      case 'element':
        node.children.forEach(visit);
        return;
      default:
        return;
    }
  };
  root.children.forEach(visit);
  return issues;
}

/** What is refused in one JSX element: a component or an element off the list, expression or spread attributes. */
function jsxIssues(node: JsxElement): BodyIssue[] {
  const line = node.position?.start.line;
  if (node.name === null) return [{ line, field: 'mdx', message: 'a fragment <>…</> is not allowed; write the text without it' }];
  if (!/^[a-z][a-z0-9]*$/.test(node.name))
    return [
      { line, field: 'mdx', message: `<${node.name}> is a component, and components are not allowed: they run code; use Markdown or plain HTML elements` },
    ];
  const refused = refusedElement(node.name);
  if (refused) return [{ line, field: 'mdx', message: refused }];
  const issues: BodyIssue[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push({ line, field: 'mdx', message: `{${attribute.value}} on <${node.name}> is not allowed: an expression runs code; remove it` });
      continue;
    }
    const why = refusedAttribute(node.name, attribute.name);
    if (why) issues.push({ line, field: 'mdx', message: why });
    else if (attribute.value !== null && typeof attribute.value === 'object')
      issues.push({
        line,
        field: 'mdx',
        message: `${attribute.name}={${attribute.value.value}} on <${node.name}> is not allowed: an expression runs code; write the value in quotes`,
      });
  }
  return issues;
}

function firstLine(code: string): string {
  const line = code.trim().split('\n')[0]!;
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}
