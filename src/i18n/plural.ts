/**
 * Plural forms of count labels (`{n} steps`), chosen with the language's own rules
 * (`Intl.PluralRules`, CLDR). The pages and the in-page search script both use this module, so
 * it stays small and needs nothing but the browser's or Node's Intl.
 */

/** A plural category of CLDR, in the order CLDR lists them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The texts of a count label, one per plural category: `{ one: '{n} step', other: '{n} steps' }`. */
export type PluralForms = Partial<Record<PluralCategory, string>>;

/** A UI label as written: one text, or one text per plural category for a label that counts (`{n}`). */
export type Label = string | PluralForms;

const rules = new Map<string, Intl.PluralRules | undefined>();

/**
 * The plural rules of a language, or undefined when the runtime has none for it: Intl would
 * then use the rules of the machine's own language, which differ from one reader to the next.
 */
function rulesOf(lang: string): Intl.PluralRules | undefined {
  if (!rules.has(lang)) {
    let found: Intl.PluralRules | undefined;
    try {
      if (Intl.PluralRules.supportedLocalesOf([lang]).length) found = new Intl.PluralRules(lang);
    } catch {
      // Not a language tag: no rules.
    }
    rules.set(lang, found);
  }
  return rules.get(lang);
}

/** The categories a language's counts fall into, in CLDR order (`other` alone for Vietnamese, Chinese, Khmer, Thai…). */
export function pluralCategories(lang: string): PluralCategory[] {
  const used = rulesOf(lang)?.resolvedOptions().pluralCategories ?? ['other'];
  return PLURAL_CATEGORIES.filter((category) => used.includes(category));
}

/** The category of the count `n` in a language (`other` when the runtime has no rules for it). */
export function pluralCategory(lang: string, n: number): PluralCategory {
  return rulesOf(lang)?.select(n) ?? 'other';
}

/**
 * The text of a label for the count `n`, chosen with the rules of `lang`, the language the label
 * is written in (a label taken from a fallback locale counts as in that locale's language).
 * Without a count, or for a form not written, the `other` form.
 */
export function formFor(label: Label, lang: string, n?: number | string): string {
  if (typeof label === 'string') return label;
  const count = Number(n);
  const form = n === undefined || n === '' || Number.isNaN(count) ? undefined : label[pluralCategory(lang, count)];
  return form ?? label.other ?? Object.values(label)[0] ?? '';
}
