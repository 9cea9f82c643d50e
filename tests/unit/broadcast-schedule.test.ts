import { describe, expect, it } from 'vitest';
import { airings, clashes, scheduleDays, weeksOf } from '../../src/broadcast/schedule.ts';
import { foldLine, vtimezone, zonedInstant } from '../../src/broadcast/ical.ts';
import { scheduleField, WEEKDAYS } from '../../src/broadcast/fields.ts';

const schedule = (fields: object) => scheduleField.parse(fields);

describe('broadcast schedules', () => {
  it('air every day when no days are given, from the first day to the last, both included', () => {
    const every = schedule({ from: '2025-09-29', until: '2025-10-01', times: ['17:00', '06:30'] });
    expect(every.days).toEqual([...WEEKDAYS]);
    expect(airings(every).map((a) => `${a.date} ${a.time}`)).toEqual([
      '2025-09-29 06:30',
      '2025-09-29 17:00',
      '2025-09-30 06:30',
      '2025-09-30 17:00',
      '2025-10-01 06:30',
      '2025-10-01 17:00',
    ]);
  });

  it('air on the listed days of the week only', () => {
    expect(scheduleDays(schedule({ from: '2025-10-01', until: '2025-10-14', days: ['mon', 'sat'], times: ['07:00'] }))).toEqual([
      '2025-10-04',
      '2025-10-06',
      '2025-10-11',
      '2025-10-13',
    ]);
  });

  it('refuse an end before the start, and empty lists of days or times', () => {
    const problems = (fields: object) => scheduleField.safeParse(fields).error?.issues.map((i) => i.path.join('.'));
    expect(problems({ from: '2025-10-02', until: '2025-10-01', times: ['07:00'] })).toEqual(['until']);
    expect(problems({ from: '2025-10-01', until: '2025-10-02', days: [], times: [] })).toEqual(['days', 'times']);
    expect(problems({ from: '2025-10-01', until: '2025-10-02', times: ['24:00', '7:00', 6.3] })).toEqual(['times.0', 'times.1', 'times.2']);
    expect(scheduleField.safeParse({ from: '2025-10-01', until: '2025-10-02', times: [6.3] }).error?.issues[0]?.message).toMatch(/^expected a time of day/);
  });

  it('group airings into weeks from Monday to Sunday', () => {
    const weeks = weeksOf(airings(schedule({ from: '2025-10-04', until: '2025-10-06', times: ['07:00'] })));
    expect(weeks.map((w) => [w.monday, w.sunday, w.airings.length])).toEqual([
      ['2025-09-29', '2025-10-05', 2],
      ['2025-10-06', '2025-10-12', 1],
    ]);
  });

  it('find two messages on air at once: the same time, or one starting while the other is read', () => {
    const a = schedule({ from: '2025-10-01', until: '2025-10-03', times: ['06:30'] });
    const b = schedule({ from: '2025-10-03', until: '2025-10-05', times: ['06:30'] });
    const c = schedule({ from: '2025-10-01', until: '2025-10-01', times: ['06:31'] });
    expect(
      clashes([
        { item: 'a', airings: airings(a), seconds: 40 },
        { item: 'b', airings: airings(b), seconds: 40 },
      ]),
    ).toEqual([{ item: 'b', other: 'a', airing: { date: '2025-10-03', time: '06:30' } }]);
    expect(
      clashes([
        { item: 'a', airings: airings(a), seconds: 90 },
        { item: 'c', airings: airings(c), seconds: 10 },
      ]),
    ).toHaveLength(1);
    expect(
      clashes([
        { item: 'a', airings: airings(a), seconds: 59 },
        { item: 'c', airings: airings(c), seconds: 10 },
      ]),
    ).toEqual([]);
  });
});

describe('the broadcast calendar', () => {
  it('gives a zone without summer time one observance, and one with it each change', () => {
    expect(vtimezone('Asia/Ho_Chi_Minh', '2025-09-01', '2025-09-30')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Ho_Chi_Minh',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    const paris = vtimezone('Europe/Paris', '2025-10-01', '2025-10-31').join('\n');
    expect(paris).toContain('BEGIN:DAYLIGHT\nDTSTART:20250330T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200');
    expect(paris).toContain('BEGIN:STANDARD\nDTSTART:20251026T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100');
  });

  it('turns a wall-clock time in a zone into the instant', () => {
    expect(new Date(zonedInstant('2025-09-02', '06:30', 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2025-09-01T23:30:00.000Z');
    expect(new Date(zonedInstant('2025-10-27', '06:30', 'Europe/Paris')).toISOString()).toBe('2025-10-27T05:30:00.000Z');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'Diễn tập sơ tán lũ '.repeat(8)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'Diễn tập sơ tán lũ '.repeat(8)}`);
  });
});
