import { describe, expect, it } from 'vitest';
import { resolvePages } from '../../src/lib/pages.ts';
import { resolveLocales } from '../../src/i18n/locales.ts';

const locales = resolveLocales(
  [
    { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', fallback: [] },
    { code: 'en', name: 'English', dir: 'ltr', fallback: ['vi'] },
    { code: 'zh', name: '中文', dir: 'ltr', fallback: ['en', 'vi'] },
  ],
  'vi',
);

describe('resolvePages', () => {
  const entries = [
    { locale: 'vi', slug: 'a' },
    { locale: 'en', slug: 'a' },
    { locale: 'vi', slug: 'b' },
    { locale: 'en', slug: 'only-en' },
  ];
  const pages = resolvePages(entries, locales);
  const at = (locale: string, slug: string) => pages.find((p) => p.locale === locale && p.slug === slug);

  it('shows a locale its own entry', () => {
    expect(at('en', 'a')).toMatchObject({ isFallback: false, entry: { locale: 'en' }, translations: ['vi', 'en'] });
  });
  it('shows the first entry along the fallback chain where a locale has none', () => {
    expect(at('zh', 'a')).toMatchObject({ isFallback: true, entry: { locale: 'en' } });
    expect(at('zh', 'b')).toMatchObject({ isFallback: true, entry: { locale: 'vi' } });
  });
  it('makes no page where no locale of the chain has the entry', () => {
    expect(at('vi', 'only-en')).toBeUndefined();
    expect(at('zh', 'only-en')).toMatchObject({ entry: { locale: 'en' } });
  });
  it('never lists a fallback among the translations', () => {
    expect(at('zh', 'b')?.translations).toEqual(['vi']);
  });
});
