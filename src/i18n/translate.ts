import { formFor, type Label } from './plural.ts';
import { fill, UI_DEFAULTS, type UiKey, type UiLabels } from './ui-strings.ts';

/** A label as written, and the language it is written in, whose plural rules choose its form. */
export interface WrittenLabel {
  lang: string;
  label: Label;
}

/** A function giving a UI label in one locale, with `{name}` values filled in and, for a count `{n}`, its plural form. */
export interface Translate {
  (key: UiKey, values?: Record<string, string | number>): string;
  /** The label as written and its language, for code that fills it in later (the in-page search). */
  written(key: UiKey): WrittenLabel;
}

const isEnglish = (code: string) => code === 'en' || code.startsWith('en-');

/**
 * Makes the label function of a locale: its own strings, then each locale of its chain, then the
 * built-in English. An English locale in the chain uses the built-in English before going on.
 * A label found along the chain keeps the plural rules of the locale it was found in.
 */
export function translator(ui: UiLabels, chain: readonly string[]): Translate {
  const written = (key: UiKey): WrittenLabel => {
    for (const code of chain) {
      const own = ui[code]?.[key];
      if (own !== undefined) return { lang: code, label: own };
      if (isEnglish(code)) return { lang: 'en', label: UI_DEFAULTS[key] };
    }
    return { lang: 'en', label: UI_DEFAULTS[key] };
  };
  const t = (key: UiKey, values?: Record<string, string | number>) => {
    const { lang, label } = written(key);
    return fill(formFor(label, lang, values?.n), values);
  };
  return Object.assign(t, { written });
}
