import { getSite } from '../lib/site.ts';
import type { Message } from '../lib/collections.ts';
import { ownBroadcasts } from './locale-broadcasts.ts';
import { readingScript, type ReadingScript } from './script.ts';
import { airings, weeksOf, type Airing } from './schedule.ts';

/** A scheduled message of a locale, with its reading script. */
export interface ScheduledMessage {
  slug: string;
  entry: Message;
  script: ReadingScript;
}

/** One airing on the sheet: when, and which message. */
export interface SheetRow extends Airing {
  message: ScheduledMessage;
}

/** A locale's scheduled messages, and their airings by week (Monday to Sunday), for the broadcast sheet and calendar. */
export async function localeSchedule(locale: string): Promise<{
  messages: ScheduledMessage[];
  weeks: { monday: string; sunday: string; airings: SheetRow[]; messages: ScheduledMessage[] }[];
}> {
  const messages = (await ownBroadcasts(locale))
    .filter(({ entry }) => entry.data.schedule)
    .map(({ slug, entry }) => ({ slug, entry, script: readingScript(entry.data, entry.parsed.text, locale) }));
  const rows = messages.flatMap((message) => airings(message.entry.data.schedule!).map((airing) => ({ ...airing, message })));
  const weeks = weeksOf(rows).map((week) => ({ ...week, messages: [...new Set(week.airings.map((row) => row.message))] }));
  return { messages, weeks };
}

/** The host of the site, for calendar UIDs. */
export function siteHost(): string {
  return new URL(getSite().settings.site).host;
}
