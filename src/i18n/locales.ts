import type { LocaleSettings, LocalizedText } from '../model/schemas.ts';

/** A locale as the site uses it, with its full fallback chain resolved. */
export interface Locale {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  /** This locale, then every locale to try in order when something is missing here. */
  chain: string[];
}

type Declared = Pick<LocaleSettings, 'code' | 'fallback'>;

/**
 * The order in which to look for content in a locale: the locale itself, its declared
 * fallbacks (each followed by its own fallbacks), then the default locale.
 */
export function fallbackChain(code: string, declared: readonly Declared[], defaultLocale: string): string[] {
  const byCode = new Map(declared.map((l) => [l.code, l]));
  const chain: string[] = [];
  const visit = (current: string) => {
    if (chain.includes(current) || !byCode.has(current)) return;
    chain.push(current);
    for (const next of byCode.get(current)?.fallback ?? []) visit(next);
  };
  visit(code);
  if (byCode.has(defaultLocale) && !chain.includes(defaultLocale)) chain.push(defaultLocale);
  return chain;
}

/** Every cycle in the declared fallbacks, each written as the locales it passes through (`zh → vi → zh`). */
export function findFallbackCycles(declared: readonly Declared[]): string[][] {
  const byCode = new Map(declared.map((l) => [l.code, l]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const walk = (code: string, path: string[]) => {
    const at = path.indexOf(code);
    if (at !== -1) {
      const cycle = [...path.slice(at), code];
      const key = [...cycle.slice(0, -1)].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push(cycle);
      }
      return;
    }
    for (const next of byCode.get(code)?.fallback ?? []) if (byCode.has(next)) walk(next, [...path, code]);
  };
  for (const locale of declared) walk(locale.code, []);
  return cycles;
}

/** Resolves the locales of the site settings into `Locale`s with their chains. */
export function resolveLocales(declared: readonly LocaleSettings[], defaultLocale: string): Locale[] {
  return declared.map((l) => ({ code: l.code, name: l.name, dir: l.dir, chain: fallbackChain(l.code, declared, defaultLocale) }));
}

/** Picks the text for a locale from text given once or per locale, following the chain. */
export function pickText(text: LocalizedText | undefined, chain: readonly string[]): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  for (const code of chain) if (text[code] !== undefined) return text[code];
  return undefined;
}

/** The name of language `code` in the language `inLocale`, or undefined when the runtime does not know it. */
export function languageName(code: string, inLocale: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}
