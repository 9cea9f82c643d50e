import type { z } from 'astro/zod';
import { didYouMean } from './did-you-mean.ts';
import { describeValue, type Problem } from './problems.ts';
import { fieldsAt } from './schema-keys.ts';
import { quoteVisibly } from './visible-text.ts';

/** Writes a field path the way editors see it in YAML: `organisation.name`, `platforms[1]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A value as found, for messages: text is quoted with its invisible and control characters shown as code points. */
function describeFound(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? quoteVisibly(value) : describeValue(value);
}

/** What a zod type is called in messages: `a list`, `fields written as name: value`. */
function expectedName(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object' || expected === 'record') return 'fields written as name: value';
  return `a ${expected}`;
}

/**
 * Turns a zod error into problems with file, line, field, expected and found. Given the schema,
 * an unknown field comes with the closest known one ("did you mean title?").
 */
export function zodProblems(
  error: z.ZodError,
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  schema?: z.core.$ZodType,
): Problem[] {
  const problems: Problem[] = [];
  const issues = [...error.issues];
  for (let issue = issues.shift(); issue; issue = issues.shift()) {
    const found = valueAt(data, issue.path);
    if (issue.code === 'invalid_union') {
      // A value of the right shape for one branch (text, or text per locale) is judged by that branch alone.
      const matching = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (matching.length === 1) {
        const at = issue.path;
        issues.unshift(...matching[0]!.map((i) => ({ ...i, path: [...at, ...i.path] })));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? fieldsAt(schema, issue.path) : [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = didYouMean(key, known);
        const message = suggestion ? `unknown field; did you mean ${suggestion}?` : 'unknown field; check its spelling or remove it';
        problems.push({ file, line: lineOf(path), field: fieldName(path), message });
      }
      continue;
    }
    let message: string;
    if (issue.code === 'invalid_type' && found === undefined) message = `required; expected ${expectedName(issue.expected)}, found nothing`;
    else if (issue.code === 'invalid_type') message = `expected ${expectedName(issue.expected)}, found ${describeFound(found)}`;
    else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map(String).join(', ')}; found ${describeFound(found)}`;
    else if (issue.code === 'invalid_union')
      message = `${found === undefined ? 'required; ' : ''}expected text, or text per locale such as { vi: …, en: … }; found ${describeFound(found)}`;
    else message = `${issue.message}; found ${describeFound(found)}`;
    problems.push({ file, line: lineOf(issue.path), field: fieldName(issue.path), message });
  }
  return problems;
}
