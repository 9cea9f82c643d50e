import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { page, htmlFiles } from '../helpers/dist.ts';
import { SITES, builtSite, siteAddress } from '../helpers/sites.ts';
import { decodeQr } from '../helpers/qr-decode.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { MODULE_MM_PER_M, SCAN_DISTANCE_M, maxCodeMm } from '../../src/posters/paper.ts';
import { QUIET_ZONE } from '../../src/posters/qr.ts';

const campaign = builtSite('campaign');
const campaignBase = builtSite('campaign-base');
const ORIGIN = siteAddress('campaign');
const { posters } = loadPosterFiles(SITES.campaign.siteDir);

/** Where a short link leads in a built site, following its meta refresh (or a retired poster's link home); the path keeps its case, as a browser keeps it. */
function follow(dir: string, base: string, url: string): string {
  const path = new URL(url).pathname.slice(base.length);
  expect(existsSync(join(dir, path, 'index.html')), path).toBe(true);
  const $ = page(dir, join(path, 'index.html'));
  const to = /url=(.+)$/.exec($('meta[http-equiv=refresh]').attr('content') ?? '')?.[1];
  return to ?? $('main a').attr('href') ?? '';
}

describe('the fixture’s posters', () => {
  it('cover every locale and paper size, and one is retired', () => {
    expect(posters).toHaveLength(5);
    expect(posters.filter((p) => p.status === 'retired')).toHaveLength(1);
    expect(new Set(posters.map((p) => p.target.locale))).toEqual(new Set(['vi', 'en', 'zh']));
    expect(new Set(posters.map((p) => p.paper))).toEqual(new Set(['A5', 'A4', 'A3']));
  });
});

describe('short links', () => {
  it.each(posters.filter((p) => p.status === 'active').map((p) => [p.code, p] as const))('/p/%s/ is a tiny redirect page to its target', (code, poster) => {
    const file = join(campaign, 'p', code, 'index.html');
    expect(readFileSync(file).length).toBeLessThanOrEqual(1024);
    const $ = page(campaign, `p/${code}/index.html`);
    const target = `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
    expect($('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=${target}`);
    expect($('link[rel=canonical]').attr('href')).toBe(ORIGIN + target);
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('a').attr('href')).toBe(target);
    expect($('html').attr('lang')).toBe(poster.target.locale);
    expect(existsSync(join(campaign, target, 'index.html'))).toBe(true);
  });

  it('a retired poster’s link leads to the campaign home in its locale, with a notice', () => {
    const retired = posters.find((p) => p.status === 'retired')!;
    const $ = page(campaign, `p/${retired.code}/index.html`);
    expect($('a').attr('href')).toBe(`/${retired.target.locale}/`);
    expect($('meta[http-equiv=refresh]')).toHaveLength(0);
    expect($('p').first().text()).toContain('không còn sử dụng');
  });

  it('host redirect files answer active short links with a 301', () => {
    const netlify = readFileSync(join(campaign, '_redirects'), 'utf8');
    const nginx = readFileSync(join(campaign, 'nginx-redirects.map'), 'utf8');
    for (const poster of posters) {
      const line = `/p/${poster.code}/ /${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
      expect(netlify.includes(`${line} 301`)).toBe(poster.status === 'active');
      expect(nginx.includes(`${line};`)).toBe(poster.status === 'active');
    }
    expect(readFileSync(join(campaignBase, '_redirects'), 'utf8')).toContain('/campaign/p/k7p/ /campaign/vi/guides/alerts-on-android/ 301');
  });

  it('are served in capitals too, as codes encode them: the same page, and a 301 in _redirects', () => {
    const netlify = readFileSync(join(campaign, '_redirects'), 'utf8');
    const nginx = readFileSync(join(campaign, 'nginx-redirects.map'), 'utf8');
    for (const poster of posters) {
      const upper = poster.code.toUpperCase();
      expect(readFileSync(join(campaign, 'P', upper, 'index.html'))).toEqual(readFileSync(join(campaign, 'p', poster.code, 'index.html')));
      const target = `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
      expect(netlify.includes(`/P/${upper}/ ${target} 301\n`)).toBe(poster.status === 'active');
      expect(netlify.includes(`/P/${upper} ${target} 301\n`)).toBe(poster.status === 'active');
    }
    // nginx matches map strings whatever their case (and refuses two that differ only in it): the lower-case line answers both.
    expect(nginx).not.toMatch(/^\/P\//m);
  });

  it('under a base path stay in lower case only: capitals would lie outside the site', () => {
    expect(existsSync(join(campaignBase, 'P'))).toBe(false);
    expect(readFileSync(join(campaignBase, '_redirects'), 'utf8')).not.toMatch(/\/P\//);
  });
});

