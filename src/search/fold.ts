/**
 * Letters that Unicode does not decompose into a base letter and a mark, with what people type
 * instead on a keyboard without them: Vietnamese đ, Icelandic ð and þ, Maltese ħ, Turkish ı,
 * Polish ł, Catalan ŀ, Danish and Norwegian ø and æ, Sámi ŧ, French œ, German ß.
 */
export const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ŀ: 'l',
  Ŀ: 'L',
  ø: 'o',
  Ø: 'O',
  ŧ: 't',
  Ŧ: 'T',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  þ: 'th',
  Þ: 'TH',
};

const LETTERS = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'gu');
const HAS_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'u');

/** Replaces the undecomposable letters with their plain spelling: "Đường" → "Dường". */
export function foldLetters(text: string): string {
  return text.replace(LETTERS, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/** Text as people type it without accents: lower case, no marks, plain letters ("Đường" → "duong"). */
export function foldForSearch(text: string): string {
  return foldLetters(text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
}

/**
 * The words of a text that hold an undecomposable letter, spelled as typed without it
 * ("đăng ký … điện tử" → ["dăng", "diện"]); search folds the remaining marks itself.
 */
export function plainSpellings(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}]+/gu) ?? [];
  return [...new Set(words.filter((w) => HAS_LETTER.test(w)).map(foldLetters))];
}
