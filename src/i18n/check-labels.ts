import { placeholders, UI_DEFAULTS, type UiKey } from './ui-strings.ts';

/**
 * Why a translated label cannot be used, or undefined when it can: it must use the same
 * `{names}` as its English default, since only those are filled in; any other stays on the page
 * as written, and a missing one leaves out the number or name the reader needs.
 */
export function labelProblem(key: UiKey, label: string): string | undefined {
  const expected = placeholders(UI_DEFAULTS[key]);
  const used = placeholders(label);
  const unknown = used.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !used.includes(name));
  if (!unknown.length && !missing.length) return undefined;
  const list = (names: string[]) => names.map((name) => `{${name}}`).join(', ');
  const allowed = expected.length ? `this label takes ${list(expected)}` : 'this label takes no {placeholder}';
  const parts = [unknown.length ? `unknown placeholder ${list(unknown)}` : '', missing.length ? `missing ${list(missing)}` : ''].filter(Boolean);
  return `${parts.join('; ')}; ${allowed} (as in its English text "${UI_DEFAULTS[key]}")`;
}
