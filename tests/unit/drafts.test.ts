import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/kinds/index.ts';
import { siteSettings } from '../../src/model/schemas.ts';
import { placeholderProblems } from '../../src/model/placeholders.ts';
import { translationReport } from '../../src/model/translations.ts';
import { resolveLocales } from '../../src/i18n/locales.ts';

const settings = siteSettings.parse({
  site: 'https://example.org',
  defaultLocale: 'vi',
  name: 'Campaign',
  organisation: { name: 'Org' },
  locales: [
    { code: 'vi', name: 'Tiếng Việt' },
    { code: 'en', name: 'English', fallback: ['vi'] },
  ],
});

describe('the draft field', () => {
  it('is a field of every kind, false when left out', () => {
    for (const kind of KINDS)
      expect(
        kind.schema.safeParse({}).error?.issues.some((i) => i.path[0] === 'draft'),
        kind.folder,
      ).toBe(false);
    const guide = KINDS[0].schema.parse({ title: 'T', summary: 'S', app: 'A', platforms: ['web'], minutes: 1 });
    expect(guide.draft).toBe(false);
  });
});

describe('placeholders', () => {
  it('are found in each kind’s scaffold, field by field and line by line', () => {
    for (const kind of KINDS) {
      const { data, body } = kind.starter([], '2025-01-01');
      const problems = placeholderProblems(kind, { file: 'f.md', data: { title: 'Real title', ...data }, body, bodyLine: 10, lineOf: () => 3 });
      expect(problems.length, kind.folder).toBeGreaterThan(1);
      expect(
        problems.find((p) => p.field === 'summary'),
        kind.folder,
      ).toMatchObject({ line: 3 });
      expect(
        problems.filter((p) => p.field === 'body').every((p) => p.line! >= 10 && p.message.includes('can stay a draft')),
        kind.folder,
      ).toBe(true);
      expect(
        placeholderProblems(kind, { file: 'f.md', data: { title: 'T', summary: 'Real text here.' }, body: 'Real text.\n\n1. A real step.\n', bodyLine: 10 }),
      ).toEqual([]);
    }
  });
});

describe('translation status', () => {
  it('counts a draft as a draft, never as translated, and takes the source from the published pages', () => {
    const page = (locale: string, title: string, follows?: string) => ({
      kind: 'guides' as const,
      locale,
      slug: 'x',
      body: 'b',
      data: { title, summary: 's', follows } as never,
    });
    const report = translationReport({ entries: [page('en', 'E')], drafts: [page('vi', 'V')], locales: resolveLocales(settings.locales, 'vi'), settings });
    expect(report.rows[0]).toMatchObject({ source: 'en', states: { vi: 'draft', en: 'source' } });
    expect(report.counts.vi).toMatchObject({ draft: 1, current: 0 });
  });
});
