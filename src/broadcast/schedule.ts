import { WEEKDAYS, type Schedule, type Weekday } from './fields.ts';

/** One airing of a message: a day (YYYY-MM-DD) and a time of day (HH:MM), in the site's time zone. */
export interface Airing {
  date: string;
  time: string;
}

/** The longest a schedule may run, in days: a campaign year (the sheet lists every week of it). */
export const MAX_SCHEDULE_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day of the week of a date (YYYY-MM-DD). */
export function weekdayOf(date: string): Weekday {
  // getUTCDay: 0 is Sunday.
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** A date (YYYY-MM-DD) moved by a number of days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from one date to another. */
export function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The days a schedule airs on, in order: the listed weekdays from its start to its end. */
export function scheduleDays(schedule: Schedule): string[] {
  const days: string[] = [];
  const span = Math.min(daysBetween(schedule.from, schedule.until), MAX_SCHEDULE_DAYS);
  for (let i = 0; i <= span; i++) {
    const date = addDays(schedule.from, i);
    if (schedule.days.includes(weekdayOf(date))) days.push(date);
  }
  return days;
}

/** Every airing of a schedule, by day then time. */
export function airings(schedule: Schedule): Airing[] {
  const times = [...new Set(schedule.times)].sort();
  return scheduleDays(schedule).flatMap((date) => times.map((time) => ({ date, time })));
}

/** Minutes since midnight of a time of day (HH:MM). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A scheduled message: its airings and how long each lasts. */
export interface Scheduled<T> {
  item: T;
  airings: readonly Airing[];
  seconds: number;
}

/**
 * The first clash of each scheduled item with one before it: two airings on the same day that
 * overlap (the same time, or one starting while the other is still being read), for a
 * loudspeaker can air one message at a time.
 */
export function clashes<T>(scheduled: readonly Scheduled<T>[]): { item: T; other: T; airing: Airing }[] {
  const byDay = new Map<string, { start: number; end: number; index: number; airing: Airing }[]>();
  const found = new Map<number, { other: number; airing: Airing }>();
  scheduled.forEach(({ airings: list, seconds }, index) => {
    for (const airing of list) {
      const start = minutesOf(airing.time) * 60;
      const slot = { start, end: start + Math.max(seconds, 1), index, airing };
      const day = byDay.get(airing.date) ?? [];
      const other = day.find((s) => s.index !== index && s.start < slot.end && slot.start < s.end);
      if (other && !found.has(index)) found.set(index, { other: other.index, airing });
      day.push(slot);
      byDay.set(airing.date, day);
    }
  });
  return [...found].map(([index, { other, airing }]) => ({ item: scheduled[index]!.item, other: scheduled[other]!.item, airing }));
}

/** The weeks (Monday to Sunday) the airings fall in, each with its airings in order, earliest first. */
export function weeksOf<T extends Airing>(list: readonly T[]): { monday: string; sunday: string; airings: T[] }[] {
  const weeks = new Map<string, T[]>();
  for (const airing of [...list].sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time))) {
    const monday = addDays(airing.date, -WEEKDAYS.indexOf(weekdayOf(airing.date)));
    weeks.set(monday, [...(weeks.get(monday) ?? []), airing]);
  }
  return [...weeks].map(([monday, airings]) => ({ monday, sunday: addDays(monday, 6), airings }));
}
