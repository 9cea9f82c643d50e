/**
 * Pagefind joins the blocks of a page (title, summary, paragraphs, steps) into one text with a
 * Latin ". " after a block that has no punctuation of its own, and a space after one that has.
 * Scripts that end or separate sentences otherwise are listed here, with what they use instead.
 */
export interface SentenceScript {
  /** ISO 15924 codes of the script, as `Intl.Locale#maximize()` gives them for a language. */
  codes: readonly string[];
  /** A letter of the script. */
  letter: RegExp;
  /** What ends a sentence that has no punctuation of its own ('' in Thai and Lao, which end it with a space). */
  stop: string;
  /** What follows a sentence's end: nothing in Chinese and Japanese, a space elsewhere. */
  gap: string;
  /** True when words are separated by spaces (so a search match must start a word). */
  spacedWords: boolean;
}

export const SENTENCE_SCRIPTS: readonly SentenceScript[] = [
  { codes: ['Hans', 'Hant', 'Hani', 'Jpan', 'Hira', 'Kana'], letter: /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u, stop: '。', gap: '', spacedWords: false },
  { codes: ['Thai', 'Laoo'], letter: /[\p{sc=Thai}\p{sc=Lao}]/u, stop: '', gap: ' ', spacedWords: false },
  { codes: ['Khmr'], letter: /\p{sc=Khmer}/u, stop: '។', gap: ' ', spacedWords: false },
  { codes: ['Mymr'], letter: /\p{sc=Myanmar}/u, stop: '။', gap: ' ', spacedWords: false },
  { codes: ['Tibt'], letter: /\p{sc=Tibetan}/u, stop: '།', gap: ' ', spacedWords: false },
  { codes: ['Beng'], letter: /\p{sc=Bengali}/u, stop: '।', gap: ' ', spacedWords: true },
  { codes: ['Ethi'], letter: /\p{sc=Ethiopic}/u, stop: '።', gap: ' ', spacedWords: true },
  { codes: ['Armn'], letter: /\p{sc=Armenian}/u, stop: '։', gap: ' ', spacedWords: true },
];

/** Chinese and Japanese punctuation (full-width forms and CJK symbols), which is never followed by a space. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/** The script a language is written in, when it is one of SENTENCE_SCRIPTS (`zh` → Han, `vi` → none). */
export function scriptOfLanguage(lang: string): SentenceScript | undefined {
  let code: string | undefined;
  try {
    code = new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
  return SENTENCE_SCRIPTS.find((s) => code !== undefined && s.codes.includes(code));
}

/**
 * The script of SENTENCE_SCRIPTS that a text is mostly written in: the one with the most letters,
 * when they are at least a quarter of all its letters (a Chinese page still names apps and phones
 * in Latin letters). Undefined for text in other scripts.
 */
export function scriptOfText(text: string): SentenceScript | undefined {
  const counts = new Map<SentenceScript, number>();
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    const script = SENTENCE_SCRIPTS.find((s) => s.letter.test(char));
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] * 4 >= letters ? best[0] : undefined;
}

/**
 * Rejoins the blocks of a page's indexed text the way its script does: in a Han text "标题. 摘要"
 * becomes "标题。摘要" and "你好。 世界" becomes "你好。世界"; in Thai the ". " becomes a space.
 * A ". " between two words of another script (an English sentence quoted in a Chinese page) is
 * left as it is. Pagefind's word breaks (U+200B between the words of a Chinese or Thai text) go
 * too, so the excerpt copies as written and a query can match across them.
 */
export function joinSentences(text: string, script: SentenceScript | undefined): string {
  if (!script) return text;
  const ours = (char: string | undefined) => char !== undefined && script.letter.test(char);
  let joined = text
    .replace(/\u200b/g, '')
    .replace(/(\S)\. (?=(\S))/gu, (all: string, before: string, after: string) => (ours(before) || ours(after) ? before + script.stop + script.gap : all))
    .replace(/(\S)\.$/u, (all: string, before: string) => (ours(before) ? before + script.stop : all));
  if (script.gap === '') joined = joined.replace(new RegExp(`(${FULL_WIDTH_PUNCTUATION.source}) (?=\\S)`, 'gu'), '$1');
  return joined.trimEnd();
}
