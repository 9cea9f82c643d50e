import { foldForSearch } from './fold.ts';
import { SPELLINGS_MARK } from './marks.ts';
import { joinSentences, scriptOfLanguage, scriptOfText, SENTENCE_SCRIPTS } from './sentence-joins.ts';

/** One piece of an excerpt: plain text, or a part that matched the query. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** The page text without the plain spellings added for the index. */
export function realText(content: string): string {
  const mark = content.indexOf(SPELLINGS_MARK);
  return (mark === -1 ? content : content.slice(0, mark)).trim();
}

/** Folds text character by character, keeping where each folded character came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldForSearch(text[i]!);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  }
  return { folded, from };
}

/** True for a letter of a script that does not put spaces between words (Chinese, Thai, …), where a match may start anywhere. */
function unspaced(char: string): boolean {
  return SENTENCE_SCRIPTS.some((s) => !s.spacedWords && s.letter.test(char));
}

/**
 * An excerpt of the page's real text around the first word of the query it contains, with every
 * matching word marked, compared without accents (so "duong" marks "Đường"). The page's blocks are
 * joined as its script joins sentences (see joinSentences): by its language when `lang` is given,
 * else by the script most of the text is written in.
 */
export function makeExcerpt(content: string, query: string, length = 160, lang?: string): ExcerptPart[] {
  const real = realText(content);
  const script = lang ? scriptOfLanguage(lang) : scriptOfText(real);
  const text = joinSentences(real, script);
  const terms = foldForSearch(query)
    .split(/[\s\p{P}]+/u)
    .filter((t) => t.length > 0);
  const { folded, from } = foldWithMap(text);
  const hits: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      // Only where a word starts, so "an" does not light up inside "khoan" (in Chinese, anywhere).
      if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!) || unspaced(folded[at]!)) hits.push([from[at]!, from[at + term.length - 1]! + 1]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const window = densestStart(hits, length);
  const start = wordStart(text, window, hits.find(([a]) => a >= window)?.[0] ?? window);
  const end = Math.min(text.length, start + length);
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [a, b] of hits) {
    if (a < at || b > end) continue;
    if (a > at) parts.push({ text: text.slice(at, a), match: false });
    parts.push({ text: text.slice(a, b), match: true });
    at = b;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  // Chinese and Japanese write an ellipsis without spaces around it.
  const gap = script?.gap ?? ' ';
  if (start > 0) parts.unshift({ text: `…${gap}`, match: false });
  if (end < text.length) parts.push({ text: `${gap}…`, match: false });
  return parts;
}

/**
 * Where an excerpt cut at `start` begins: after the next space (or, in a text without spaces,
 * after the next sentence or clause mark), as long as that comes before the first match.
 */
function wordStart(text: string, start: number, firstHit: number): number {
  if (start === 0) return 0;
  const room = text.slice(start, Math.max(start, firstHit));
  const space = room.search(/\s/u);
  if (space !== -1) return start + space + 1;
  const mark = room.search(/[\p{Po}]/u);
  return mark !== -1 && unspaced(text[start]!) ? start + mark + 1 : start;
}

/** Words of context shown before the first match, in characters. */
const LEAD = 30;

/** Where the window of `length` characters holding the most matches starts (a little before them). */
function densestStart(hits: [number, number][], length: number): number {
  let best = 0;
  let bestCount = 0;
  for (const [hit] of hits) {
    const start = Math.max(0, hit - LEAD);
    const count = hits.filter(([a, b]) => a >= start && b <= start + length).length;
    if (count > bestCount) [best, bestCount] = [start, count];
  }
  return best;
}
