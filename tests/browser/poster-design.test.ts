import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { codesSeenFrom, expectPrintedWell } from '../helpers/printed-poster.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { posterCode } from '../../src/posters/poster-code.ts';

const env = browserAndSite('campaign');
const { posters } = loadPosterFiles(SITES.campaign.siteDir);
const printed = (code: string) => {
  const poster = posters.find((p) => p.code === code)!;
  return { url: `${env.origin}${env.base}posters/${code}/`, paper: poster.paper, orientation: poster.orientation };
};

describe('posters as printed', () => {
  it('cover every paper size and orientation', () => {
    expect(new Set(posters.map((p) => p.paper))).toEqual(new Set(['A5', 'A4', 'A3']));
    expect(new Set(posters.map((p) => p.orientation))).toEqual(new Set(['portrait', 'landscape']));
  });

  it.each(posters.map((p) => [p.code, p.paper, p.orientation] as const))(
    '%s (%s %s): type sized for its distance, nothing cut off, no empty band over a fifth of the sheet',
    async (code) => {
      await expectPrintedWell(env.browser, printed(code));
    },
  );

  it.each(posters.filter((p) => p.status === 'active').map((p) => [p.code, p.paper, p.orientation] as const))(
    '%s (%s %s): the code decodes from a camera-like picture of the print page at its scanning distance, and not from more than twice as far',
    async (code) => {
      const { text, distanceM } = posterCode(
        posters.find((p) => p.code === code)!,
        'https://flood.example.org',
        '/',
      );
      expect(await codesSeenFrom(env.browser, printed(code), distanceM)).toContain(text);
      expect(await codesSeenFrom(env.browser, printed(code), distanceM * 2.2)).not.toContain(text);
    },
  );
});
