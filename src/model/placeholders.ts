import type { PageKind } from '../kinds/kind.ts';
import type { Problem } from './problems.ts';

/** A body line without its list marker (`1. `, `- `), as compared with the scaffold's. */
const lineText = (line: string) => line.replace(/^\s*(?:\d+[.)]|[-*+])\s+/, '').trim();

/**
 * The placeholder text `npm run new` writes for a kind (see PageKind.starter): its front-matter
 * sentences and its body's lines. Read from the starter itself, so a kind's
 * placeholders and the check cannot drift apart.
 */
export function placeholdersOf(kind: PageKind): { fields: Map<string, string>; lines: Set<string> } {
  const { data, body } = kind.starter([], '2000-01-01');
  const fields = new Map<string, string>();
  // Sentences only (three words or more): a short default such as a guide's app, "The app", may be a real name.
  for (const [name, value] of Object.entries(data)) if (typeof value === 'string' && value.trim().split(/\s+/).length >= 3) fields.set(name, value.trim());
  const lines = new Set(body.split('\n').map(lineText).filter(Boolean));
  return { fields, lines };
}

/** What a page must look like to be checked for placeholders: its kind, file, front matter, body and lines. */
export interface PlaceholderPage {
  file: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

const advice = 'the page can stay a draft (draft: true) until it is written';

/**
 * Placeholder text from `npm run new` left in a page about to be published: each field and body
 * line still as the scaffold wrote it, at its line. A draft may keep it (the caller skips drafts).
 */
export function placeholderProblems(kind: PageKind, page: PlaceholderPage): Problem[] {
  const { fields, lines } = placeholdersOf(kind);
  const problems: Problem[] = [];
  for (const [name, text] of fields)
    if (typeof page.data[name] === 'string' && page.data[name].trim() === text)
      problems.push({
        file: page.file,
        line: page.lineOf?.([name]),
        field: name,
        message: `still the placeholder "${text}" written by npm run new; replace it with the ${kind.noun}'s own text (${advice})`,
      });
  page.body.split('\n').forEach((line, i) => {
    const text = lineText(line);
    if (text && lines.has(text))
      problems.push({
        file: page.file,
        line: page.bodyLine + i,
        field: 'body',
        message: `still the placeholder "${text}" written by npm run new; replace it with the ${kind.noun}'s own text (${advice})`,
      });
  });
  return problems;
}
