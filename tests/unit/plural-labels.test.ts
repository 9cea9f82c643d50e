import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formFor, pluralCategories, pluralCategory, type PluralForms } from '../../src/i18n/plural.ts';
import { labelIssues } from '../../src/i18n/check-labels.ts';
import { translator } from '../../src/i18n/translate.ts';
import { countLabels, UI_DEFAULTS, type UiKey } from '../../src/i18n/ui-strings.ts';
import { loadContent } from '../../src/model/load-content.ts';

/** The problems of a label as `path: message`, for short expectations. */
const issues = (key: UiKey, label: Parameters<typeof labelIssues>[1], locale: string) =>
  labelIssues(key, label, locale).map((i) => `${[key, ...i.path].join('.')}: ${i.message}`);

const RU = { one: '{n} шаг', few: '{n} шага', many: '{n} шагов', other: '{n} шага' };
const AR = { zero: 'لا خطوات', one: 'خطوة واحدة', two: 'خطوتان', few: '{n} خطوات', many: '{n} خطوة', other: '{n} خطوة' };

describe('plural forms are chosen with the rules of the language', () => {
  it('English: one and other', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    const t = translator({}, ['en']);
    expect([0, 1, 2, 21].map((n) => t('stepCount', { n }))).toEqual(['0 steps', '1 step', '2 steps', '21 steps']);
    expect(t('minutes', { n: 1 })).toBe('About 1 minute');
    expect(t('minutes', { n: 5 })).toBe('About 5 minutes');
    expect(t('searchResults', { n: 1, q: 'app' })).toBe('1 result for “app”');
    expect(t('searchResults', { n: 3, q: 'app' })).toBe('3 results for “app”');
  });

  it('Vietnamese: one text for every count', () => {
    expect(pluralCategories('vi')).toEqual(['other']);
    const t = translator({ vi: { stepCount: '{n} bước' } }, ['vi']);
    expect([1, 2, 5].map((n) => t('stepCount', { n }))).toEqual(['1 bước', '2 bước', '5 bước']);
  });

  it('Russian: one, few, many and other (for fractions)', () => {
    expect(pluralCategories('ru')).toEqual(['one', 'few', 'many', 'other']);
    const t = translator({ ru: { stepCount: RU } }, ['ru']);
    expect([1, 2, 5, 11, 21, 22, 25, 101].map((n) => t('stepCount', { n }))).toEqual([
      '1 шаг',
      '2 шага',
      '5 шагов',
      '11 шагов',
      '21 шаг',
      '22 шага',
      '25 шагов',
      '101 шаг',
    ]);
    expect(pluralCategory('ru', 1.5)).toBe('other');
  });

  it('Arabic: zero, one, two, few, many and other', () => {
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    const t = translator({ ar: { stepCount: AR } }, ['ar']);
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map((n) => t('stepCount', { n }))).toEqual([
      'لا خطوات',
      'خطوة واحدة',
      'خطوتان',
      '3 خطوات',
      '10 خطوات',
      '11 خطوة',
      '99 خطوة',
      '100 خطوة',
      '102 خطوة',
    ]);
  });

  it('a label from a fallback locale is chosen with the rules of the language it is written in', () => {
    // French counts 0 as one; the English text it falls back to says "0 steps".
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(translator({}, ['fr', 'en'])('stepCount', { n: 0 })).toBe('0 steps');
    // A Khmer page falling back to Vietnamese uses the Vietnamese text as it is.
    expect(translator({ vi: { minutes: 'Khoảng {n} phút' } }, ['km', 'vi'])('minutes', { n: 1 })).toBe('Khoảng 1 phút');
    // Russian forms shown to a reader of another locale keep the Russian choice.
    expect(translator({ ru: { stepCount: RU } }, ['uk', 'ru'])('stepCount', { n: 3 })).toBe('3 шага');
    expect(translator({ ru: { stepCount: RU } }, ['uk', 'ru']).written('stepCount')).toEqual({ lang: 'ru', label: RU });
    expect(translator({}, ['vi']).written('stepCount')).toEqual({ lang: 'en', label: UI_DEFAULTS.stepCount });
  });

  it('without a count, or in a language the runtime has no rules for, the other form', () => {
    expect(formFor(RU, 'ru')).toBe('{n} шага');
    expect(formFor(RU, 'ru', '5')).toBe('{n} шагов');
    expect(pluralCategories('qaa')).toEqual(['other']);
    expect(formFor({ one: 'one', other: 'other' }, 'qaa', 1)).toBe('other');
    expect(formFor({ one: 'one', other: 'other' }, 'not a tag', 1)).toBe('other');
  });
});

