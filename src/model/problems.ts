/** A problem found in the editors' content: where it is and what was expected. */
export interface Problem {
  /** Path of the file, relative to the site folder (e.g. `content/vi/guides/x.md`). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field or setting concerned, e.g. `platforms[1]`. */
  field?: string;
  /** What is wrong: what was expected and what was found. */
  message: string;
}

/** Renders problems grouped by file, in file and line order, for people to read. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of [...problems].sort(compareProblems)) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = [`Loa found ${count} in the content:`, ''];
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const p of list) {
      const where = p.line ? `line ${p.line}` : '';
      const field = p.field ? `${p.field}: ` : '';
      lines.push(`  ${where.padEnd(9)}${field}${p.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** Describes a value as found in YAML, for "found …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a group of settings';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value; // not a value YAML makes: a function or a symbol
}
