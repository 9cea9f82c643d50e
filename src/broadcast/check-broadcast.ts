import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../model/problems.ts';
import { audioFactsNow, audioProblem } from './audio-facts.ts';
import { formatReadingTime } from './reading-time.ts';
import { readingScript } from './script.ts';
import { airings, clashes, daysBetween, MAX_SCHEDULE_DAYS, scheduleDays } from './schedule.ts';
import type { Schedule, ShortSlot } from './fields.ts';

/** A message file as the broadcast check needs it; `lineOf` gives the line of a front-matter field. */
export interface BroadcastPage {
  kind: string;
  locale: string;
  slug: string;
  file: string;
  data?: object;
  parsed: { text: string };
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/** The broadcast fields of a message's front matter. */
interface BroadcastData {
  title: string;
  summary: string;
  broadcast?: boolean;
  short?: Partial<Record<ShortSlot, string>>;
  audio?: string;
  schedule?: Schedule;
  draft?: boolean;
}

/**
 * Checks the broadcast kit of every message, each problem at its field's line: short versions,
 * recordings and schedules only on broadcast messages; each short version readable within its
 * slot at the language's pace; each recording a file in content/audio/ that holds the audio
 * format its name says (read with music-metadata); each schedule with at least one airing, a
 * time zone in site.yaml to air it in, and no airing that overlaps another message's in the
 * same locale (one loudspeaker reads one message at a time). What each recording holds is kept
 * in the build cache `cacheDir`.
 */
export function broadcastProblems(pages: readonly BroadcastPage[], settings: { timezone?: string }, siteDir: string, cacheDir: string): Problem[] {
  const problems: Problem[] = [];
  const messages = pages.filter((p) => p.kind === 'messages' && p.data) as (BroadcastPage & { data: BroadcastData })[];
  const at = (page: BroadcastPage, ...path: (string | number)[]) => ({ file: page.file, line: page.lineOf?.(path), field: path.join('.') });

  for (const page of messages) {
    const { data } = page;
    for (const field of ['short', 'audio', 'schedule'] as const)
      if (data[field] !== undefined && !data.broadcast)
        problems.push({ ...at(page, field), message: `only broadcast messages have ${field}:; add broadcast: true, or remove ${field}:` });
    const script = readingScript(data, page.parsed.text, page.locale);
    for (const short of script.shorts)
      if (short.seconds > short.limit)
        problems.push({
          ...at(page, 'short', short.slot),
          message: `this version takes about ${formatReadingTime(short.seconds, 'en')} to read aloud, more than its ${short.limit}-second slot; shorten it`,
        });
  }

  const recordings = messages.filter((p) => p.data.audio !== undefined);
  const paths = recordings.map((page) => resolve(siteDir, 'content', page.data.audio!));
  const present = paths.filter((path) => existsSync(path) && statSync(path).isFile());
  const facts = audioFactsNow(present, cacheDir);
  recordings.forEach((page, i) => {
    const written = page.data.audio!;
    const found = facts.get(paths[i]!);
    const problem = found ? audioProblem(written, found) : `not found; expected a file content/${written}`;
    if (problem) problems.push({ ...at(page, 'audio'), message: `recording ${written} ${problem}` });
  });

  const scheduled = messages.filter((p) => p.data.schedule !== undefined);
  if (scheduled.length && !settings.timezone) {
    const first = scheduled[0]!;
    problems.push({
      ...at(first, 'schedule'),
      message: 'a schedule needs the time zone its times are in; add timezone: to content/site.yaml, e.g. timezone: Asia/Ho_Chi_Minh',
    });
  }
  const valid = scheduled.filter((page) => {
    const schedule = page.data.schedule!;
    if (daysBetween(schedule.from, schedule.until) >= MAX_SCHEDULE_DAYS) {
      problems.push({
        ...at(page, 'schedule', 'until'),
        message: `the schedule runs from ${schedule.from} to ${schedule.until}; the longest accepted is ${MAX_SCHEDULE_DAYS} days: split it, or end it sooner`,
      });
      return false;
    }
    if (scheduleDays(schedule).length === 0) {
      problems.push({
        ...at(page, 'schedule', 'days'),
        message: `none of the days ${schedule.days.join(', ')} falls between ${schedule.from} and ${schedule.until}, so it is never aired; expected days in that period`,
      });
      return false;
    }
    return true;
  });
  for (const locale of new Set(valid.map((p) => p.locale))) {
    const here = valid.filter((p) => p.locale === locale && !p.data.draft); // a draft is not aired
    const found = clashes(
      here.map((page) => ({
        item: page,
        airings: airings(page.data.schedule!),
        seconds: readingScript(page.data, page.parsed.text, page.locale).full.seconds,
      })),
    );
    for (const { item, other, airing } of found)
      problems.push({
        ...at(item, 'schedule'),
        message: `on ${airing.date} at ${airing.time} it overlaps ${other.file}, aired at the same time or still being read; a loudspeaker reads one message at a time: move one of the times`,
      });
  }
  return problems;
}
