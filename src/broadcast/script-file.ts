import type { Translate } from '../i18n/translate.ts';
import { formatReadingTime } from './reading-time.ts';
import { readingScript, type ScriptSource } from './script.ts';

/**
 * The text of a message's reading script (`.txt`) for an announcer: the title and how long the
 * whole text takes to read, then the summary and body, then each short version the editor wrote with its
 * own reading time, so one fitting the programme slot can be picked.
 */
export function scriptFile(data: ScriptSource, bodyText: string, lang: string, t: Translate): string {
  const script = readingScript(data, bodyText, lang);
  const time = (seconds: number) => readingTimeLabel(seconds, t);
  // The title stays the first line (what a list of files shows); its reading time is under it.
  const [title, ...rest] = script.full.text.split('\n\n');
  const parts = [`${title}\n[${time(script.full.seconds)}]`, ...rest];
  for (const short of script.shorts) {
    const heading = `${t(short.slot === '30s' ? 'shortVersion30' : 'shortVersion60')} [${time(short.seconds)}]`;
    parts.push(`${heading}\n${'='.repeat(Math.min(heading.length, 40))}\n\n${short.text}`);
  }
  return parts.join('\n\n') + '\n';
}

/** "Reading aloud takes about …" in the page's language, the time in the language the label is written in (a fallback label may be English). */
export function readingTimeLabel(seconds: number, t: Translate): string {
  return t('readingTime', { time: formatReadingTime(seconds, t.written('readingTime').lang) });
}
