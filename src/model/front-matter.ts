import { LineCounter, parseDocument, isCollection, isNode, visit, type Document } from 'yaml';

/** A YAML document with a way to find the line of any field in the original file. */
export interface ParsedYaml {
  data: unknown;
  /** Line (1-based, in the whole file) of the value at `path`, or of its nearest parent. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Syntax errors, each with its line in the whole file. */
  errors: { line: number; message: string }[];
}

/**
 * Parses YAML text that starts at `firstLine` of its file, keeping line numbers. With
 * `textOnly`, every value is read as text (so a code such as `2e3` stays "2e3", not 2000).
 */
export function parseYaml(text: string, firstLine = 1, textOnly = false): ParsedYaml {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, schema: textOnly ? 'failsafe' : 'core' });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message:
      error.code === 'MULTIPLE_DOCS' ? 'a --- line starts a second document; expected one document per file' : (error.message.split('\n')[0] ?? error.message),
  }));
  const data = errors.length ? undefined : toData(doc, toLine, errors);
  return {
    data,
    errors,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        // A group or list written below its key: the key's line, where the field is named.
        const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1) as unknown[], true) : doc.contents;
        const keyLine = isCollection(node) && !node.flow ? findPair(parent, path[depth - 1]) : undefined;
        if (keyLine !== undefined) return toLine(keyLine);
        if (isNode(node) && node.range) return toLine(node.range[0]);
        // A key present with an empty value: find the pair's key instead.
        const pair = findPair(parent, path[depth - 1]);
        if (pair) return toLine(pair);
      }
      return isNode(doc.contents) && doc.contents.range ? toLine(doc.contents.range[0]) : firstLine;
    },
  };
}

/** How many times, in all, the values of aliases (`*name`) may be copied: enough for any settings file, far too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The document's value. The yaml library throws (a ReferenceError) on an alias bomb (billion
 * laughs) or an alias without its anchor; these become errors at the line of the first alias, so
 * the editor learns which file and line instead of reading a stack trace.
 */
function toData(doc: Document, toLine: (offset: number) => number, errors: ParsedYaml['errors']): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    let alias: { source: string; offset: number } | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (/Unresolved alias/.test(reason) && !reason.endsWith(`: ${node.source}`)) return undefined;
        alias = { source: node.source, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      },
    });
    const offset = alias?.offset ?? (isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0);
    const message = /Excessive alias count/.test(reason)
      ? `aliases such as *${alias?.source ?? '…'} copy their values too many times (more than ${MAX_ALIAS_COUNT}); write the values out instead`
      : /Unresolved alias/.test(reason)
        ? `alias *${alias?.source ?? '…'} has no anchor &${alias?.source ?? '…'} before it`
        : reason;
    errors.push({ line: toLine(offset), message });
    return undefined;
  }
}

function findPair(parent: unknown, key: PropertyKey | undefined): number | undefined {
  if (!parent || typeof parent !== 'object' || !('items' in parent)) return undefined;
  for (const item of (parent as { items: unknown[] }).items) {
    if (item && typeof item === 'object' && 'key' in item) {
      const k = item.key;
      if (isNode(k) && 'value' in k && k.value === key && k.range) return k.range[0];
    }
  }
  return undefined;
}

/** A Markdown file split into its front matter and body. */
export interface SplitFile {
  /** The YAML between the `---` lines, or undefined when the file has none. */
  yaml?: string;
  /** Line of the file where the YAML starts. */
  yamlLine: number;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** Set when the front matter is opened but never closed. */
  unclosed?: boolean;
}

/** Splits a Markdown source into YAML front matter and body. */
export function splitFrontMatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { yamlLine: 1, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) return { yamlLine: 2, body: '', bodyLine: lines.length + 1, unclosed: true };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** A YAML document written as a front-matter block (between `---` lines), in the style editors write it. */
export function frontMatterBlock(doc: Document): string {
  return `---\n${doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).trimEnd()}\n---\n`;
}
