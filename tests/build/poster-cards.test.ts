import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { linkedStylesheets, page } from '../helpers/dist.ts';
import { SITES, builtSite, siteAddress } from '../helpers/sites.ts';
import { decodeQr } from '../helpers/qr-decode.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { printedCode } from '../../src/posters/paper.ts';

const campaign = builtSite('campaign');
const ORIGIN = siteAddress('campaign');
const { posters } = loadPosterFiles(SITES.campaign.siteDir);
const settings = parse(readFileSync(join(SITES.campaign.siteDir, 'content/site.yaml'), 'utf8')) as { organisation: { name: Record<string, string> } };

/** Every code point the poster fonts' `unicode-range`s cover: what the fonts of poster pages can draw. */
function fontCoverage(): Set<number> {
  const css = readFileSync(join(campaign, 'posters', 'fonts.css'), 'utf8');
  const covered = new Set<number>();
  for (const [, ranges] of css.matchAll(/unicode-range:\s*([^;]+);/g))
    for (const range of ranges!.split(',')) {
      const [from, to = from] = range.trim().replace(/^U\+/, '').split('-');
      for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) covered.add(code);
    }
  return covered;
}

describe('hand-out cards', () => {
  it.each(posters.map((p) => [p.code, p] as const))(
    '%s: eight cards with the headline, issuer, short link and a code that decodes to it',
    async (code, poster) => {
      const $ = page(campaign, `posters/${code}/cards/index.html`);
      const target = page(campaign, `${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/index.html`);
      const headline = poster.headline ?? target('h1').text();
      const shortLink = `${ORIGIN}/p/${code}/`;
      const posterSvg = readFileSync(join(campaign, 'posters', code, 'qr.svg'), 'utf8');
      expect($('html').attr('lang')).toBe(poster.target.locale);
      expect($('meta[name=robots]').attr('content')).toBe('noindex');
      expect($('link[rel=stylesheet]').attr('href')).toBe('/posters/fonts.css');
      expect(linkedStylesheets(campaign, $).join('\n')).toMatch(/@page\s*\{\s*size:\s*A4 portrait;\s*margin:\s*0\s*;?\s*\}/);
      const cards = $('.card');
      expect(cards).toHaveLength(8);
      for (const card of cards.toArray()) {
        expect($(card).find('.headline').text()).toBe(headline);
        expect($(card).find('.short-link').text()).toBe(shortLink.replace('https://', ''));
        expect($(card).find('.issuer').text()).toBe(settings.organisation.name[poster.target.locale]);
        // The poster's own code, drawn from the same SVG.
        expect($(card).find('.qr svg path').attr('d')).toBe(/ d="([^"]+)"/.exec(posterSvg)![1]);
      }
      const svg = $.html(cards.first().find('.qr svg'));
      const png = await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer();
      // A code may hold the link in capitals (QR's compact alphanumeric mode); scheme, host and code read the same.
      expect((await decodeQr(png)).map((d) => d.text.toLowerCase())).toEqual([shortLink]);
    },
  );

  it('print only text the poster fonts are cut to', () => {
    const covered = fontCoverage();
    for (const poster of posters) {
      const $ = page(campaign, `posters/${poster.code}/cards/index.html`);
      const text = $('.card').text().replace(/\s/g, '');
      const missing = [...new Set(text)].filter((c) => !covered.has(c.codePointAt(0)!));
      expect(missing, poster.code).toEqual([]);
    }
  });

  it('the gallery links each poster’s cards and has a place for their PDF', () => {
    const $ = page(campaign, 'posters/index.html');
    const html = readFileSync(join(campaign, 'posters', 'index.html'), 'utf8');
    for (const poster of posters) {
      // The placeholders npm run posters -- --pdf replaces with links, exactly as it looks for them.
      for (const pdf of [`${poster.code}.pdf`, `${poster.code}-cards.pdf`])
        expect(html).toContain(`<span class="${pdf.includes('cards') ? 'cards-pdf' : 'pdf'}" data-pdf="/posters/${poster.code}/${pdf}"></span>`);
      const row = $(`[data-code=${poster.code}]`);
      expect(row.find(`a[href="/posters/${poster.code}/cards/"]`)).toHaveLength(1);
      expect(row.find(`.cards-pdf[data-pdf="/posters/${poster.code}/${poster.code}-cards.pdf"]`)).toHaveLength(1);
    }
  });
});

describe('the poster gallery', () => {
  it('shows each poster’s scanning distance and module size, in the gallery’s language', () => {
    const $ = page(campaign, 'posters/index.html');
    const number = (value: number, unit: string) =>
      new Intl.NumberFormat('vi', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
    for (const poster of posters) {
      // The module size does not depend on the code's number of modules.
      const { distanceM, moduleMm } = printedCode(poster.paper, 25);
      const cells = $(`[data-code=${poster.code}] .number`).map((_, td) => $(td).text().trim());
      expect(cells.get()).toEqual([number(distanceM, 'meter'), number(moduleMm, 'millimeter')]);
    }
    expect($('[data-code=k7p] .number').first().text().trim()).toBe('2 m'); // A3
  });
});
