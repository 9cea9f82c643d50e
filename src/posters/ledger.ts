import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import { LEDGER_FILE } from './load-posters.ts';

const HEADER = `# Short links that went to print. Never remove an entry: a printed link must keep working.
# \`npm run posters -- --publish CODE…\` adds entries when posters go to print.
`;

/** Adds codes to the ledger of printed short links (keeping its comments); returns the codes it added. */
export function publishCodes(siteDir: string, codes: readonly string[], date: string): string[] {
  const path = join(siteDir, LEDGER_FILE);
  const doc: Document = parseDocument(existsSync(path) ? readFileSync(path, 'utf8') : HEADER);
  if (!isSeq(doc.contents)) doc.contents = new YAMLSeq();
  const list = doc.contents;
  const present = new Set((list.toJSON() as { code: string }[]).map((entry) => entry.code));
  const added = codes.filter((code, i) => !present.has(code) && codes.indexOf(code) === i);
  for (const code of added) list.add(doc.createNode({ code, date }));
  writeFileSync(path, doc.toString());
  return added;
}
