import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { page, htmlFiles } from '../helpers/dist.ts';
import { outDir, ROOT } from '../helpers/sites.ts';
import { decodeQr } from '../helpers/qr-decode.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { MIN_QR_MM } from '../../src/posters/paper.ts';
import { QUIET_ZONE } from '../../src/posters/qr.ts';

const demo = outDir('demo');
const ORIGIN = 'https://loa.example.org';
const { posters } = loadPosterFiles(ROOT);

/** Where a short link leads in a built site, following its meta refresh. */
function follow(dir: string, base: string, url: string): string {
  const path = new URL(url).pathname.slice(base.length);
  const $ = page(dir, join(path, 'index.html'));
  const to = /url=(.+)$/.exec($('meta[http-equiv=refresh]').attr('content') ?? '')?.[1];
  return to ?? '';
}

describe('demo posters', () => {
  it('has at least 6 posters across locales and paper sizes', () => {
    expect(posters.length).toBeGreaterThanOrEqual(6);
    expect(new Set(posters.map((p) => p.target.locale))).toEqual(new Set(['vi', 'en', 'zh']));
    expect(new Set(posters.map((p) => p.paper))).toEqual(new Set(['A5', 'A4', 'A3']));
  });
});

describe('short links', () => {
  it.each(posters.filter((p) => p.status === 'active').map((p) => [p.code, p] as const))('/p/%s/ is a tiny redirect page to its target', (code, poster) => {
    const file = join(demo, 'p', code, 'index.html');
    expect(readFileSync(file).length).toBeLessThanOrEqual(1024);
    const $ = page(demo, `p/${code}/index.html`);
    const target = `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
    expect($('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=${target}`);
    expect($('link[rel=canonical]').attr('href')).toBe(ORIGIN + target);
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('a').attr('href')).toBe(target);
    expect($('html').attr('lang')).toBe(poster.target.locale);
    expect(existsSync(join(demo, target, 'index.html'))).toBe(true);
  });

  it('a retired poster’s link leads to the campaign home in its locale, with a notice', () => {
    const retired = posters.find((p) => p.status === 'retired')!;
    const $ = page(demo, `p/${retired.code}/index.html`);
    expect($('a').attr('href')).toBe(`/${retired.target.locale}/`);
    expect($('meta[http-equiv=refresh]').attr('content')).toMatch(new RegExp(`;\\s?url=/${retired.target.locale}/$`));
    expect($('p').first().text()).toContain('không còn sử dụng');
  });

  it('host redirect files answer active short links with a 301', () => {
    const netlify = readFileSync(join(demo, '_redirects'), 'utf8');
    const nginx = readFileSync(join(demo, 'nginx-redirects.map'), 'utf8');
    for (const poster of posters) {
      const line = `/p/${poster.code}/ /${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/`;
      expect(netlify.includes(`${line} 301`)).toBe(poster.status === 'active');
      expect(nginx.includes(`${line};`)).toBe(poster.status === 'active');
    }
    expect(readFileSync(join(outDir('demo-base'), '_redirects'), 'utf8')).toContain('/campaign/p/7hk/ /campaign/vi/guides/install-android/ 301');
  });
});

