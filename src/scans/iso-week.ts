/**
 * The ISO 8601 week of a day (`2026-09-28` → `2026-W40`): weeks start on Monday and belong to the
 * year of their Thursday, as spreadsheets' ISOWEEKNUM and most of the world's calendars count them.
 */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every day from `first` to `last`, both included: a report shows the days without scans too. */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Every ISO week from the one of `first` to the one of `last`, in order, without gaps. */
export function weeksFrom(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (const day of daysFrom(first, last)) {
    const week = isoWeek(day);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  return weeks;
}
