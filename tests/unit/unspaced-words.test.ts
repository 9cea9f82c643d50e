import { describe, expect, it } from 'vitest';
import { spacedQuery, unspacedWords } from '../../src/search/unspaced-words.ts';

describe('words of scripts written without spaces', () => {
  it('are found one by one in Khmer and Thai runs, each once', () => {
    expect(unspacedWords('ចាក់វ៉ាក់សាំង ចាក់', 'km')).toEqual(['ចាក់', 'វ៉ាក់សាំង']);
    expect(unspacedWords('ฉีดวัคซีนที่บ้าน', 'th')).toEqual(['ฉีด', 'วัคซีน', 'ที่', 'บ้าน']);
  });

  it('are none in text of other scripts', () => {
    expect(unspacedWords('Tiêm vắc xin 接种疫苗', 'vi')).toEqual([]);
  });

  it('are spaced apart in a query, leaving other text as typed', () => {
    expect(spacedQuery('ចាក់វ៉ាក់សាំង', 'km')).toBe('ចាក់ វ៉ាក់សាំង');
    expect(spacedQuery('Covid ចាក់វ៉ាក់សាំង 19', 'km')).toBe('Covid ចាក់ វ៉ាក់សាំង 19');
    expect(spacedQuery('cài đặt ứng dụng', 'vi')).toBe('cài đặt ứng dụng');
  });
});