describe('QR codes, decoded by ZXing', () => {
  it.each(posters.map((p) => [p.code, p] as const))('%s: PNG, SVG and a 2-px-per-module copy decode to the short link, which leads to the target', async (code, poster) => {
    const shortLink = `${ORIGIN}/p/${code}/`;
    const png = readFileSync(join(demo, 'posters', code, 'qr.png'));
    const svg = readFileSync(join(demo, 'posters', code, 'qr.svg'));
    const meta = await sharp(png).metadata();
    const fromSvg = await sharp(svg, { density: 300 }).png().toBuffer();
    const modules = Number(/viewBox="0 0 (\d+) /.exec(svg.toString())![1]);
    const small = await sharp(png).resize(modules * 2, modules * 2, { kernel: 'nearest' }).png().toBuffer();
    for (const image of [png, fromSvg, small]) {
      const decoded = await decodeQr(image);
      expect(decoded.map((d) => d.text)).toEqual([shortLink]);
    }
    // Printed at 300 dpi, at least the minimum size for its paper, quiet zone of 4 modules.
    expect(meta.density).toBe(300);
    expect(((meta.width! / 300) * 25.4)).toBeGreaterThanOrEqual(MIN_QR_MM[poster.paper]);
    expect(svg.toString()).toContain(`M${QUIET_ZONE} ${QUIET_ZONE}h`);
    const to = follow(demo, '/', shortLink);
    expect(to).toBe(poster.status === 'active' ? `/${poster.target.locale}/${poster.target.kind}/${poster.target.slug}/` : `/${poster.target.locale}/`);
    expect(existsSync(join(demo, to, 'index.html'))).toBe(true);
  });

  it('with a site URL of ≤ 25 characters, level-M codes are QR version 3 or less', async () => {
    expect(ORIGIN.length).toBeLessThanOrEqual(25);
    const levelM = posters.filter((p) => p.level === 'M');
    expect(levelM.length).toBeGreaterThan(0);
    for (const poster of levelM) {
      const [decoded] = await decodeQr(readFileSync(join(demo, 'posters', poster.code, 'qr.png')));
      expect(decoded!.ecLevel).toBe('M');
      expect(Number(decoded!.version)).toBeLessThanOrEqual(3);
    }
  });

  it('under a base path, codes encode the short link with the base', async () => {
    const [decoded] = await decodeQr(readFileSync(join(outDir('demo-base'), 'posters', '7hk', 'qr.png')));
    expect(decoded!.text).toBe(`${ORIGIN}/campaign/p/7hk/`);
    expect(follow(outDir('demo-base'), '/campaign/', decoded!.text)).toBe('/campaign/vi/guides/install-android/');
  });
});

describe('print pages and gallery', () => {
  it('a poster page has the headline, key steps, the code, the short link, a safety line, the issuer and date', () => {
    const $ = page(demo, 'posters/7hk/index.html');
    const guide = page(demo, 'vi/guides/install-android/index.html');
    expect($('h1').text()).toBe(guide('h1').text());
    expect($('.key-steps li').length).toBeGreaterThanOrEqual(5);
    expect($('.qr svg')).toHaveLength(1);
    expect($('.short-link').text()).toBe('loa.example.org/p/7hk/');
    expect($('.safety').text()).toContain('https://loa.example.org');
    expect($('footer').text()).toContain('2021');
    expect($('style').text()).toContain('@page { size: A4 portrait; margin: 0; }');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  it('a message poster shows its summary in the poster’s language', () => {
    const $ = page(demo, 'posters/t9e/index.html');
    expect($('h1').text()).toBe('Tiêm vắc xin là quyền lợi và trách nhiệm');
    expect($('.key-steps')).toHaveLength(0);
    expect($('.subline').text().length).toBeGreaterThan(10);
  });

  it('the gallery lists every poster with its files, is not indexed and not linked from citizens’ pages', () => {
    const $ = page(demo, 'posters/index.html');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('tbody tr')).toHaveLength(posters.length);
    for (const poster of posters) {
      const row = $(`tr[data-code=${poster.code}]`);
      expect(row.find(`a[href="/posters/${poster.code}/"]`)).toHaveLength(1);
      expect(row.find(`a[href="/posters/${poster.code}/qr.png"]`)).toHaveLength(1);
      expect(row.find(`a[href="/posters/${poster.code}/qr.svg"]`)).toHaveLength(1);
      expect(row.find('img').attr('src')).toBe(`/posters/${poster.code}/qr.svg`);
    }
    const citizenPages = htmlFiles(demo).filter((f) => !f.startsWith('posters/') && !f.startsWith('p/'));
    for (const file of citizenPages) expect(page(demo, file)('a[href*="/posters/"]'), file).toHaveLength(0);
  });
});
