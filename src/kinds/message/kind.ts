import { z } from 'astro/zod';
import { isoDate, pageFields, text } from '../../model/schemas.ts';
import { audioField, scheduleField, shortField } from '../../broadcast/fields.ts';
import { pageKind } from '../kind.ts';

/**
 * Campaign messages: dated, with topics, and read on radio and loudspeakers when `broadcast` is
 * set; a broadcast message may have short versions, a recording and a schedule (src/broadcast/).
 */
export const message = pageKind({
  folder: 'messages',
  noun: 'message',
  schema: z.strictObject({
    ...pageFields,
    date: isoDate,
    topics: z.array(text).default([]),
    broadcast: z.boolean().default(false),
    short: shortField.optional(),
    audio: audioField.optional(),
    schedule: scheduleField.optional(),
  }),
  intro: 'messagesIntro',
  // Newest first.
  compare: (a, b) => b.data.date.localeCompare(a.data.date) || a.slug.localeCompare(b.slug),
  date: (data) => data.date,
  // The 50 newest: weeks of a busy campaign, about 25 KB of RSS, where 1,575 messages were 750 KB.
  feedItems: 50,
  routes: {
    '/[locale]/messages': 'MessageListPage.astro',
    '/[locale]/messages/[slug]': 'MessagePage.astro',
    '/[locale]/messages/[slug].txt': 'broadcast-text.ts',
    '/audio/[file]': 'audio-file.ts',
  },
  starter: (_pages, today) => ({
    data: { summary: 'One sentence that says the message.', date: today, topics: [] },
    body: 'Two to four short paragraphs.\n',
  }),
});
