import { didYouMean } from '../model/did-you-mean.ts';
import { languageName } from './locales.ts';
import { PLURAL_CATEGORIES, pluralCategories, pluralCategory, type Label, type PluralCategory } from './plural.ts';
import { countLabels, englishText, isCountLabel, isPluralForms, placeholders, type UiKey } from './ui-strings.ts';

/**
 * Why a translated label cannot be used, or undefined when it can: it must use the same
 * `{names}` as its English default, since only those are filled in; any other stays on the page
 * as written, and a missing one leaves out the number or name the reader needs. `optional` names
 * may be left out (`{n}` in a plural form used for one number only, as English `one`).
 */
export function labelProblem(key: UiKey, label: string, optional: readonly string[] = []): string | undefined {
  const english = englishText(key);
  const expected = placeholders(english);
  const used = placeholders(label);
  const unknown = used.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !used.includes(name) && !optional.includes(name));
  if (!unknown.length && !missing.length) return undefined;
  const list = (names: string[]) => names.map((name) => `{${name}}`).join(', ');
  const allowed = expected.length ? `this label takes ${list(expected)}` : 'this label takes no {placeholder}';
  const parts = [unknown.length ? `unknown placeholder ${list(unknown)}` : '', missing.length ? `missing ${list(missing)}` : ''].filter(Boolean);
  return `${parts.join('; ')}; ${allowed} (as in its English text "${english}")`;
}

/** A problem with one label of a locale's `ui.yaml`: where in the label (`[]`, or `['few']` for a form) and what is wrong. */
export interface LabelIssue {
  path: string[];
  message: string;
}

/** `Russian (ru)`, or the code alone for a language the runtime cannot name. */
function languageOf(code: string): string {
  const name = languageName(code, 'en');
  return name ? `${name} (${code})` : code;
}

/** The counts from 0 to 1,000 (and a million) that fall into a category: a form used for one of them only may leave out `{n}`. */
function countsIn(lang: string, category: PluralCategory): number[] {
  const counts: number[] = [];
  for (let n = 0; n <= 1000; n++) if (pluralCategory(lang, n) === category) counts.push(n);
  if (pluralCategory(lang, 1_000_000) === category) counts.push(1_000_000);
  return counts;
}

/**
 * Every problem of one label in the `ui.yaml` of `locale`: its placeholders (in each form), and
 * for a label that counts (`{n}`), its plural forms against the categories of the locale's
 * language (`Intl.PluralRules`). One text is enough for a language with the category `other`
 * alone (Vietnamese, Chinese…); a language with several needs each of them, and only those.
 */
export function labelIssues(key: UiKey, label: Label, locale: string): LabelIssue[] {
  const categories = pluralCategories(locale);
  const uses = `${languageOf(locale)} uses ${categories.join(', ')}`;
  if (!isPluralForms(label)) {
    const problem = labelProblem(key, label);
    const issues: LabelIssue[] = problem ? [{ path: [], message: problem }] : [];
    if (isCountLabel(key) && categories.length > 1)
      issues.push({
        path: [],
        message: `expected one text per plural form, since ${uses}: write ${key}: { ${categories.map((c) => `${c}: …`).join(', ')} }; found a single text`,
      });
    return issues;
  }
  if (!isCountLabel(key))
    return [{ path: [], message: `expected a single text; plural forms are only for labels that count with {n} (${countLabels().join(', ')})` }];
  const issues: LabelIssue[] = [];
  const missing = categories.filter((category) => label[category] === undefined);
  if (missing.length) issues.push({ path: [], message: `missing the plural form${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ${uses}` });
  for (const [name, text] of Object.entries(label)) {
    if (!categories.includes(name as PluralCategory)) {
      const known = (PLURAL_CATEGORIES as readonly string[]).includes(name);
      const suggestion = known ? undefined : didYouMean(name, categories);
      const what = known ? `a plural form ${languageOf(locale)} does not use` : `unknown plural form${suggestion ? `; did you mean ${suggestion}?` : ''}`;
      issues.push({ path: [name], message: `${what}; ${uses}` });
      continue;
    }
    const counts = countsIn(locale, name as PluralCategory);
    const problem = labelProblem(key, text, counts.length === 1 ? ['n'] : []);
    if (!problem) continue;
    const needsCount = !placeholders(text).includes('n') && placeholders(englishText(key)).includes('n');
    const shown = counts.length > 4 ? `${counts.slice(0, 4).join(', ')}, …` : counts.join(', ');
    const why = needsCount && counts.length > 1 ? `; the form ${name} is used for ${shown}, so it needs {n}` : '';
    issues.push({ path: [name], message: `${problem}${why}` });
  }
  return issues;
}
