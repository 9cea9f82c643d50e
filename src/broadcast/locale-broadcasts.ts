import { pagesIn, type Message } from '../lib/collections.ts';
import { getSite } from '../lib/site.ts';

/** A locale's own broadcast messages (not fallbacks: a script is read in the language it is written in), in the list's order. */
export async function ownBroadcasts(locale: string): Promise<{ slug: string; entry: Message }[]> {
  return (await pagesIn('messages', locale)).filter((page) => page.shown === locale && page.entry.data.broadcast);
}

/** The locales that have own broadcast messages with a recording (a podcast) and with a schedule (a broadcast sheet). */
export async function broadcastLocales(): Promise<{ podcast: string[]; schedule: string[] }> {
  const podcast: string[] = [];
  const schedule: string[] = [];
  for (const { code } of getSite().locales) {
    const own = await ownBroadcasts(code);
    if (own.some((page) => page.entry.data.audio)) podcast.push(code);
    if (own.some((page) => page.entry.data.schedule)) schedule.push(code);
  }
  return { podcast, schedule };
}
