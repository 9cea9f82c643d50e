import { foldForSearch } from './fold.ts';
import { SPELLINGS_MARK } from './marks.ts';

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

/**
 * An excerpt of the page's real text around the first word of the query it contains, with every
 * matching word marked, compared without accents (so "duong" marks "Đường").
 */
export function makeExcerpt(content: string, query: string, length = 160): ExcerptPart[] {
  const text = realText(content);
  const terms = foldForSearch(query)
    .split(/[\s\p{P}]+/u)
    .filter((t) => t.length > 0);
  const { folded, from } = foldWithMap(text);
  const hits: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      // Only where a word starts, so "an" does not light up inside "khoan".
      if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!)) hits.push([from[at]!, from[at + term.length - 1]! + 1]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let start = densestStart(hits, length);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
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
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
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
