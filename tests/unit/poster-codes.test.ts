import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CODE_SHARE, maxCodeMm, printedCode } from '../../src/posters/paper.ts';
import { codeSizeProblem, posterCode } from '../../src/posters/poster-code.ts';
import { pngPixels } from '../../src/posters/qr-png.ts';
import { capitalShortLinkRedirects, codeLink, shortLinkRedirects, writeCapitalShortLinks } from '../../src/posters/short-links.ts';
import type { Poster } from '../../src/posters/load-posters.ts';

const poster = (code: string, status: 'active' | 'retired' = 'active') =>
  ({ code, status, target: { locale: 'vi', kind: 'guides', slug: 'install' }, paper: 'A4', level: 'M' }) as Poster;

describe('printed size of a code', () => {
  it('modules of 2.7 mm per metre of scanning distance, rounded up to 0.1 mm, with a quiet zone of 4', () => {
    expect(printedCode('A5', 25)).toEqual({ distanceM: 1, moduleMm: 2.7, widthMm: 89.1 });
    expect(printedCode('A4', 25)).toEqual({ distanceM: 1.5, moduleMm: 4.1, widthMm: 135.3 });
    expect(printedCode('A3', 25)).toEqual({ distanceM: 2, moduleMm: 5.4, widthMm: 178.2 });
    expect(printedCode('A4', 29).widthMm).toBe(151.7);
  });

  it('may take three quarters of the sheet’s shorter side', () => {
    expect(MAX_CODE_SHARE).toBe(0.75);
    expect([maxCodeMm('A5'), maxCodeMm('A4'), maxCodeMm('A3')]).toEqual([111, 157.5, 222.75]);
  });

  it('the PNG has whole pixels per module, at least 300 dpi, and records the resolution that prints it at its size', () => {
    const qr = posterCode({ code: 'w8q', paper: 'A5', level: 'M' }, 'https://loa.example.org', '/').qr;
    const png = pngPixels(qr, 2.7);
    expect(png.perModule).toBe(32);
    expect(png.pixels).toBe(32 * 33);
    expect(png.dpi).toBeGreaterThanOrEqual(300);
    expect((png.pixels / png.dpi) * 25.4).toBeCloseTo(89.1, 6);
  });
});

describe('what a code encodes', () => {
  it('at the domain’s root, the short link in capitals, in alphanumeric mode', () => {
    expect(codeLink('https://loa.example.org', '/', 'w8q')).toEqual({ text: 'HTTPS://LOA.EXAMPLE.ORG/P/W8Q/', mode: 'alphanumeric' });
    expect(codeLink('https://loa.example.org:8443/', '/', 'w8q').text).toBe('HTTPS://LOA.EXAMPLE.ORG:8443/P/W8Q/');
  });

  it('a browser lower-cases the scheme and host of the link and keeps the path in capitals', () => {
    expect(new URL('HTTPS://LOA.EXAMPLE.ORG/P/W8Q/').href).toBe('https://loa.example.org/P/W8Q/');
  });

  it('under a base path, the short link as written, in byte mode: capitals would lie outside the site', () => {
    expect(codeLink('https://loa.example.org', '/campaign/', 'w8q')).toEqual({ text: 'https://loa.example.org/campaign/p/w8q/', mode: 'byte' });
  });

  it('a site address of up to 31 characters makes a version 2 code at level M with a three-letter code', () => {
    const version = (site: string, level: 'L' | 'M' | 'Q' | 'H', base = '/') => posterCode({ code: 'w8q', paper: 'A4', level }, site, base).qr.version;
    const demo = 'https://loa.example.org'; // 23 characters
    expect(['L', 'M', 'Q', 'H'].map((level) => version(demo, level as 'L'))).toEqual([2, 2, 3, 3]);
    expect(version(`https://${'x'.repeat(23)}`, 'M')).toBe(2); // 31 characters
    expect(version(`https://${'x'.repeat(24)}`, 'M')).toBe(3); // 32 characters
    expect(version(`https://${'x'.repeat(32)}`, 'L')).toBe(2); // 40 characters
    // Byte mode, as before, under a base path: one version more.
    expect(version(demo, 'M', '/campaign/')).toBe(3);
  });
});

describe('codes too big for their paper', () => {
  it('fit at the demo’s address on every paper and level', () => {
    for (const paper of ['A5', 'A4', 'A3'] as const)
      for (const level of ['L', 'M', 'Q', 'H'] as const) expect(codeSizeProblem({ code: 'w8q', paper, level }, 'https://loa.example.org', '/')).toBeUndefined();
  });

  it('are refused with the sizes and every single change that makes them fit', () => {
    const problem = codeSizeProblem({ code: 'w8q', paper: 'A4', level: 'Q' }, 'https://tiemchung-covid19.soyte.tinhquangnam.gov.vn', '/');
    expect(problem).toContain('version 4 at level Q');
    expect(problem).toContain('4.1 mm each, 168.1 mm with the quiet zone, more than the 157.5 mm');
    expect(problem).toContain('use a bigger paper (paper: A3), or a shorter site address (at most 40 characters;');
    expect(problem).toContain('or a lower error-correction level (level: M or L)');
  });

  it('say what it takes when no one change is enough', () => {
    const problem = codeSizeProblem({ code: 'w8q', paper: 'A4', level: 'H' }, 'https://tiemchung-covid19.soyte.tinhquangnam.gov.vn', '/campaign/');
    expect(problem).toMatch(/use paper: A3 and level: L with a site address of at most \d+ characters/);
  });
});

describe('short links in capitals', () => {
  const posters = [poster('w8q'), poster('y4r', 'retired')];

  it('have host redirects at the domain’s root only, for active posters', () => {
    expect(capitalShortLinkRedirects(posters, '/')).toEqual([
      { from: '/P/W8Q/', to: '/vi/guides/install/' },
      { from: '/P/W8Q', to: '/vi/guides/install/' },
    ]);
    expect(capitalShortLinkRedirects(posters, '/campaign/')).toEqual([]);
    expect(shortLinkRedirects(posters, '/campaign/')[0]).toEqual({ from: '/campaign/p/w8q/', to: '/campaign/vi/guides/install/' });
  });

  const dir = mkdtempSync(join(tmpdir(), 'loa-capitals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are the same page as the short link, written once', () => {
    for (const code of ['w8q', 'y4r']) {
      mkdirSync(join(dir, 'p', code), { recursive: true });
      writeFileSync(join(dir, 'p', code, 'index.html'), `<p>${code}</p>`);
    }
    expect(writeCapitalShortLinks(dir, posters, '/campaign/')).toEqual([]);
    expect(writeCapitalShortLinks(dir, posters, '/')).toEqual(['P/W8Q/index.html', 'P/Y4R/index.html']);
    expect(readFileSync(join(dir, 'P/Y4R/index.html'), 'utf8')).toBe('<p>y4r</p>');
    // Already there with the same bytes (as on a case-insensitive file system): left alone.
    expect(writeCapitalShortLinks(dir, posters, '/')).toEqual([]);
  });
});
