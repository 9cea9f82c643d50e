import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/format.ts';
import { formatProblems } from '../../src/model/problems.ts';

describe('formatting', () => {
  it('writes dates in the reader’s language', () => {
    expect(formatDate('2021-08-30', ['en'])).toBe('August 30, 2021');
    expect(formatDate('2021-08-30', ['vi'])).toBe('30 tháng 8, 2021');
    expect(formatDate('2021-08-31', ['en', 'vi'])).toBe('August 31, 2021');
    expect(formatDate('2021-08-30', ['not a language'])).toBe('2021-08-30');
  });
  it('dates a language Intl has no data for like the next locale of its chain, not in American English', () => {
    expect(formatDate('2021-09-01', ['blt', 'vi'])).toBe('1 tháng 9, 2021');
    expect(formatDate('2021-09-01', ['blt'])).toBe('2021-09-01');
  });
  it('groups problems by file, in line order', () => {
    const text = formatProblems([
      { file: 'b.md', line: 3, field: 'title', message: 'required' },
      { file: 'a.md', line: 9, message: 'late' },
      { file: 'a.md', line: 2, field: 'date', message: 'early' },
    ]);
    expect(text).toMatch(/3 problems[\s\S]*a\.md\n {2}line 2 +date: early\n {2}line 9 +late\n\nb\.md\n {2}line 3 +title: required/);
  });
});
