import { describe, expect, it } from 'vitest';
import { countUnits, formatDuration, formatReadingTime, readingRate, readingSeconds, READING_RATES } from '../../src/broadcast/reading-time.ts';
import { readingScript } from '../../src/broadcast/script.ts';

describe('reading time, estimated per language', () => {
  it('counts English in words and reads 150 a minute', () => {
    expect(countUnits('Take your papers, water and medicine.', 'en')).toBe(6);
    expect(readingSeconds(Array(150).fill('word').join(' '), 'en')).toBe(60);
    expect(readingSeconds(Array(75).fill('word').join(' '), 'en-GB')).toBe(30);
  });

  it('counts Vietnamese in syllables, which are written apart, at 170 a minute', () => {
    expect(countUnits('Kính thưa bà con, sáng thứ bảy này cả phường diễn tập.', 'vi')).toBe(12);
    expect(readingSeconds(Array(170).fill('tiêm').join(' '), 'vi')).toBe(60);
    expect(readingRate('vi')).toEqual({ perMinute: 170, unit: 'syllables' });
  });

  it('counts Chinese in characters, with Latin words and numbers among them, at 250 a minute', () => {
    expect(countUnits('请在接种点留观30分钟。', 'zh')).toBe(9 + 1);
    expect(countUnits('打开App', 'zh-Hant')).toBe(2 + 1);
    expect(readingSeconds('疫'.repeat(250), 'zh')).toBe(60);
  });

  it('counts Thai and Khmer, written without spaces between words, in consonant letters', () => {
    expect(countUnits('សួស្តី', 'km')).toBe(3);
    expect(countUnits('สวัสดี', 'th')).toBe(4);
    expect(readingSeconds('ក'.repeat(340), 'km')).toBe(60);
  });

  it('reads a language without its own pace in words at the English pace', () => {
    expect(readingRate('fr')).toEqual(READING_RATES.en);
    expect(readingSeconds(Array(150).fill('mot').join(' '), 'fr')).toBe(60);
  });

  it('takes no time for no text, and at least a second for any', () => {
    expect(readingSeconds('', 'en')).toBe(0);
    expect(readingSeconds(' … ', 'vi')).toBe(0);
    expect(readingSeconds('Hello', 'en')).toBe(1);
  });

  it('says the time in the language of the page, rounded as an estimate', () => {
    expect(formatReadingTime(80, 'vi')).toBe('1 phút, 20 giây');
    expect(formatReadingTime(62, 'en')).toBe('1 minute');
    expect(formatReadingTime(3, 'en')).toBe('5 seconds');
    expect(formatReadingTime(184, 'en')).toBe('3 minutes');
    expect(formatReadingTime(193, 'en')).toBe('3 minutes, 10 seconds');
  });
});

describe('a recording’s length in words', () => {
  it('is said in each language, the same each time it is asked for', () => {
    const en = formatDuration({ minutes: 1, seconds: 5 }, 'en');
    const vi = formatDuration({ minutes: 1, seconds: 5 }, 'vi');
    expect(en).toMatch(/1 min.*5 s/);
    expect(vi).not.toBe(en);
    expect(formatDuration({ minutes: 1, seconds: 5 }, 'vi')).toBe(vi);
    expect(formatDuration({ minutes: 1, seconds: 6 }, 'vi')).not.toBe(vi);
  });
});

describe('the reading script', () => {
  it('reads title, summary and body, and each short version on its own', () => {
    const script = readingScript(
      { title: 'Drill', summary: 'Saturday.', short: { '60s': 'A drill on Saturday morning.', '30s': 'Drill Saturday.' } },
      'Go to the shelter.\n',
      'en',
    );
    expect(script.full.text).toBe('Drill\n\nSaturday.\n\nGo to the shelter.');
    expect(script.full.seconds).toBe(2);
    expect(script.shorts.map((s) => [s.slot, s.limit, s.seconds])).toEqual([
      ['30s', 30, 1],
      ['60s', 60, 2],
    ]);
  });
});
