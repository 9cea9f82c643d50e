import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, ROOT } from '../helpers/sites.ts';
import { page } from '../helpers/dist.ts';
import { changedFixture, failedBuild, type Change } from '../helpers/changed-site.ts';

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

  it('a short version, recording or schedule on a message not read aloud', () => {
    const err = failing('not-broadcast', { 'content/vi/messages/flood-drill.md': drill.replace('broadcast: true\n', '') });
    expect(err).toMatch(/line 5 +audio: only broadcast messages have audio:; add broadcast: true/);
    expect(err).toMatch(/line 6 +short: only broadcast messages have short:/);
    expect(err).toMatch(/line 9 +schedule: only broadcast messages have schedule:/);
  });
});
