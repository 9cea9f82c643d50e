import { fontFacts } from './font-facts.ts';
import { SHIPPED_FONTS, type ShippedFont } from './shipped-fonts.ts';

/** The code points `font` draws (its regular and bold files have the same ones), read when first asked about. */
export function charactersOf(font: ShippedFont): Set<number> {
  return fontFacts(font.regular).characters;
}

/** Whether some shipped font draws a character, remembered: text repeats the same few hundred. */
const drawable = new Map<string, boolean>();

/** Characters nothing is drawn for: spaces, controls, joiners, direction marks and variation selectors. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/**
 * The characters of `text` that no shipped font can draw, each once, in order of appearance:
 * share images and posters would show them as empty boxes, so the content check reports them.
 */
export function undrawable(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    let known = drawable.get(char);
    if (known === undefined) {
      const code = char.codePointAt(0)!;
      known = INVISIBLE.test(char) || SHIPPED_FONTS.some((font) => charactersOf(font).has(code));
      drawable.set(char, known);
    }
    if (!known) missing.add(char);
  }
  return [...missing];
}

/** The first font of `fonts` that draws `code`, or none. */
export function fontDrawing(code: number, fonts: readonly ShippedFont[]): ShippedFont | undefined {
  return fonts.find((font) => charactersOf(font).has(code));
}
