/**
 * Characters a reader cannot see: white space, format characters (zero-width space and joiners,
 * word joiner, soft hyphen, byte order mark, direction marks), control characters, the combining
 * grapheme joiner, variation selectors and the Hangul fillers.
 */
const INVISIBLE = /[\s\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]|\u034F|[\uFE00-\uFE0F]/gu;

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they make a line
 * display in another order than it is written. The marks U+200E, U+200F and U+061C are not among
 * them: right-to-left text may need them, and they reorder nothing on their own.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

const NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** True when nothing of the text would show: a title of zero-width spaces is as empty as no title. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** The bidi controls in a text, each once, written as `U+202E (RIGHT-TO-LEFT OVERRIDE)`, for a message. */
export function bidiControls(text: string): string[] {
  return [...new Set(text.match(BIDI_CONTROLS) ?? [])].map((c) => `${codePoint(c)} (${NAMES[c]})`);
}

/** `U+200B` for a character, as editors find it in a character table. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A text quoted for a message with its invisible and control characters written as code points,
 * so that a terminal neither hides them nor lets them reorder the rest of the line.
 */
export function quoteVisibly(text: string): string {
  const quoted = JSON.stringify(text).slice(1, -1);
  return `"${quoted.replace(/[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2028\u2029]|\u034F|[\uFE00-\uFE0F]/gu, (c) => `<${codePoint(c)}>`)}"`;
}
