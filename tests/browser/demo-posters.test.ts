import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { SITES } from '../helpers/sites.ts';
import { codesSeenFrom, expectPrintedWell } from '../helpers/printed-poster.ts';
import { loadContent } from '../../src/model/load-content.ts';
import { posterCode } from '../../src/posters/poster-code.ts';

// The demo's own posters, whatever campaign content/ holds: each printed well and scanned from its distance.
const env = browserAndSite('demo');
const { posters, settings } = loadContent(SITES.demo.siteDir, {});

const active = posters.filter((p) => p.status === 'active');

describe('the demo’s posters', () => {
  // A campaign without posters has nothing to print: the fixtures' posters are checked in poster-design.test.ts.
  if (active.length === 0) it('none is active', () => expect(active).toEqual([]));
  else
    it.each(active.map((p) => [p.code, p.paper, p.orientation] as const))('%s (%s %s)', async (code) => {
      const poster = posters.find((p) => p.code === code)!;
      const printed = { url: `${env.origin}${env.base}posters/${code}/`, paper: poster.paper, orientation: poster.orientation };
      await expectPrintedWell(env.browser, printed);
      const { text, distanceM } = posterCode(poster, settings!.site, settings!.base);
      expect(await codesSeenFrom(env.browser, printed, distanceM)).toContain(text);
    });
});
