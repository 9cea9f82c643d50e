import { describe, expect, it } from 'vitest';
import { foldForSearch, foldLetters, plainSpellings } from '../../src/search/fold.ts';
import { makeExcerpt, realText } from '../../src/search/excerpt.ts';
import { searchDocument } from '../../src/search/build-index.ts';

describe('folding for accent-free search', () => {
  it('replaces letters Unicode does not decompose', () => {
    expect(foldLetters('Đường điện tử')).toBe('Dường diện tử');
    expect(foldLetters('Łódź, Ærø, Straße')).toBe('Lódź, AEro, Strasse');
  });
  it('folds text the way people type it without accents', () => {
    expect(foldForSearch('Sổ sức khỏe điện tử')).toBe('so suc khoe dien tu');
    expect(foldForSearch('Đăng ký tài khoản')).toBe('dang ky tai khoan');
  });
  it('lists each word with such a letter once, in its plain spelling', () => {
    expect(plainSpellings('Đăng ký, đăng nhập và điện tử; đăng xuất')).toEqual(['Dăng', 'dăng', 'diện']);
    expect(plainSpellings('no such letters here')).toEqual([]);
  });
});

describe('excerpts', () => {
  const content = 'Mở ứng dụng. Chạm Đăng ký để tạo tài khoản trên Sổ sức khỏe điện tử. ⁂ Dăng diện';
  const marked = (query: string) =>
    makeExcerpt(content, query)
      .filter((p) => p.match)
      .map((p) => p.text);

  it('mark the real words, with their accents, for queries typed without them', () => {
    expect(marked('dang ky')).toEqual(['Đăng', 'ký']);
    expect(marked('so suc khoe dien tu')).toEqual(['Sổ', 'sức', 'khỏe', 'điện', 'tử']);
    expect(marked('Đăng ký')).toEqual(['Đăng', 'ký']);
  });
  it('never show the plain spellings added for the index', () => {
    expect(realText(content)).not.toContain('⁂');
    expect(
      makeExcerpt(content, 'dien')
        .map((p) => p.text)
        .join(''),
    ).not.toContain('⁂');
  });
});

describe('excerpt windows', () => {
  it('centre on the part of the text where most of the query’s words are', () => {
    const content = `Đến lượt mình. ${'Chờ thông báo. '.repeat(20)}Nếu chưa biết đường đến điểm tiêm, hãy hỏi.`;
    const parts = makeExcerpt(content, 'duong den diem tiem');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['đường', 'đến', 'điểm', 'tiêm']);
  });
});

describe('the document Pagefind indexes', () => {
  const page =
    '<!DOCTYPE html><html lang="vi" dir="ltr"><head><style>body{}</style></head><body><header>Đơn vị</header><article data-pagefind-body><h1>Đường đến điểm tiêm</h1></article><footer>Điện thoại</footer></body></html>';

  it('is the page’s html tag and its indexed article, without header, styles or footer', () => {
    const indexed = searchDocument(page)!;
    expect(indexed).toMatch(/^<!DOCTYPE html><html lang="vi" dir="ltr"><body><article data-pagefind-body><h1>Đường đến điểm tiêm<\/h1>/);
    expect(indexed).not.toMatch(/Đơn vị|Điện thoại|<style/);
  });
  it('adds plain spellings at the end of the article only, weighted low', () => {
    expect(searchDocument(page)).toContain('<p data-pagefind-weight="0.5">⁂ Dường dến diểm</p></article>');
    expect(searchDocument(page)).not.toMatch(/Dơn|Diện/);
    expect(searchDocument('<html lang="en"><body><article data-pagefind-body><p>no such letters</p></article></body></html>')).toBe(
      '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><p>no such letters</p></article></body></html>',
    );
  });
  it('is undefined for a page with nothing to index', () => {
    expect(searchDocument('<html lang="en"><body><main>Home</main></body></html>')).toBeUndefined();
  });
});
