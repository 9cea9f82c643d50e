import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, Scalar } from 'yaml';
import { frontMatterBlock, splitFrontMatter } from './front-matter.ts';

/** Sets one text field in a Markdown file's front matter, keeping the rest of the file as it is. */
export function setFrontMatterText(path: string, field: string, value: string): void {
  const split = splitFrontMatter(readFileSync(path, 'utf8'));
  const doc = parseDocument(split.yaml ?? '');
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE; // so a fingerprint such as 1e345678 stays text
  doc.set(field, scalar);
  writeFileSync(path, frontMatterBlock(doc) + split.body);
}
