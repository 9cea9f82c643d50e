import type { z } from 'astro/zod';
import { describeValue, type Problem } from './problems.ts';

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

/** Turns a zod error into problems with file, line, field, expected and found. */
export function zodProblems(error: z.ZodError, data: unknown, file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const found = valueAt(data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ file, line: lineOf(path), field: fieldName(path), message: 'unknown field; check its spelling or remove it' });
      }
      continue;
    }
    let message: string;
    if (issue.code === 'invalid_type' && found === undefined)
      message = `required; expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, found nothing`;
    else if (issue.code === 'invalid_type')
      message = `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, found ${describeValue(found)}`;
    else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map(String).join(', ')}; found ${describeValue(found)}`;
    else if (issue.code === 'invalid_union') message = `expected text, or text per locale such as { vi: …, en: … }; found ${describeValue(found)}`;
    else message = `${issue.message}; found ${describeValue(found)}`;
    problems.push({ file, line: lineOf(issue.path), field: fieldName(issue.path), message });
  }
  return problems;
}
