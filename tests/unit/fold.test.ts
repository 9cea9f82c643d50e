import { describe, expect, it } from 'vitest';
import { foldForSearch, foldLetters, plainSpellings } from '../../src/search/fold.ts';
import { makeExcerpt, realText } from '../../src/search/excerpt.ts';
import { withPlainSpellings } from '../../src/search/build-index.ts';

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
  const marked = (query: string) => makeExcerpt(content, query).filter((p) => p.match).map((p) => p.text);

  it('mark the real words, with their accents, for queries typed without them', () => {
    expect(marked('dang ky')).toEqual(['Đăng', 'ký']);
    expect(marked('so suc khoe dien tu')).toEqual(['Sổ', 'sức', 'khỏe', 'điện', 'tử']);
    expect(marked('Đăng ký')).toEqual(['Đăng', 'ký']);
  });
  it('never show the plain spellings added for the index', () => {
    expect(realText(content)).not.toContain('⁂');
    expect(makeExcerpt(content, 'dien').map((p) => p.text).join('')).not.toContain('⁂');
  });
});

describe('excerpt windows', () => {
  it('centre on the part of the text where most of the query’s words are', () => {
    const content = `Đến lượt mình. ${'Chờ thông báo. '.repeat(20)}Nếu chưa biết đường đến điểm tiêm, hãy hỏi.`;
    const parts = makeExcerpt(content, 'duong den diem tiem');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['đường', 'đến', 'điểm', 'tiêm']);
  });
});

describe('plain spellings for the index', () => {
  it('are added at the end of the indexed article only, weighted low, and never to the page itself', () => {
    const html = '<html><body><header>Đơn vị</header><article data-pagefind-body><h1>Đường đến điểm tiêm</h1></article><footer>Điện thoại</footer></body></html>';
    const indexed = withPlainSpellings(html);
    expect(indexed).toContain('<p data-pagefind-weight="0.5">⁂ Dường dến diểm</p></article>');
    expect(indexed).not.toMatch(/Dơn|Diện/);
    expect(withPlainSpellings('<article data-pagefind-body><p>no such letters</p></article>')).toBe('<article data-pagefind-body><p>no such letters</p></article>');
  });
});
