import { z } from 'astro/zod';
import { isoDate, text } from '../model/schemas.ts';
import { AUDIO_FORMATS } from './audio-facts.ts';

/** The days of the week a schedule may name, Monday first, as iCalendar counts them from. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The slots a short version may be written for, in seconds, by their name in front matter. */
export const SHORT_SLOTS = { '30s': 30, '60s': 60 } as const;
export type ShortSlot = keyof typeof SHORT_SLOTS;

/**
 * `short:` — versions of a broadcast message sized for a programme slot, so an announcer with
 * 30 seconds or a minute reads a whole message rather than the start of one:
 * `short: { 30s: "…", 60s: "…" }`. Whether each fits its slot is checked with the language's
 * reading pace (src/broadcast/check-broadcast.ts).
 */
export const shortField = z
  .strictObject({ '30s': text.optional(), '60s': text.optional() })
  .refine((short) => short['30s'] !== undefined || short['60s'] !== undefined, 'expected a version for 30s, 60s or both, e.g. short: { 30s: "…" }');

/** The extensions a recording may have, in a pattern. */
const AUDIO_EXTENSIONS = Object.keys(AUDIO_FORMATS).join('|');

/**
 * `audio:` — a recording of the message by the station, a file in content/audio/ written as
 * `audio/name.ogg` (MP3, M4A/AAC or Ogg Opus); what the file holds is checked with
 * music-metadata (src/broadcast/check-broadcast.ts).
 */
export const audioField = z
  .string()
  .regex(
    new RegExp(`^audio/([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.(${AUDIO_EXTENSIONS})$`),
    `expected a recording in content/audio/ ending in .mp3, .m4a, .aac, .ogg or .opus, written as audio/name.mp3`,
  );

/**
 * A time of day written as HH:MM, 24-hour (quotes are not needed: YAML reads 06:30 as text). A
 * time written with a dot (6.30), which YAML reads as a number, gets the same message as any
 * other mistake in the way it is written.
 */
const timeOfDay = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day written as HH:MM on the 24-hour clock, e.g. 06:30 or 17:00'),
);

/**
 * `schedule:` — when a broadcast message is aired: every listed day of the week (every day when
 * `days` is left out) from `from` to `until`, both included, at each of `times`, in the site's
 * time zone (`timezone:` in site.yaml). For example every day at 06:30 and 17:00 until 30 September:
 * `schedule: { from: 2021-09-01, until: 2021-09-30, times: [06:30, 17:00] }`.
 */
export const scheduleField = z
  .strictObject({
    from: isoDate,
    until: isoDate,
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'expected at least one day of the week (mon, tue, wed, thu, fri, sat, sun); leave days out to air every day')
      .default([...WEEKDAYS]),
    times: z.array(timeOfDay).min(1, 'expected at least one time of day, e.g. times: [06:30, 17:00]'),
  })
  .superRefine((schedule, ctx) => {
    if (schedule.until < schedule.from)
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: `the schedule ends (${schedule.until}) before it starts (${schedule.from}); expected an end date on or after the start`,
      });
  });
export type Schedule = z.output<typeof scheduleField>;
