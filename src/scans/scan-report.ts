import type { Poster } from '../posters/load-posters.ts';
import type { DayCount, ScanCounts } from './count-scans.ts';
import { daysFrom, isoWeek, weeksFrom } from './iso-week.ts';

/** One poster's line of the report. */
export interface PosterScans {
  code: string;
  place: string;
  /** `vi/guides/alerts-on-android`, as the poster file writes it. */
  target: string;
  paper: string;
  status: string;
  total: number;
  unique: number;
  /** Unique scans per ISO week (`2026-W40`), for every week of the report. */
  weeks: Map<string, number>;
  /** Unique scans per day, for every day of the report. */
  days: Map<string, number>;
}

/** Everything the three outputs (terminal, CSV, HTML) show, and nothing personal. */
export interface ScanReport {
  posters: PosterScans[];
  /** Every ISO week from the first scan's to the last's, without gaps. */
  weeks: string[];
  /** Every day from the first scan to the last, without gaps. */
  days: string[];
  /** Codes no poster has, with their requests, most requested first. */
  unknown: [string, number][];
}

/**
 * Puts the counts beside the posters of the content folder: every poster gets a line, scanned
 * or not, in the order of its files, with its place, target, paper and status from the poster
 * file. Weeks and days hold unique scans; a week's is the sum of its days' (one per visitor per day).
 */
export function scanReport(posters: readonly Poster[], counts: ScanCounts): ScanReport {
  const scannedDays = [...counts.byCode.values()].flatMap((days) => [...days.keys()]).sort();
  const days = scannedDays.length ? daysFrom(scannedDays[0]!, scannedDays.at(-1)!) : [];
  const weeks = scannedDays.length ? weeksFrom(scannedDays[0]!, scannedDays.at(-1)!) : [];
  const rows = posters.map((poster): PosterScans => {
    const counted = counts.byCode.get(poster.code) ?? new Map<string, DayCount>();
    const byWeek = new Map(weeks.map((w) => [w, 0]));
    const byDay = new Map(days.map((d) => [d, 0]));
    let total = 0;
    let unique = 0;
    for (const [day, count] of counted) {
      total += count.total;
      unique += count.unique;
      byDay.set(day, count.unique);
      byWeek.set(isoWeek(day), byWeek.get(isoWeek(day))! + count.unique);
    }
    const { locale, kind, slug } = poster.target;
    return {
      code: poster.code,
      place: poster.place ?? '',
      target: `${locale}/${kind}/${slug}`,
      paper: poster.paper,
      status: poster.status,
      total,
      unique,
      weeks: byWeek,
      days: byDay,
    };
  });
  const unknown = [...counts.unknown].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { posters: rows, weeks, days, unknown };
}
