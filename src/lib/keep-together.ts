/**
 * Where a line may not break inside a hyphenated word. Browsers break after any hyphen, so
 * "Covid-" ends one line and "19" starts the next. A hyphen is kept with what follows it when
 * that part is a number or at most three letters (Covid-19, F-0, Wi-Fi, SARS-CoV-2, 2021-08-30),
 * or when what comes before it is a single letter or digit (e-mail, X-quang): such a word then
 * moves to the next line whole. Longer compounds (well-being, Rịa-Vũng) may still break.
 *
 * The text is never changed: the kept part is wrapped in `<span class="nowrap">`, which the
 * stylesheet keeps on one line, so pages copy, read aloud and index as written.
 */

/** A piece of a text: `nowrap` pieces are a hyphen and what follows it, kept on one line. */
export interface TextPiece {
  text: string;
  nowrap: boolean;
}

/** The class of the span a kept part is wrapped in (see site.css). */
export const NOWRAP_CLASS = 'nowrap';

/** A word of letters and digits (with their combining marks) joined by hyphen-minus or U+2010. */
const HYPHENATED = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-\u2010][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)+/gu;

const letters = (part: string) => part.replace(/\p{M}/gu, '').length;
const isShort = (part: string) => /^\p{N}+$/u.test(part) || letters(part) <= 3;

/**
 * Splits a text into pieces, marking each hyphen that must not end a line together with the part
 * after it (and the parts after those, when they are kept too): "SARS-CoV-2" gives "SARS" and a
 * kept "-CoV-2". Returns one unkept piece for a text with nothing to keep.
 */
export function keepTogether(text: string): TextPiece[] {
  // Most texts have no hyphen: the Unicode pattern need not go through them.
  if (!/[-\u2010]/.test(text)) return [{ text, nowrap: false }];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(HYPHENATED)) {
    const word = match[0];
    const parts = word.split(/(?=[-\u2010])/u); // "Covid-19" → ["Covid", "-19"]
    let offset = match.index + parts[0]!.length;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i]!;
      if (isShort(part.slice(1)) || letters(parts[i - 1]!.replace(/^[-\u2010]/u, '')) === 1) {
        const last = pieces.at(-1);
        if (last?.nowrap && at === offset) last.text += part;
        else {
          if (offset > at) pieces.push({ text: text.slice(at, offset), nowrap: false });
          pieces.push({ text: part, nowrap: true });
        }
        at = offset + part.length;
      }
      offset += part.length;
    }
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), nowrap: false });
  return pieces;
}
