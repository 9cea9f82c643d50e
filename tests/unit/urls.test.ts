import { describe, expect, it } from 'vitest';
import { absoluteUrl, filePath, normalizeBase, pagePath } from '../../src/lib/urls.ts';

describe('URL building', () => {
  it('normalises base paths', () => {
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('campaign')).toBe('/campaign/');
    expect(normalizeBase('/a/b')).toBe('/a/b/');
  });
  it('builds page paths with a trailing slash, with and without base', () => {
    expect(pagePath('/', 'vi', 'guides', 'first-guide')).toBe('/vi/guides/first-guide/');
    expect(pagePath('/campaign/', 'vi', 'guides', 'first-guide')).toBe('/campaign/vi/guides/first-guide/');
    expect(pagePath('/campaign/')).toBe('/campaign/');
    expect(pagePath('/', 'en', '')).toBe('/en/');
    expect(pagePath('/c/', 'en', 'guides/x/')).toBe('/c/en/guides/x/');
  });
  it('builds file paths without a trailing slash', () => {
    expect(filePath('/campaign/', 'vi', 'messages', 'x.txt')).toBe('/campaign/vi/messages/x.txt');
  });
  it('makes absolute addresses', () => {
    expect(absoluteUrl('https://example.org', '/campaign/vi/')).toBe('https://example.org/campaign/vi/');
    expect(absoluteUrl('https://example.org/', '/vi/')).toBe('https://example.org/vi/');
  });
});
