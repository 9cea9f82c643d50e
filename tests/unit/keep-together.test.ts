import { describe, expect, it } from 'vitest';
import { keepTogether } from '../../src/lib/keep-together.ts';

/** The text with each kept piece in brackets. */
const shown = (text: string) =>
  keepTogether(text)
    .map((p) => (p.nowrap ? `[${p.text}]` : p.text))
    .join('');

describe('keepTogether', () => {
  it('keeps a hyphen with a number or up to three letters after it', () => {
    expect(shown('Tiêm vắc-xin Covid-19 cho F-0, COVID-19 và Wi-Fi')).toBe('Tiêm vắc[-xin] Covid[-19] cho F[-0], COVID[-19] và Wi[-Fi]');
    expect(shown('SARS-CoV-2 từ 2021-08-30')).toBe('SARS[-CoV-2] từ 2021[-08-30]');
  });

  it('keeps a hyphen after a single letter or digit', () => {
    expect(shown('e-mail, X-quang')).toBe('e[-mail], X[-quang]');
  });

  it('lets longer compounds break, and leaves what is not a hyphenated word alone', () => {
    expect(shown('well-being, Bà Rịa-Vũng Tàu, check-list')).toBe('well-being, Bà Rịa-Vũng Tàu, check-list');
    expect(shown('a - b, -19, 19-, x–y')).toBe('a - b, -19, 19-, x–y');
  });

  it('counts letters with their combining marks as one, in any script', () => {
    // "Việt" written with combining marks (NFD) is four letters, like its composed form.
    expect(shown('Ho-Việt'.normalize('NFD'))).toBe('Ho-Việt'.normalize('NFD'));
    expect(shown('Ho-Việ'.normalize('NFD'))).toBe(`Ho[${'-Việ'.normalize('NFD')}]`);
    expect(shown('كوفيد-19')).toBe('كوفيد[-19]');
    expect(shown('Covid‐19')).toBe('Covid[‐19]'); // U+2010 HYPHEN
  });

  it('never changes the text', () => {
    for (const text of ['', 'Covid-19', 'a-b-c-d-e', 'Covid-19.', '(F-0)'])
      expect(
        keepTogether(text)
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
    expect(keepTogether('no hyphen')).toEqual([{ text: 'no hyphen', nowrap: false }]);
  });
});
