import { describe, expect, it } from 'vitest';
import { htmlFiles, page } from '../helpers/dist.ts';
import { SITES, builtSite, ownSlugs, siteAddress } from '../helpers/sites.ts';
import { loadPosterFiles } from '../../src/posters/load-posters.ts';
import { EMBED_HEIGHT } from '../../src/kinds/guide/embed.ts';

// The odd corners of issue 16: pages a citizen may land on besides guides and messages.
const campaign = builtSite('campaign');
const campaignBase = builtSite('campaign-base');
const ORIGIN = siteAddress('campaign');
const LOCALES = ['vi', 'en', 'zh'];
const { posters } = loadPosterFiles(SITES.campaign.siteDir);
const retired = posters.find((p) => p.status === 'retired')!;
const active = posters.filter((p) => p.status === 'active');

describe('a retired poster’s short link', () => {
  it('is a styled page in the poster’s language with a heading, a main landmark, the notice and a link home, and no timed refresh', () => {
    const $ = page(campaign, `p/${retired.code}/index.html`);
    expect($('html').attr('lang')).toBe(retired.target.locale);
    expect($('meta[http-equiv=refresh]')).toHaveLength(0);
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('style, link[rel=stylesheet]').length).toBeGreaterThan(0);
    expect($('main')).toHaveLength(1);
    expect($('main h1').text()).toBe('Sẵn sàng trước mùa mưa bão');
    expect($('main p').first().text()).toBe('Áp phích này không còn sử dụng. Xem thông tin mới nhất ở trang chủ chiến dịch.');
    expect($('main a').attr('href')).toBe(`/${retired.target.locale}/`);
    expect($('main a').text()).toBe('Về trang chủ');
  });

  it('links home under the base path too', () => {
    expect(page(campaignBase, `p/${retired.code}/index.html`)('main a').attr('href')).toBe(`/campaign/${retired.target.locale}/`);
  });

  it('while an active one still sends the reader on at once', () => {
    for (const poster of active)
      expect(page(campaign, `p/${poster.code}/index.html`)('meta[http-equiv=refresh]').attr('content'), poster.code).toMatch(/^0; url=/);
  });
});

describe('the root 404 page', () => {
  const $ = page(campaign, '404.html');
  it('carries the active short links (not the retired one), each with its poster’s language, and the suggestion in each language', () => {
    const data = JSON.parse($('script#short-links[type="application/json"]').text()) as {
      prefix: string;
      codes: Record<string, string>;
      labels: Record<string, string>;
    };
    expect(data.prefix).toBe('/p/');
    expect(data.codes).toEqual(Object.fromEntries(active.map((p) => [p.code, p.target.locale])));
    expect(Object.keys(data.labels).sort()).toEqual([...LOCALES].sort());
    for (const label of Object.values(data.labels)) expect(label).toContain('{link}');
    expect($('#did-you-mean').attr('hidden')).toBeDefined();
    expect((JSON.parse(page(campaignBase, '404.html')('script#short-links').text()) as { prefix: string }).prefix).toBe('/campaign/p/');
  });

  it('offers every language’s home page and the search field', () => {
    for (const locale of LOCALES) expect($(`nav .choices li[lang=${locale}] a`).attr('href')).toBe(`/${locale}/`);
    const form = $('main form[role=search]');
    expect(form.attr('action')).toBe('/vi/search/');
    expect(form.find('input[type=search][name=q]')).toHaveLength(1);
    expect($('h1').first().text()).toBe('Không tìm thấy trang');
  });
});

describe('the language chooser', () => {
  it('shows the issuer under the campaign name', () => {
    const $ = page(campaign, 'index.html');
    expect($('main .issuer').text()).toBe('Đơn vị phát hành: Ban Chỉ huy Phòng chống thiên tai xã');
  });
});

describe('the for-websites page', () => {
  it('is no longer a box on guides, but a page linked from every page’s footer', () => {
    const guides = htmlFiles(campaign).filter((f) => /^(vi|en|zh)\/guides\/[^/]+\/index\.html$/.test(f));
    expect(guides.length).toBeGreaterThan(3);
    for (const file of guides) {
      const $ = page(campaign, file);
      expect($('.embed, details.embed'), file).toHaveLength(0);
      expect($('main').text(), file).not.toContain('<iframe');
    }
    for (const file of htmlFiles(campaign)) {
      const $ = page(campaign, file);
      if (!$('.site-footer').length) continue;
      const locale = $('html').attr('lang');
      expect($('.site-footer .for-websites a').attr('href'), file).toBe(`/${locale}/embed/`);
    }
  });

  it.each(LOCALES)('%s: lists every guide with a link to its card and the code to paste, of a height that fits the card', (locale) => {
    const $ = page(campaign, `${locale}/embed/index.html`);
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    const slugs = ownSlugs(SITES.campaign.siteDir, 'vi', 'guides');
    expect($('.embed-guide')).toHaveLength(slugs.length);
    for (const slug of slugs) {
      const section = $('.embed-guide').filter((_, el) => $(el).find(`h2 a[href="/${locale}/embed/guides/${slug}/"]`).length === 1);
      expect(section, slug).toHaveLength(1);
      const code = section.find('code').text();
      expect(code).toContain(`<iframe src="${ORIGIN}/${locale}/embed/guides/${slug}/"`);
      expect(code).toContain(`height="${EMBED_HEIGHT}"`);
    }
  });
});
