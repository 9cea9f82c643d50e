import { describe, expect, it } from 'vitest';
import { comparisonRow, median, pairRatios } from '../../scripts/bench/compare.ts';
import { changeOneSentence, corpusEntries, EDITED_GUIDE, LOCALES, NATIONAL_LOCALES } from '../../scripts/bench/corpus.ts';
import { hugoSiteFiles } from '../../scripts/bench/hugo-site.ts';
import { shardGroups } from '../../scripts/bench/shards.ts';

describe('the Hugo site the bench compares Loa with', () => {
  const n = 7;
  const hugo = hugoSiteFiles(n);
  const markdown = (locale: string, kind: string) =>
    [...hugo.keys()].filter((path) => path.startsWith(`content/${locale}/${kind}/`) && !path.endsWith('/_index.md'));

  it('has the same guides and messages in each locale as Loa’s corpus, with the same Markdown at the same paths', () => {
    const loa = corpusEntries(n);
    for (const locale of LOCALES)
      for (const kind of ['guides', 'messages'] as const) {
        expect(markdown(locale, kind)).toHaveLength(n);
        expect(loa.filter((e) => e.locale === locale && e.kind === kind)).toHaveLength(n);
      }
    for (const entry of loa) expect(hugo.get(`content/${entry.locale}/${entry.kind}/${entry.slug}.md`)).toBe(entry.text);
  });

  it('is multilingual in the 3 locales, each with a list page per kind, and marks only guides and messages for search', () => {
    const config = hugo.get('hugo.toml')!;
    for (const locale of LOCALES) {
      expect(config).toContain(`[languages.${locale}]`);
      expect(config).toContain(`contentDir = "content/${locale}"`);
      expect(hugo.has(`content/${locale}/guides/_index.md`)).toBe(true);
      expect(hugo.has(`content/${locale}/messages/_index.md`)).toBe(true);
    }
    expect(config).toContain('defaultContentLanguage = "vi"');
    expect(hugo.get('layouts/_default/single.html')).toContain('data-pagefind-body');
    expect(hugo.get('layouts/_default/list.html')).not.toContain('data-pagefind-body');
    expect(hugo.get('layouts/index.html')).not.toContain('data-pagefind-body');
  });

  it('has a national campaign’s 10 locales, Arabic right to left, each with the same pages as Loa’s corpus', () => {
    const national = hugoSiteFiles(2, NATIONAL_LOCALES);
    const loa = corpusEntries(2, NATIONAL_LOCALES);
    expect(NATIONAL_LOCALES).toHaveLength(10);
    expect(loa).toHaveLength(10 * 2 * 2);
    for (const entry of loa) expect(national.get(`content/${entry.locale}/${entry.kind}/${entry.slug}.md`)).toBe(entry.text);
    for (const locale of NATIONAL_LOCALES) expect(national.has(`content/${locale}/messages/_index.md`)).toBe(true);
    expect(national.get('hugo.toml')).toMatch(/\[languages\.ar\][^[]*languageDirection = "rtl"/);
    expect(corpusEntries(2).every((e) => (LOCALES as readonly string[]).includes(e.locale))).toBe(true);
  });

  it('changes one sentence of the edited guide, the same way in both sites', () => {
    const guide = corpusEntries(1).find((e) => `content/${e.locale}/${e.kind}/${e.slug}.md` === EDITED_GUIDE)!;
    const edited = changeOneSentence(guide.text);
    expect(edited).not.toBe(guide.text);
    const lines = (text: string) => text.split('\n');
    const changed = lines(edited).filter((line, i) => line !== lines(guide.text)[i]);
    expect(changed).toHaveLength(1);
    expect(edited.split('---')[1]).toBe(guide.text.split('---')[1]);
  });
});

describe('side-by-side figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('divides Loa’s figure by the other tool’s pair by pair', () => {
    expect(pairRatios([30, 20], [10, 8])).toEqual([3, 2.5]);
  });

  it('shows both tools’ values, each pair’s ratio and the median ratio in one row', () => {
    expect(comparisonRow('cold build, wall', [30, 24, 33], [10, 8, 10], (v) => `${v} s`)).toBe(
      '| cold build, wall | 30 s, 24 s, 33 s | 10 s, 8 s, 10 s | 3.00, 3.00, 3.30 | **3.00** |',
    );
  });
});

describe('the shards the bench builds a site in', () => {
  it('splits the locales in order into groups of nearly equal size, each locale in one', () => {
    expect(shardGroups([...NATIONAL_LOCALES], 2)).toEqual([NATIONAL_LOCALES.slice(0, 5), NATIONAL_LOCALES.slice(5)]);
    expect(shardGroups([...NATIONAL_LOCALES], 3).map((group) => group.length)).toEqual([4, 3, 3]);
    expect(shardGroups(['vi', 'en'], 5)).toEqual([['vi'], ['en']]);
  });
});
