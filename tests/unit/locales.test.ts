import { describe, expect, it } from 'vitest';
import { fallbackChain, findFallbackCycles, languageName, pickText, resolveLocales } from '../../src/i18n/locales.ts';
import { translator } from '../../src/i18n/translate.ts';

const declared = [
  { code: 'vi', fallback: [] },
  { code: 'en', fallback: ['vi'] },
  { code: 'hmn', fallback: ['vi', 'en'] },
  { code: 'zh', fallback: ['en'] },
];

describe('fallbackChain', () => {
  it('starts with the locale and follows declared fallbacks, then the default', () => {
    expect(fallbackChain('hmn', declared, 'vi')).toEqual(['hmn', 'vi', 'en']);
    expect(fallbackChain('zh', declared, 'vi')).toEqual(['zh', 'en', 'vi']);
  });
  it('ends with the default locale even when none is declared', () => {
    expect(fallbackChain('vi', declared, 'en')).toEqual(['vi', 'en']);
  });
  it('stops at cycles instead of looping', () => {
    const cyclic = [
      { code: 'a', fallback: ['b'] },
      { code: 'b', fallback: ['a'] },
    ];
    expect(fallbackChain('a', cyclic, 'a')).toEqual(['a', 'b']);
  });
});

describe('findFallbackCycles', () => {
  it('finds none in a sound chain', () => {
    expect(findFallbackCycles(declared)).toEqual([]);
  });
  it('names each cycle once, with the locales it passes through', () => {
    const cycles = findFallbackCycles([
      { code: 'zh', fallback: ['vi'] },
      { code: 'vi', fallback: ['en'] },
      { code: 'en', fallback: ['zh'] },
    ]);
    expect(cycles).toEqual([['zh', 'vi', 'en', 'zh']]);
  });
  it('finds a locale that falls back to itself', () => {
    expect(findFallbackCycles([{ code: 'vi', fallback: ['vi'] }])).toEqual([['vi', 'vi']]);
  });
});

describe('pickText and translator', () => {
  it('picks per-locale text along the chain', () => {
    expect(pickText({ vi: 'Xin chào', en: 'Hello' }, ['zh', 'en', 'vi'])).toBe('Hello');
    expect(pickText('Same everywhere', ['zh'])).toBe('Same everywhere');
    expect(pickText({ vi: 'Xin chào' }, ['en'])).toBeUndefined();
  });
  it('falls back along the chain, then to the built-in English, and fills values', () => {
    const t = translator({ zh: { guides: '使用指南' }, vi: { minutes: 'Khoảng {n} phút' } }, ['zh', 'vi']);
    expect(t('guides')).toBe('使用指南');
    expect(t('minutes', { n: 5 })).toBe('Khoảng 5 phút');
    expect(t('messages')).toBe('Messages');
  });
  it('resolves locales with their chains', () => {
    const locales = resolveLocales(
      [
        { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', fallback: [] },
        { code: 'ar', name: 'العربية', dir: 'rtl', fallback: [] },
      ],
      'vi',
    );
    expect(locales[1]).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl', chain: ['ar', 'vi'] });
  });
  it('names languages in the reader’s language', () => {
    expect(languageName('vi', 'en')).toBe('Vietnamese');
    expect(languageName('qqq', 'en')).toBeUndefined();
  });
});

describe('translator for English locales', () => {
  it('uses the built-in English before falling back to the next locale', () => {
    const t = translator({ vi: { guides: 'Hướng dẫn' }, en: { messages: 'News' } }, ['en', 'vi']);
    expect(t('guides')).toBe('Guides');
    expect(t('messages')).toBe('News');
  });
});
