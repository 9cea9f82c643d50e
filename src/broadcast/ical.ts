import { WEEKDAYS, type Schedule } from './fields.ts';
import { scheduleDays } from './schedule.ts';

/** One scheduled message as a calendar shows it. */
export interface CalendarItem {
  /** Stable across builds (`vi-flood-drill`): with the time of day and the site's host, the event's UID. */
  uid: string;
  /** YYYY-MM-DD the message was published: its DTSTAMP, so the file is the same at every build. */
  stamp: string;
  title: string;
  description: string;
  url: string;
  schedule: Schedule;
  /** How long it is read, in seconds: the event's DURATION. */
  seconds: number;
}

/** The offset of a time zone from UTC at an instant, in minutes (Asia/Ho_Chi_Minh: 420). */
export function zoneOffset(zone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant of a wall-clock time (YYYY-MM-DD, HH:MM) in a time zone. */
export function zonedInstant(date: string, time: string, zone: string): number {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let instant = wall - zoneOffset(zone, wall) * 60_000;
  instant = wall - zoneOffset(zone, instant) * 60_000;
  return instant;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const basic = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const utcStamp = (instant: number) => basic(new Date(instant).toISOString());
const localStamp = (instant: number, offset: number) => basic(new Date(instant + offset * MINUTE).toISOString()).replace(/Z$/, '');
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

/**
 * The VTIMEZONE of a zone over the years from `from` to `until`: its changes of offset (summer
 * time) found from the runtime's time zone data, each as an observance of its own, after one
 * giving the offset before them. A zone without changes (Asia/Ho_Chi_Minh) is one observance.
 */
export function vtimezone(zone: string, from: string, until: string): string[] {
  const start = Date.parse(`${from.slice(0, 4)}-01-01T00:00:00Z`) - DAY;
  const end = Date.parse(`${until.slice(0, 4)}-12-31T00:00:00Z`) + DAY;
  const first = zoneOffset(zone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: string, at: string, before: number, after: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${at}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  const changes: { instant: number; before: number; after: number }[] = [];
  for (let day = start, before = first; day < end; day += DAY) {
    const after = zoneOffset(zone, day + DAY);
    if (after === before) continue;
    // The minute it changes, by halving the day.
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (zoneOffset(zone, mid) === before) low = mid;
      else high = mid;
    }
    changes.push({ instant: high, before, after });
    before = after;
  }
  const standard = Math.min(first, ...changes.map((c) => c.after));
  observance(first === standard ? 'STANDARD' : 'DAYLIGHT', '19700101T000000', first, first);
  for (const c of changes) observance(c.after === standard ? 'STANDARD' : 'DAYLIGHT', localStamp(c.instant, c.before), c.before, c.after);
  lines.push('END:VTIMEZONE');
  return lines;
}

/** Text escaped for an iCalendar value (RFC 5545 3.3.11). */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A content line folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The iCalendar two-letter days (MO, TU, …) of a schedule's weekdays. */
const icalDay = (day: (typeof WEEKDAYS)[number]) => day.slice(0, 2).toUpperCase();

/**
 * A broadcast schedule as an iCalendar file (RFC 5545): one repeating event per message and time
 * of day, in the site's time zone (with its VTIMEZONE), repeating daily or on the listed days
 * until the schedule's last day. Nothing depends on when it is built: UIDs come from the locale,
 * message and time, DTSTAMP from the message's date.
 */
export function calendar(name: string, zone: string, host: string, items: readonly CalendarItem[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Loa//Broadcast schedule//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(name)}`, `X-WR-TIMEZONE:${zone}`);
  if (items.length) {
    const from = items.map((i) => i.schedule.from).sort()[0]!;
    const until = items
      .map((i) => i.schedule.until)
      .sort()
      .at(-1)!;
    lines.push(...vtimezone(zone, from, until));
  }
  for (const item of items) {
    const days = scheduleDays(item.schedule);
    const every = item.schedule.days.length === WEEKDAYS.length;
    for (const time of [...new Set(item.schedule.times)].sort()) {
      const rule = every ? 'FREQ=DAILY' : `FREQ=WEEKLY;BYDAY=${item.schedule.days.map(icalDay).join(',')}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${item.uid}-${time.replace(':', '')}@${host}`,
        `DTSTAMP:${basic(item.stamp)}T000000Z`,
        `DTSTART;TZID=${zone}:${basic(days[0]!)}T${time.replace(':', '')}00`,
        `DURATION:PT${Math.max(1, item.seconds)}S`,
        `RRULE:${rule};UNTIL=${utcStamp(zonedInstant(days.at(-1)!, time, zone))}`,
        `SUMMARY:${escapeText(item.title)}`,
        `DESCRIPTION:${escapeText(item.description)}`,
        `URL:${item.url}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
