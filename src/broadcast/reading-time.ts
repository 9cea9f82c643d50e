/**
 * How long a text takes to read aloud, estimated from how much of it there is and the usual pace
 * of a radio announcer in its language. Languages written with spaces between words are counted
 * in words; Vietnamese, written with a space between syllables, in syllables; Chinese in
 * characters; Thai and Khmer, written without spaces between words, in consonant letters.
 */

/** What a pace counts. */
export type ReadingUnit = 'words' | 'syllables' | 'characters' | 'consonants';

/** A pace of reading aloud: how many units a minute, and what is counted. */
export interface ReadingRate {
  perMinute: number;
  unit: ReadingUnit;
}

/**
 * Paces of reading aloud by language (its primary subtag), at the calm pace of a news reader or
 * loudspeaker announcement rather than of conversation:
 * - English about 150 words a minute, the pace broadcasters aim for (BBC and NPR style guides
 *   give 150–160; conversation runs faster).
 * - Vietnamese about 170 syllables a minute (studies of read Vietnamese speech measure about
 *   3–4 syllables a second; announcements are read at the slow end).
 * - Chinese (Mandarin) about 250 characters a minute, the pace of CCTV news reading; each
 *   character is one syllable.
 * - Thai and Khmer about 200 syllables a minute. Their syllables are hard to count without a
 *   dictionary, so consonant letters are counted instead: a syllable has about 1.7 of them
 *   (an initial, often a final), so 340 consonants a minute.
 * Other languages are counted in words at the English pace.
 */
export const READING_RATES: Record<string, ReadingRate> = {
  en: { perMinute: 150, unit: 'words' },
  vi: { perMinute: 170, unit: 'syllables' },
  zh: { perMinute: 250, unit: 'characters' },
  th: { perMinute: 340, unit: 'consonants' },
  km: { perMinute: 340, unit: 'consonants' },
};

const DEFAULT_RATE: ReadingRate = { perMinute: 150, unit: 'words' };

/** The pace of reading aloud in a language (`vi`, `zh-Hant`, …): its own, or the English one. */
export function readingRate(lang: string): ReadingRate {
  return READING_RATES[lang.toLowerCase().split('-')[0]!] ?? DEFAULT_RATE;
}

// Han characters (CJK ideographs and their extensions).
const HAN = /\p{Script=Han}/gu;
// Thai consonant letters.
const THAI_CONSONANT = /[\u0E01-\u0E2E]/gu;
// Khmer consonants and independent vowels, subscript ones (after the coeng sign) included.
const KHMER_CONSONANT = /[\u1780-\u17B3]/gu;
// Words: runs of letters or digits (any script written with spaces).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/** How many units of its language's pace a text has: words, syllables, characters or consonants. */
export function countUnits(text: string, lang: string): number {
  const primary = lang.toLowerCase().split('-')[0];
  const count = (pattern: RegExp, within = text) => within.match(pattern)?.length ?? 0;
  if (primary === 'zh') {
    // Han characters, plus any words in Latin letters or digits among them.
    return count(HAN) + count(WORD, text.replace(HAN, ' '));
  }
  if (primary === 'th') return count(THAI_CONSONANT) + count(WORD, text.replace(/[\u0E00-\u0E7F]+/gu, ' '));
  if (primary === 'km') return count(KHMER_CONSONANT) + count(WORD, text.replace(/[\u1780-\u17FF\u19E0-\u19FF]+/gu, ' '));
  // Vietnamese syllables are written apart, so they count as words do.
  return count(WORD);
}

/** The estimated time to read a text aloud in a language, in whole seconds (at least 1 for any text). */
export function readingSeconds(text: string, lang: string): number {
  const units = countUnits(text, lang);
  if (units === 0) return 0;
  return Math.max(1, Math.round((units / readingRate(lang).perMinute) * 60));
}

/**
 * A reading time as people say it, in the language of the page, rounded to 5 seconds under two
 * minutes and to 10 above (it is an estimate): `1 phút, 20 giây`, `45 seconds`.
 */
export function formatReadingTime(seconds: number, lang: string): string {
  const step = seconds < 120 ? 5 : 10;
  const rounded = Math.max(step, Math.round(seconds / step) * step);
  const minutes = Math.floor(rounded / 60);
  const rest = rounded % 60;
  const duration: Record<string, number> = {};
  if (minutes) duration.minutes = minutes;
  if (rest || !minutes) duration.seconds = rest;
  return formatDuration(duration, lang);
}

type DurationFormat = { format(duration: object): string };
const durationFormats = new Map<string, DurationFormat | undefined>();

/** A language's Intl.DurationFormat, made once (making one costs far more than formatting with it), if the runtime has it. */
function durationFormat(lang: string): DurationFormat | undefined {
  if (!durationFormats.has(lang)) {
    const Format = (Intl as unknown as { DurationFormat?: new (lang: string, options: object) => DurationFormat }).DurationFormat;
    durationFormats.set(lang, Format && new Format(lang, { style: 'long' }));
  }
  return durationFormats.get(lang);
}

const formatted = new Map<string, string>();

/**
 * A duration of minutes and seconds in words of a language, with Intl.DurationFormat where the
 * runtime has it. Pages show a few durations thousands of times, and formatting one takes tens of
 * microseconds: each is formatted once.
 */
export function formatDuration(duration: { hours?: number; minutes?: number; seconds?: number }, lang: string): string {
  const key = `${lang} ${duration.hours} ${duration.minutes} ${duration.seconds}`;
  let text = formatted.get(key);
  if (text === undefined) formatted.set(key, (text = formatAnew(duration, lang)));
  return text;
}

function formatAnew(duration: { hours?: number; minutes?: number; seconds?: number }, lang: string): string {
  const format = durationFormat(lang);
  if (format) return format.format(duration);
  const parts = [];
  if (duration.hours) parts.push(`${duration.hours} h`);
  if (duration.minutes) parts.push(`${duration.minutes} min`);
  if (duration.seconds !== undefined) parts.push(`${duration.seconds} s`);
  return parts.join(' ');
}