/** A PNG's resolution from its pHYs chunk, in pixels per millimetre. */
function pixelsPerMm(png: Buffer): number {
  const at = png.indexOf('pHYs');
  expect(png[at + 12], 'unit: metre').toBe(1);
  expect(png.readUInt32BE(at + 4)).toBe(png.readUInt32BE(at + 8));
  return png.readUInt32BE(at + 4) / 1000;
}

describe('QR codes, decoded by ZXing', () => {
  it.each(posters.map((p) => [p.code, p] as const))(
    '%s: PNG, SVG and a 2-px-per-module copy decode to the short link in capitals, which leads to the target',
    async (code, poster) => {
      const shortLink = `${ORIGIN}/p/${code}/`.toUpperCase();
      const png = readFileSync(join(campaign, 'posters', code, 'qr.png'));
      const svg = readFileSync(join(campaign, 'posters', code, 'qr.svg'));
      const fromSvg = await sharp(svg, { density: 300 }).png().toBuffer();
      const modules = Number(/viewBox="0 0 (\d+) /.exec(svg.toString())![1]);
      // The SVG's units are modules, 1 px each at 72 dpi: at 144 dpi, 2 px a module.
      const small = await sharp(svg, { density: 144 }).png().toBuffer();
      expect((await sharp(small).metadata()).width).toBe(modules * 2);
      for (const image of [png, fromSvg, small]) {
        const decoded = await decodeQr(image);
        expect(decoded.map((d) => d.text)).toEqual([shortLink]);
      }
      expect(svg.toString()).toContain(`M${QUIET_ZONE} ${QUIET_ZONE}h`);
      // Browsers lower-case the scheme and host and keep the path, which the site serves in capitals.
      expect(new URL(shortLink).href).toBe(`${ORIGIN}/P/${code.toUpperCase()}/`);
      const to = follow(campaign, '/', shortLink);
      expect(to).toBe(poster.status === 'active' ? `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/` : `/${poster.target.locale}/`);
      expect(existsSync(join(campaign, to, 'index.html'))).toBe(true);
    },
  );

  it.each(posters.map((p) => [p.code, p.paper] as const))(
    '%s on %s: modules of the smallest size its scanning distance allows (2.7 mm per metre, rounded up to 0.1 mm), printed at that size',
    async (code, paper) => {
      const png = readFileSync(join(campaign, 'posters', code, 'qr.png'));
      const meta = await sharp(png).metadata();
      const modules = Number(/viewBox="0 0 (\d+) /.exec(readFileSync(join(campaign, 'posters', code, 'qr.svg'), 'utf8'))![1]);
      const moduleMm = meta.width / pixelsPerMm(png) / modules;
      const least = SCAN_DISTANCE_M[paper] * MODULE_MM_PER_M;
      expect(moduleMm).toBeGreaterThanOrEqual(least - 0.001);
      expect(moduleMm).toBeLessThan(least + 0.1);
      expect(moduleMm * 10).toBeCloseTo(Math.round(moduleMm * 10), 2); // a whole tenth of a millimetre
      // At least 300 dpi, whole pixels per module.
      expect(meta.density).toBeGreaterThanOrEqual(300);
      expect(meta.width % modules).toBe(0);
      // It leaves room for the text (the print test measures it on the page).
      expect(moduleMm * modules).toBeLessThanOrEqual(maxCodeMm(paper));
    },
  );

  it('with a site address of 25 characters, level-M codes are QR version 2, in alphanumeric mode', async () => {
    expect(ORIGIN.length).toBe(25);
    const levelM = posters.filter((p) => p.level === 'M');
    expect(levelM.length).toBeGreaterThan(0);
    for (const poster of levelM) {
      const [decoded] = await decodeQr(readFileSync(join(campaign, 'posters', poster.code, 'qr.png')));
      expect(decoded!.ecLevel).toBe('M');
      expect(decoded!.version).toBe('2');
    }
  });

  it('under a base path, codes encode the short link as written, with the base, which leads to the target', async () => {
    for (const poster of posters) {
      const [decoded] = await decodeQr(readFileSync(join(campaignBase, 'posters', poster.code, 'qr.png')));
      expect(decoded!.text).toBe(`${ORIGIN}/campaign/p/${poster.code}/`);
    }
    expect(follow(campaignBase, '/campaign/', `${ORIGIN}/campaign/p/k7p/`)).toBe('/campaign/vi/guides/alerts-on-android/');
  });
});

describe('print pages and gallery', () => {
  it('a poster page has the headline, key steps, the code, the short link, a safety line, the issuer and date', () => {
    const $ = page(campaign, 'posters/k7p/index.html');
    const guide = page(campaign, 'vi/guides/alerts-on-android/index.html');
    expect(guide('h1').text()).not.toBe('Bật cảnh báo thiên tai');
    expect($('h1').text()).toBe('Bật cảnh báo thiên tai'); // the poster's own headline
    expect($('.key-steps li').length).toBeGreaterThanOrEqual(1);
    expect($('.key-steps li').length).toBeLessThanOrEqual(4);
    expect($('.more').text()).toBe('All the steps are at the address below.'); // no Vietnamese label in the fixture: English
    expect($('.qr svg')).toHaveLength(1);
    expect($('.short-link').text()).toBe('flood.example.org/p/k7p/');
    expect($('.safety').text()).toContain('https://flood.example.org');
    expect($('.band .issued').text()).toContain('2024');
    expect($('.sheet').text()).toContain('Ban Chỉ huy Phòng chống thiên tai xã');
    expect($('style').text()).toContain('@page { size: A3 portrait; margin: 0; }');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  it('a message poster shows its summary in the poster’s language', () => {
    const $ = page(campaign, 'posters/n6d/index.html');
    expect($('html').attr('lang')).toBe('vi');
    expect($('h1').text()).toBe('Biết đường đến điểm sơ tán');
    expect($('.key-steps')).toHaveLength(0);
    expect($('.cta').text()).toBe('Scan the code to read the whole message');
  });

  it('the gallery lists every poster with its files, is not indexed and not linked from citizens’ pages', () => {
    const $ = page(campaign, 'posters/index.html');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('tbody tr')).toHaveLength(posters.length);
    for (const poster of posters) {
      const row = $(`tr[data-code=${poster.code}]`);
      expect(row.find(`a[href="/posters/${poster.code}/"]`)).toHaveLength(1);
      expect(row.find(`a[href="/posters/${poster.code}/qr.png"]`)).toHaveLength(1);
      expect(row.find(`a[href="/posters/${poster.code}/qr.svg"]`)).toHaveLength(1);
      expect(row.find('img').attr('src')).toBe(`/posters/${poster.code}/qr.svg`);
    }
    const citizenPages = htmlFiles(campaign).filter((f) => !f.startsWith('posters/') && !f.startsWith('p/'));
    for (const file of citizenPages) expect(page(campaign, file)('a[href*="/posters/"]'), file).toHaveLength(0);
  });
});
