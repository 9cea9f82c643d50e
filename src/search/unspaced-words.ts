/** Letters of scripts written without spaces between words: Thai, Lao, Burmese and Khmer. */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;

/** The words of `text` in scripts written without spaces, each once, as ICU's dictionaries find them. */
export function unspacedWords(text: string, lang: string): string[] {
  if (!UNSPACED.test(text)) return [];
  const words = new Set<string>();
  for (const { segment, isWordLike } of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text))
    if (isWordLike && UNSPACED.test(segment)) words.add(segment);
  return [...words];
}

/**
 * A search query with spaces put between the words of scripts written without them, so that
 * "ចាក់វ៉ាក់សាំង" looks for both words, which the index holds apart (see searchDocument).
 */
export function spacedQuery(query: string, lang: string): string {
  if (!UNSPACED.test(query)) return query;
  return Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(query), (s) => s.segment).reduce(
    (joined, word) => (joined && UNSPACED.test(joined.at(-1)!) && UNSPACED.test(word[0]!) ? `${joined} ${word}` : joined + word),
    '',
  );
}
