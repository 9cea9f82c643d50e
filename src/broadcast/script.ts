import { readingSeconds } from './reading-time.ts';
import { SHORT_SLOTS, type ShortSlot } from './fields.ts';

/** The fields of a message the reading script is made of. */
export interface ScriptSource {
  title: string;
  summary: string;
  short?: Partial<Record<ShortSlot, string>>;
}

/** One version of a message to read aloud, with its estimated reading time. */
export interface ScriptVersion {
  text: string;
  seconds: number;
}

/** A message as an announcer reads it: the whole text, and the versions for short slots the editor wrote. */
export interface ReadingScript {
  full: ScriptVersion;
  shorts: (ScriptVersion & { slot: ShortSlot; limit: number })[];
}

/**
 * The reading script of a message in its language: title, summary and body as one text to read
 * aloud, and each short version, each with how long it takes to read (see readingSeconds).
 */
export function readingScript(data: ScriptSource, bodyText: string, lang: string): ReadingScript {
  const text = [data.title, data.summary, bodyText.trim()].filter(Boolean).join('\n\n');
  const shorts = (Object.keys(SHORT_SLOTS) as ShortSlot[])
    .filter((slot) => data.short?.[slot] !== undefined)
    .map((slot) => ({ slot, limit: SHORT_SLOTS[slot], text: data.short![slot]!, seconds: readingSeconds(data.short![slot]!, lang) }));
  return { full: { text, seconds: readingSeconds(text, lang) }, shorts };
}