describe('the content check of plural forms', () => {
  it('knows which labels count, and their English forms pass it', () => {
    expect(countLabels()).toEqual(['stepCount', 'minutes', 'searchResults']);
    for (const key of countLabels()) expect(labelIssues(key, UI_DEFAULTS[key], 'en')).toEqual([]);
  });

  it('English needs one and other: a single text is refused', () => {
    expect(issues('stepCount', '{n} steps', 'en')).toEqual([
      'stepCount: expected one text per plural form, since English (en) uses one, other: write stepCount: { one: …, other: … }; found a single text',
    ]);
    expect(issues('stepCount', { other: '{n} steps' }, 'en')).toEqual(['stepCount: missing the plural form one; English (en) uses one, other']);
  });

  it('Vietnamese: a single text, or other alone; a form the language does not use is refused', () => {
    expect(issues('stepCount', '{n} bước', 'vi')).toEqual([]);
    expect(issues('stepCount', { other: '{n} bước' }, 'vi')).toEqual([]);
    expect(issues('stepCount', { one: '{n} bước', other: '{n} bước' }, 'vi')).toEqual([
      'stepCount.one: a plural form Vietnamese (vi) does not use; Vietnamese (vi) uses other',
    ]);
    expect(issues('stepCount', '{m} bước', 'vi')).toEqual([
      'stepCount: unknown placeholder {m}; missing {n}; this label takes {n} (as in its English text "{n} steps")',
    ]);
  });

  it('Russian: every missing form is named with the forms the language uses; {n} is needed in one (1, 21, 31, …)', () => {
    expect(issues('stepCount', RU, 'ru')).toEqual([]);
    expect(issues('stepCount', '{n} шагов', 'ru')).toEqual([
      'stepCount: expected one text per plural form, since Russian (ru) uses one, few, many, other: write stepCount: { one: …, few: …, many: …, other: … }; found a single text',
    ]);
    expect(issues('stepCount', { one: 'Один шаг', other: '{n} шага' }, 'ru')).toEqual([
      'stepCount: missing the plural forms few, many; Russian (ru) uses one, few, many, other',
      'stepCount.one: missing {n}; this label takes {n} (as in its English text "{n} steps"); the form one is used for 1, 21, 31, 41, …, so it needs {n}',
    ]);
  });

  it('Arabic: zero, one and two may leave out the count; a misspelt form gets a did-you-mean', () => {
    expect(issues('stepCount', AR, 'ar')).toEqual([]);
    const { few: _few, ...noFew } = AR;
    expect(issues('stepCount', { ...noFew, fiew: '{n} خطوات' } as PluralForms, 'ar')).toEqual([
      'stepCount: missing the plural form few; Arabic (ar) uses zero, one, two, few, many, other',
      'stepCount.fiew: unknown plural form; did you mean few?; Arabic (ar) uses zero, one, two, few, many, other',
    ]);
    const results = {
      zero: 'لا نتائج لـ «{q}»',
      one: 'نتيجة واحدة لـ «{q}»',
      two: 'نتيجتان لـ «{q}»',
      few: 'نتائج لـ «{q}»',
      many: '{n} نتيجة لـ «{q}»',
      other: '{n} نتيجة لـ «{q}»',
    };
    expect(issues('searchResults', results, 'ar')).toEqual([
      'searchResults.few: missing {n}; this label takes {n}, {q} (as in its English text "{n} results for “{q}”"); the form few is used for 3, 4, 5, 6, …, so it needs {n}',
    ]);
  });

  it('plural forms for a label that does not count are refused', () => {
    expect(issues('guides', { one: 'Guide', other: 'Guides' }, 'en')).toEqual([
      'guides: expected a single text; plural forms are only for labels that count with {n} (stepCount, minutes, searchResults)',
    ]);
  });
});

describe('ui.yaml plural problems in the content check', () => {
  const site = mkdtempSync(join(tmpdir(), 'loa-plural-'));
  cpSync(join(import.meta.dirname, '../fixtures/minimal'), site, { recursive: true, filter: (path) => !/[\\/](dist|node_modules|\.cache)$/.test(path) });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('are reported all at once, with file, line and field', () => {
    writeFileSync(
      join(site, 'content/fr/ui.yaml'),
      [
        'guides: Guides',
        'stepCount: "{n} étapes"',
        'minutes:',
        '  one: Environ {n} minute',
        '  other: Environ {n} minutes',
        'searchResults:',
        '  one: "{n} résultat pour « {q} »"',
        '  few: "{n} résultats pour « {q} »"',
        '  many: "{n} de résultats pour « {q} »"',
        '  other: "{n} résultats"',
        'messages:',
        '  one: Message',
        '  other: Messages',
        '',
      ].join('\n'),
    );
    const found = loadContent(site)
      .problems.filter((p) => p.file === 'content/fr/ui.yaml')
      .map((p) => `${p.line} ${p.field}: ${p.message}`);
    expect(found).toEqual([
      '2 stepCount: expected one text per plural form, since French (fr) uses one, many, other: write stepCount: { one: …, many: …, other: … }; found a single text',
      '3 minutes: missing the plural form many; French (fr) uses one, many, other',
      '8 searchResults.few: a plural form French (fr) does not use; French (fr) uses one, many, other',
      '10 searchResults.other: missing {q}; this label takes {n}, {q} (as in its English text "{n} results for “{q}”")',
      '11 messages: expected a single text; plural forms are only for labels that count with {n} (stepCount, minutes, searchResults)',
    ]);
  });
});
