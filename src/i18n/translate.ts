import { fill, UI_DEFAULTS, type UiKey } from './ui-strings.ts';

/** A function giving a UI label in one locale, with `{name}` values filled in. */
export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/**
 * Makes the label function of a locale: its own strings, then each locale of its chain, then the
 * built-in English. An English locale in the chain uses the built-in English before going on.
 */
export function translator(ui: Record<string, Record<string, string>>, chain: readonly string[]): Translate {
  return (key, values) => {
    for (const code of chain) {
      const text = ui[code]?.[key] ?? (code === 'en' || code.startsWith('en-') ? UI_DEFAULTS[key] : undefined);
      if (text !== undefined) return fill(text, values);
    }
    return fill(UI_DEFAULTS[key], values);
  };
}
