import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, ROOT, runBuild, siteAddress } from '../helpers/sites.ts';
import { findBrokenRefs } from '../helpers/crawl.ts';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { page } from '../helpers/dist.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';
import { parseRssFeed } from 'feedsmith';
import ICAL from 'ical.js';
import sharp from 'sharp';
import { existsSync, statSync } from 'node:fs';

const fixture = join(ROOT, 'tests/fixtures/broadcast');
const source = (path: string) => readFileSync(join(fixture, path));
const sourceText = (path: string) => readFileSync(join(fixture, path), 'utf8');
let dist: string;
beforeAll(() => {
  dist = builtSite('broadcast');
});

describe('the reading script', () => {
  it('says how long the message takes to read aloud, under its title', () => {
    // (The vi fixture has no ui.yaml: its labels, and the times in them, are the English ones.)
    const text = readFileSync(join(dist, 'en/messages/flood-drill.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Flood evacuation drill');
    // 56 words at 150 a minute: 22 seconds, said as about 20.
    expect(lines[1]).toBe('[Reading aloud takes about 20 seconds.]');
    expect(text).toContain('Dear residents.');
  });

  it('adds each short version the editor wrote, with its own reading time', () => {
    const vi = readFileSync(join(dist, 'vi/messages/flood-drill.txt'), 'utf8');
    const at30 = vi.indexOf('Version for a 30-second slot [Reading aloud takes about 5 seconds.]');
    const at60 = vi.indexOf('Version for a 60-second slot');
    expect(at30).toBeGreaterThan(vi.indexOf('Kính thưa bà con'));
    expect(at60).toBeGreaterThan(at30);
    expect(vi.slice(at30)).toContain('Hãy đi theo hướng dẫn của tổ dân phố.');
    const en = readFileSync(join(dist, 'en/messages/flood-drill.txt'), 'utf8');
    expect(en).toContain('Version for a 30-second slot');
    expect(en).not.toContain('60-second');
    expect(readFileSync(join(dist, 'vi/messages/market-day.txt'), 'utf8')).not.toContain('Version for');
  });

  it('shows the reading time beside the broadcast note', () => {
    const $ = page(dist, 'en/messages/flood-drill/index.html');
    expect($('.broadcast .reading-time').text()).toBe('Reading aloud takes about 20 seconds.');
    expect(page(dist, 'vi/messages/news/index.html')('.reading-time')).toHaveLength(0);
  });
});

describe('the recording', () => {
  it('is copied into the site under a name with its content hash, byte for byte', () => {
    const $ = page(dist, 'vi/messages/flood-drill/index.html');
    const src = $('audio source').attr('src')!;
    expect(src).toMatch(/^\/audio\/flood-drill-[0-9a-f]{10}\.ogg$/);
    expect(readFileSync(join(dist, src))).toEqual(source('content/audio/flood-drill.ogg'));
  });

  it('has an accessible player that loads nothing until asked, its format, size and length, a download link and the text as transcript', () => {
    const $ = page(dist, 'vi/messages/flood-drill/index.html');
    const audio = $('figure.recording audio');
    expect(audio.attr('controls')).toBeDefined();
    expect(audio.attr('preload')).toBe('none');
    expect($('audio source').attr('type')).toBe('audio/ogg; codecs=opus');
    expect($(`#${audio.attr('aria-labelledby')}`).text()).toMatch(/^Recording \(Ogg Opus, \d+ kB, \d+ seconds\)$/);
    expect($(`#${audio.attr('aria-describedby')}`).text()).toBe('The text of this page is the transcript of the recording.');
    expect($('figure.recording time').attr('datetime')).toMatch(/^PT\d+S$/);
    const download = $('figure.recording > p a[download]');
    expect(download.attr('href')).toBe($('audio source').attr('src'));
    expect(download.attr('type')).toBe('audio/ogg');
    expect($('figure.recording + .body').text()).toContain('Kính thưa bà con.');
  });

  it('serves MP3 and M4A with their own types', () => {
    expect(page(dist, 'vi/messages/market-day/index.html')('audio source').attr('type')).toBe('audio/mpeg');
    const $ = page(dist, 'en/messages/flood-drill/index.html');
    expect($('audio source').attr('type')).toBe('audio/mp4');
    expect(readFileSync(join(dist, $('audio source').attr('src')!))).toEqual(source('content/audio/flood-drill-en.m4a'));
  });

  it('a message without one has no player', () => {
    expect(page(dist, 'vi/messages/news/index.html')('audio')).toHaveLength(0);
  });
});

describe('the podcast feed', () => {
  const feedOf = (locale: string) => readFileSync(join(dist, locale, 'messages/podcast.xml'), 'utf8');

  it('is RSS 2.0 a feed parser reads, with the channel tags podcast apps need', () => {
    const xml = feedOf('vi');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const feed = parseRssFeed(xml);
    expect(feed.title).toBe('Loa phường – Recorded messages');
    expect(feed.link).toBe('https://radio.example.org/vi/messages/');
    expect(feed.description).toBeTruthy();
    expect(feed.language).toBe('vi');
    expect(feed.atom?.links?.[0]).toMatchObject({ href: 'https://radio.example.org/vi/messages/podcast.xml', rel: 'self' });
    expect(feed.itunes?.image).toBe('https://radio.example.org/vi/messages/cover.png');
    expect(feed.image?.url).toBe('https://radio.example.org/vi/messages/cover.png');
    expect(feed.itunes?.author).toBe('Ủy ban phường thử nghiệm');
    expect(feed.itunes?.owner).toEqual({ name: 'Ủy ban phường thử nghiệm', email: 'loa@example.org' });
    expect(feed.itunes?.categories).toEqual([{ text: 'Government' }]);
    expect(feed.itunes?.explicit).toBe(false);
  });

  it('names a square cover of each locale that podcast directories take: 1400 to 3000 px, RGB without alpha, in the identity colour', async () => {
    for (const locale of ['vi', 'en']) {
      expect(parseRssFeed(feedOf(locale)).itunes?.image).toBe(`https://radio.example.org/${locale}/messages/cover.png`);
      const cover = sharp(join(dist, locale, 'messages/cover.png'));
      const meta = await cover.metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(meta.height);
      expect(meta.width).toBeGreaterThanOrEqual(1400);
      expect(meta.width).toBeLessThanOrEqual(3000);
      expect(meta.space).toBe('srgb');
      expect(meta.channels).toBe(3);
      expect(meta.hasAlpha).toBe(false);
      // The corner is the identity colour (the fixture sets none: the default #0b4f8a); text is white.
      const { data } = await sharp(join(dist, locale, 'messages/cover.png'))
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([...data]).toEqual([0x0b, 0x4f, 0x8a]);
      const stats = await cover.stats();
      expect(stats.channels.map((c) => c.max)).toEqual([255, 255, 255]);
    }
    // Each locale's cover shows its own campaign name, so they differ.
    expect(readFileSync(join(dist, 'vi/messages/cover.png')).equals(readFileSync(join(dist, 'en/messages/cover.png')))).toBe(false);
  });

  it('has an episode per recorded message, newest first, each with its enclosure, length, transcript and the tags podcast apps need', () => {
    const feed = parseRssFeed(feedOf('vi'));
    expect(feed.items?.map((item) => item.title)).toEqual(['Diễn tập sơ tán lũ', 'Phiên chợ cuối tuần']);
    for (const item of feed.items!) {
      const enclosure = item.enclosures![0]!;
      const file = join(dist, new URL(enclosure.url!).pathname);
      expect(enclosure.length).toBe(statSync(file).size);
      expect(item.itunes?.duration).toBeGreaterThan(0);
      expect(item.itunes?.explicit).toBe(false);
      expect(item.guid?.value).toBeTruthy();
      expect(item.pubDate).toBeTruthy();
      const transcript = item.podcast?.transcripts?.[0];
      expect(transcript).toMatchObject({ type: 'text/plain', language: 'vi' });
      expect(readFileSync(join(dist, new URL(transcript!.url!).pathname), 'utf8').split('\n')[0]).toBe(item.title);
    }
    expect(feed.items![0]!.enclosures![0]!.type).toBe('audio/ogg');
    expect(feed.items![1]!.enclosures![0]!.type).toBe('audio/mpeg');
    // The length comes from the file: espeak-ng said the fixture's sentence in about 6 seconds.
    expect(feed.items![0]!.itunes?.duration).toBeGreaterThanOrEqual(4);
    expect(feed.items![0]!.itunes?.duration).toBeLessThanOrEqual(9);
  });

  it('leaves out messages without a recording', () => {
    expect(feedOf('vi')).not.toContain('Tin phường');
  });

  it('is linked from the messages list and its head, in each locale that has recordings', () => {
    const $ = page(dist, 'vi/messages/index.html');
    expect($('head link[rel=alternate][type="application/rss+xml"][href="/vi/messages/podcast.xml"]')).toHaveLength(1);
    expect($('main a[href="/vi/messages/podcast.xml"]').text()).toBe('Podcast of the recordings, for radio stations');
    expect(parseRssFeed(feedOf('en')).items).toHaveLength(1);
  });
});

describe('the broadcast schedule', () => {
  it('lists every airing of the week in order: day, time, message and reading time, then the texts to read', () => {
    const $ = page(dist, 'vi/broadcast/index.html');
    const weeks = $('section.sheet-week');
    // 20 Oct – 2 Nov, then the market's last weekend to 9 Nov: three weeks.
    expect(weeks).toHaveLength(3);
    const first = weeks.first();
    expect(first.find('h2').text()).toMatch(/^Week from .*20.* to .*26/);
    expect(
      first
        .find('thead th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Date', 'Time', 'Message', 'Reading time']);
    const rows = first
      .find('tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('time')
          .map((_, t) => $(t).attr('datetime'))
          .get()
          .join(' ') +
          ' ' +
          $(tr).find('a').text(),
      ])
      .get();
    // Every day at 06:30 and 17:00 (7 × 2) and the market on Saturday and Sunday at 07:00 (2).
    expect(rows).toHaveLength(16);
    expect(rows.slice(0, 3)).toEqual([
      '2025-10-20 2025-10-20T06:30 Diễn tập sơ tán lũ',
      '2025-10-20 2025-10-20T17:00 Diễn tập sơ tán lũ',
      '2025-10-21 2025-10-21T06:30 Diễn tập sơ tán lũ',
    ]);
    expect(rows).toContain('2025-10-25 2025-10-25T07:00 Phiên chợ cuối tuần');
    expect(rows.indexOf('2025-10-25 2025-10-25T07:00 Phiên chợ cuối tuần')).toBe(rows.indexOf('2025-10-25 2025-10-25T06:30 Diễn tập sơ tán lũ') + 1);
    expect(first.find('tbody tr').first().find('td').last().text()).toBe('25 seconds');
    // The texts of the week's messages follow the table, each linked from its rows.
    const scripts = first.find('article.sheet-script');
    expect(scripts.map((_, a) => $(a).find('h4').text()).get()).toEqual(['Diễn tập sơ tán lũ', 'Phiên chợ cuối tuần']);
    expect(`#${scripts.first().attr('id')}`).toBe(first.find('tbody tr a').first().attr('href'));
    expect(scripts.first().text()).toContain('Kính thưa bà con.');
    expect(
      scripts
        .first()
        .find('h5')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Version for a 30-second slot', 'Version for a 60-second slot']);
    // The last week has only the market.
    expect(weeks.last().find('article.sheet-script h4').text()).toBe('Phiên chợ cuối tuần');
  });

  it('is linked from the messages list, with the calendar file from the sheet', () => {
    expect(page(dist, 'vi/messages/index.html')('main a[href="/vi/broadcast/"]').text()).toBe('Broadcast schedule');
    expect(page(dist, 'vi/broadcast/index.html')('a[href="/vi/broadcast/broadcast.ics"]')).toHaveLength(1);
  });

  it('prints one A4 sheet per week', () => {
    const css = readFileSync(join(ROOT, 'src/styles/site.css'), 'utf8');
    expect(css).toMatch(/@page broadcast-sheet \{\s*size: A4;/);
    expect(page(dist, 'vi/broadcast/index.html')('.broadcast-sheet')).toHaveLength(1);
  });

  it("has a calendar an iCalendar library reads, airing each message when the sheet says, in the site's time zone", () => {
    const text = readFileSync(join(dist, 'vi/broadcast/broadcast.ics'), 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid).sort()).toEqual([
      'vi-flood-drill-0630@radio.example.org',
      'vi-flood-drill-1700@radio.example.org',
      'vi-market-day-0700@radio.example.org',
    ]);
    const instants = (event: ICAL.Event) => {
      const found: string[] = [];
      const it = event.iterator();
      for (let next = it.next(); next && found.length < 100; next = it.next()) found.push(next.toJSDate().toISOString());
      return found;
    };
    const drill = events.find((e) => e.uid.startsWith('vi-flood-drill-0630'))!;
    const times = instants(drill);
    expect(times).toHaveLength(14);
    // 06:30 in Paris: 04:30 UTC in summer time, 05:30 UTC after it ends on 26 October.
    expect(times[0]).toBe('2025-10-20T04:30:00.000Z');
    expect(times).toContain('2025-10-26T05:30:00.000Z');
    expect(times.at(-1)).toBe('2025-11-02T05:30:00.000Z');
    expect(drill.summary).toBe('Diễn tập sơ tán lũ');
    expect(drill.description).toContain('Kính thưa bà con.');
    // As long as the reading time the sheet gives (25 seconds, rounded to 5).
    expect(drill.duration.toSeconds()).toBeGreaterThanOrEqual(23);
    expect(drill.duration.toSeconds()).toBeLessThanOrEqual(27);
    const market = events.find((e) => e.uid.startsWith('vi-market-day'))!;
    expect(instants(market)).toEqual([
      '2025-10-25T05:00:00.000Z',
      '2025-10-26T06:00:00.000Z',
      '2025-11-01T06:00:00.000Z',
      '2025-11-02T06:00:00.000Z',
      '2025-11-08T06:00:00.000Z',
      '2025-11-09T06:00:00.000Z',
    ]);
    // Stable across builds: the time stamp is the message's date, not the build's.
    expect(drill.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2025-10-15T00:00:00Z');
  });

  it('only the locales with schedules have a sheet', () => {
    expect(existsSync(join(dist, 'en/broadcast/broadcast.ics'))).toBe(true);
    const en = new ICAL.Component(ICAL.parse(readFileSync(join(dist, 'en/broadcast/broadcast.ics'), 'utf8')) as unknown[]);
    expect(en.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('rrule')!.toString())).toEqual([
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20251024T043000Z',
    ]);
  });
});

describe('the broadcast site as a whole', () => {
  it('has no broken internal link, asset or fragment', () => {
    expect(findBrokenRefs(dist, siteAddress('broadcast'), '/')).toEqual([]);
  });

  it('has valid HTML on every page (the Nu Html Checker)', () => {
    const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', '--skip-non-html', dist], { encoding: 'utf8', maxBuffer: 32 * 2 ** 20 });
    if (result.error) throw new Error(`Java could not be started (${result.error.message})`);
    expect(`${result.stdout}${result.stderr}`.split('\n').filter(Boolean)).toEqual([]);
  });
});

describe('builds again', () => {
  it('give the same podcast, calendar, schedule, scripts and recordings, byte for byte', () => {
    const work = mkdtempSync(join(tmpdir(), 'loa-broadcast-again-'));
    try {
      expect(runBuild(fixture, join(work, 'dist')).status).toBe(0);
      const files = [
        'vi/messages/podcast.xml',
        'vi/messages/cover.png',
        'vi/broadcast/broadcast.ics',
        'vi/broadcast/index.html',
        'vi/messages/flood-drill.txt',
      ];
      const audio = page(dist, 'vi/messages/flood-drill/index.html')('audio source').attr('src')!;
      for (const file of [...files, audio]) expect(readFileSync(join(work, 'dist', file)), file).toEqual(readFileSync(join(dist, file)));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('bad broadcast content fails the build with file, line and field', () => {
  const work = mkdtempSync(join(tmpdir(), 'loa-broadcast-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const failing = (name: string, changes: Record<string, Change>) => failedBuild(changedFixture(work, name, changes, 'broadcast'));
  const drill = sourceText('content/vi/messages/flood-drill.md');

  it('a recording that is missing', () => {
    const err = failing('audio-missing', { 'content/audio/flood-drill.ogg': null });
    expect(err).toMatch(
      /content\/vi\/messages\/flood-drill\.md\n +line 6 +audio: recording audio\/flood-drill\.ogg not found; expected a file content\/audio\/flood-drill\.ogg/,
    );
  });

  it('a recording that is no audio at all', () => {
    const err = failing('audio-corrupt', { 'content/audio/flood-drill.ogg': 'not a recording, only text\n'.repeat(40) });
    expect(err).toMatch(/line 6 +audio: recording audio\/flood-drill\.ogg is not an Ogg Opus recording: its content is no audio format Loa can read/);
  });

  it('a recording in another format than its name says', () => {
    const err = failing('audio-wrong-format', { 'content/audio/flood-drill.ogg': source('content/audio/market-day.mp3') });
    expect(err).toMatch(/line 6 +audio: recording audio\/flood-drill\.ogg is MPEG MPEG \d Layer 3 audio, not Ogg Opus as its name says/);
  });

  it('a recording of a kind Loa does not take, and a file in content/audio/ that is no recording', () => {
    const err = failing('audio-wav', {
      'content/vi/messages/flood-drill.md': drill.replace('audio: audio/flood-drill.ogg', 'audio: audio/flood-drill.wav'),
      'content/audio/notes.txt': 'notes\n',
    });
    expect(err).toMatch(/line 6 +audio: expected a recording in content\/audio\/ ending in \.mp3, \.m4a, \.aac, \.ogg or \.opus/);
    expect(err).toMatch(/content\/audio\/notes\.txt\n +not a recording; content\/audio\/ holds recordings of messages/);
  });

  it('a short version too long for its slot', () => {
    const long = Array(20).fill('Sáng thứ bảy, cả phường diễn tập sơ tán lũ.').join(' ');
    const err = failing('short-long', { 'content/vi/messages/flood-drill.md': drill.replace(/ {2}30s: .*/, `  30s: ${long}`) });
    expect(err).toMatch(/line 8 +short\.30s: this version takes about 1 minute, 10 seconds to read aloud, more than its 30-second slot; shorten it/);
  });

  it('an empty schedule: end before start, no days, no times, or no listed day in its period', () => {
    const schedule = (text: string) => ({ 'content/vi/messages/flood-drill.md': drill.replace(/schedule:\n( {2}.*\n)+/, `schedule:\n${text}`) });
    const backwards = failing('schedule-backwards', schedule('  from: 2025-11-02\n  until: 2025-10-20\n  times: [06:30]\n'));
    expect(backwards).toMatch(/line 12 +schedule\.until: the schedule ends \(2025-10-20\) before it starts \(2025-11-02\)/);
    const nothing = failing('schedule-empty', schedule('  from: 2025-10-20\n  until: 2025-10-26\n  days: []\n  times: []\n'));
    expect(nothing).toMatch(/line 13 +schedule\.days: expected at least one day of the week/);
    expect(nothing).toMatch(/line 14 +schedule\.times: expected at least one time of day/);
    const never = failing('schedule-never', schedule('  from: 2025-10-20\n  until: 2025-10-21\n  days: [sat]\n  times: [06:30]\n'));
    expect(never).toMatch(/line 13 +schedule\.days: none of the days sat falls between 2025-10-20 and 2025-10-21, so it is never aired/);
    const badTime = failing('schedule-time', schedule('  from: 2025-10-20\n  until: 2025-10-21\n  times: [6.30]\n'));
    expect(badTime).toMatch(/line 13 +schedule\.times\[0\]: expected a time of day written as HH:MM/);
  });

  it('overlapping schedules: two messages read at the same time on the same day', () => {
    const market = sourceText('content/vi/messages/market-day.md').replace('times: [07:00]', 'times: [06:30]');
    const err = failing('schedule-overlap', { 'content/vi/messages/market-day.md': market });
    expect(err).toMatch(/content\/vi\/messages\/market-day\.md\n +line 7 +schedule: on 2025-10-25 at 06:30 it overlaps content\/vi\/messages\/flood-drill\.md/);
    // A message starting while another is still being read overlaps it too.
    const during = failing('schedule-during', {
      'content/vi/messages/market-day.md': sourceText('content/vi/messages/market-day.md').replace('times: [07:00]', "times: ['17:00']"),
    });
    expect(during).toMatch(/line 7 +schedule: on 2025-10-25 at 17:00 it overlaps/);
  });

  it('a schedule without a time zone in the settings', () => {
    const err = failing('schedule-no-zone', { 'content/site.yaml': sourceText('content/site.yaml').replace('timezone: Europe/Paris\n', '') });
    expect(err).toMatch(
      /content\/en\/messages\/flood-drill\.md\n +line 9 +schedule: a schedule needs the time zone its times are in; add timezone: to content\/site\.yaml/,
    );
    const typo = failing('schedule-bad-zone', {
      'content/site.yaml': sourceText('content/site.yaml').replace('timezone: Europe/Paris', 'timezone: Europe/Pariss'),
    });
    expect(typo).toMatch(/content\/site\.yaml\n +line 14 +timezone: expected a time zone name from the IANA database/);
  });

  it('a short version, recording or schedule on a message not read aloud', () => {
    const err = failing('not-broadcast', { 'content/vi/messages/flood-drill.md': drill.replace('broadcast: true\n', '') });
    expect(err).toMatch(/line 5 +audio: only broadcast messages have audio:; add broadcast: true/);
    expect(err).toMatch(/line 6 +short: only broadcast messages have short:/);
    expect(err).toMatch(/line 9 +schedule: only broadcast messages have schedule:/);
  });
});
