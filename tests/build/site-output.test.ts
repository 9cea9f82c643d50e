import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, page, urlPathOf } from '../helpers/dist.ts';
import { findBrokenRefs } from '../helpers/crawl.ts';
import { guideBudget } from '../helpers/budget.ts';
import { SITES, builtSite, siteAddress } from '../helpers/sites.ts';

const campaign = builtSite('campaign');
const campaignBase = builtSite('campaign-base');
const rtl = builtSite('rtl');
const minimal = builtSite('minimal');
const ORIGIN = siteAddress('campaign');

describe('languages', () => {
  it.each([
    ['campaign', campaign, { vi: 'ltr', en: 'ltr', zh: 'ltr' }, 'vi'],
    ['rtl', rtl, { ar: 'rtl', en: 'ltr' }, 'ar'],
  ] as const)('%s: every page has the exact lang and dir of its locale', (_, dir, dirs, def) => {
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const first = file.split('/')[0]!;
      const html = page(dir, file)('html');
      // Short links and posters speak their poster's language, checked in posters.test.ts.
      const code = first in dirs ? first : first === 'p' || first === 'P' || (first === 'posters' && file !== 'posters/index.html') ? html.attr('lang')! : def;
      expect(Object.keys(dirs)).toContain(code);
      expect([file, html.attr('lang')]).toEqual([file, code]);
      expect([file, html.attr('dir')]).toEqual([file, dirs[code as keyof typeof dirs]]);
    }
  });

  it('hreflang sets are reciprocal and include x-default', () => {
    const alternatesOf = new Map<string, Map<string, string>>();
    for (const file of htmlFiles(campaign)) {
      const $ = page(campaign, file);
      const links = new Map(
        $('link[rel=alternate][hreflang]')
          .map((_, el) => [[$(el).attr('hreflang')!, $(el).attr('href')!]] as const)
          .get(),
      );
      alternatesOf.set(ORIGIN + urlPathOf(file), links);
    }
    let checked = 0;
    for (const [url, links] of alternatesOf) {
      if (links.size === 0) continue;
      expect(links.has('x-default')).toBe(true);
      const own = [...links].filter(([lang]) => lang !== 'x-default');
      if (!own.some(([, href]) => href === url)) continue; // a fallback page is not itself a translation
      for (const [lang, href] of own) {
        const back = alternatesOf.get(href);
        expect(back, `${url} → ${lang} ${href}`).toBeDefined();
        expect([...back!.values()], `${href} should list ${url}`).toContain(url);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('every page links to itself in every other language, natively named, without JavaScript', () => {
    const $ = page(campaign, 'en/guides/alerts-on-android/index.html');
    const links = $('.language-nav a')
      .map((_, el) => ({ href: $(el).attr('href'), lang: $(el).attr('lang'), hreflang: $(el).attr('hreflang'), text: $(el).text() }))
      .get();
    expect(links).toEqual([
      { href: '/vi/guides/alerts-on-android/', lang: 'vi', hreflang: 'vi', text: 'Tiếng Việt' },
      { href: '/zh/guides/alerts-on-android/', lang: 'zh', hreflang: 'zh', text: '中文' },
    ]);
  });

  it('pages name the site’s icon, one file under the base path', () => {
    for (const [dir, file, href] of [
      [campaign, 'vi/guides/alerts-on-android/index.html', '/favicon.svg'],
      [campaignBase, 'en/index.html', '/campaign/favicon.svg'],
    ] as const) {
      expect(page(dir, file)('link[rel=icon]').attr('href')).toBe(href);
      expect(readFileSync(join(dir, 'favicon.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>\n$/);
    }
  });

  it('the language links say their direction where it is not the page’s', () => {
    const directions = (file: string) => {
      const $ = page(rtl, file);
      return $('.language-nav [lang]')
        .map((_, el) => `${$(el).attr('lang')}:${$(el).attr('dir') ?? ''}`)
        .get();
    };
    expect(directions('ar/guides/install/index.html')).toEqual(['ar:', 'en:ltr']);
    expect(directions('en/guides/install/index.html')).toEqual(['ar:rtl', 'en:']);
  });

  it('a page missing in a locale is shown from the first locale of its fallback chain that has it, with a notice, its real lang and a canonical to the original', () => {
    // zh falls back to en, then vi: this guide exists in vi and en.
    const $ = page(campaign, 'zh/guides/household-registration/index.html');
    const original = page(campaign, 'en/guides/household-registration/index.html');
    expect($('html').attr('lang')).toBe('zh');
    expect($('.notice').text()).toBe('本页还没有中文版本，以下显示的是英语版本。');
    expect($('h1').attr('lang')).toBe('en');
    expect($('h1').text()).toBe(original('h1').text());
    expect($('.body').attr('lang')).toBe('en');
    expect($('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/en/guides/household-registration/`);
    const hreflangs = $('link[rel=alternate]')
      .map((_, el) => $(el).attr('hreflang'))
      .get();
    expect(hreflangs).toEqual(['vi', 'en', 'x-default']);
    // Its own language's labels stay in the reader's language.
    expect($('.facts .label').first().text()).toBe('应用程序:');
    // This one exists only in vi, the end of the chain.
    const further = page(campaign, 'zh/guides/evacuation-map/index.html');
    expect(further('.notice').text()).toBe('本页还没有中文版本，以下显示的是越南语版本。');
    expect(further('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/vi/guides/evacuation-map/`);
  });

  it('real translations have no notice and a canonical to themselves', () => {
    const $ = page(campaign, 'zh/guides/alerts-on-android/index.html');
    expect($('.notice')).toHaveLength(0);
    expect($('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/zh/guides/alerts-on-android/`);
  });

  it('the language chooser offers every locale in its own name', () => {
    const $ = page(campaign, 'index.html');
    expect(
      $('.choices a')
        .map((_, el) => `${$(el).attr('href')} ${$(el).attr('hreflang')} ${$(el).find('.choice-name').text()}`)
        .get(),
    ).toEqual(['/vi/ vi Tiếng Việt', '/en/ en English', '/zh/ zh 中文']);
    expect(
      $('.choices li')
        .map((_, el) => $(el).attr('lang'))
        .get(),
    ).toEqual(['vi', 'en', 'zh']);
  });

  it('has a 404 page per locale and at the root, in the locale’s words', () => {
    for (const file of ['404.html', 'vi/404.html', 'en/404.html', 'zh/404.html']) expect(existsSync(join(campaign, file)), file).toBe(true);
    expect(page(campaign, 'zh/404.html')('h1').text()).toBe('找不到页面');
    expect(page(campaign, 'en/404.html')('h1').text()).toBe('Page not found');
    expect(page(campaign, '404.html')('[lang=en] a').attr('href')).toBe('/en/');
  });
});

describe('guides', () => {
  const $ = page(campaign, 'vi/guides/alerts-on-android/index.html');

  it('numbers every step with a stable anchor', () => {
    const steps = $('ol.steps > li.step');
    expect(steps).toHaveLength(6);
    steps.each((i, el) => {
      expect($(el).attr('id')).toBe(`step-${i + 1}`);
      expect($(el).find('a.step-number').attr('href')).toBe(`#step-${i + 1}`);
    });
  });

  it('processes screenshots into modern formats with sizes, lazy below the first', () => {
    const images = $('.body img');
    expect(images).toHaveLength(2);
    images.each((i, el) => {
      expect($(el).attr('src')).toMatch(/^\/_astro\/.+\.webp$/);
      expect(Number($(el).attr('width'))).toBeGreaterThan(0);
      expect(Number($(el).attr('height'))).toBeGreaterThan(0);
      expect($(el).attr('alt')?.length).toBeGreaterThan(5);
      expect($(el).attr('loading')).toBe(i === 0 ? 'eager' : 'lazy');
    });
  });

  it('offers Android and iPhone sections with jump links when a guide covers both', () => {
    const both = page(campaign, 'en/guides/household-registration/index.html');
    expect(both('.platform-choice a[href="#android"]')).toHaveLength(1);
    expect(both('.platform-choice a[href="#ios"]')).toHaveLength(1);
    expect(
      both('section.platform[data-platform=android] li.step')
        .map((_, el) => both(el).attr('id'))
        .get(),
    ).toEqual(['android-step-1', 'android-step-2', 'android-step-3', 'android-step-4']);
    expect(
      both('section.platform[data-platform=ios] li.step')
        .map((_, el) => both(el).attr('id'))
        .get(),
    ).toEqual(['ios-step-1', 'ios-step-2', 'ios-step-3', 'ios-step-4']);
  });

  it('stays within the weight budget: ≤ 15 KB gzip, ≤ 4 requests before images, ≤ 300 DOM nodes', () => {
    const guides = htmlFiles(campaign).filter((f) => /^[^/]+\/guides\/[^/]+\/index\.html$/.test(f) && !page(campaign, f)('meta[http-equiv=refresh]').length);
    expect(guides).toHaveLength(3 * 3);
    for (const file of guides) {
      const { bytes, requests, nodes } = guideBudget(campaign, file);
      expect(bytes, file).toBeLessThanOrEqual(15 * 1024);
      expect(requests, file).toBeLessThanOrEqual(4);
      expect(nodes, file).toBeLessThanOrEqual(300);
    }
  });
});

describe('messages', () => {
  it('a message read on radio and loudspeakers has a plain-text version to download', () => {
    const $ = page(campaign, 'vi/messages/sign-up-for-warnings/index.html');
    const link = $('.broadcast a[download]');
    expect(link.attr('href')).toBe('/vi/messages/sign-up-for-warnings.txt');
    const text = readFileSync(join(campaign, 'vi/messages/sign-up-for-warnings.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe($('h1').text());
    expect(text).toContain('Kính thưa bà con.');
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('a message not read aloud has no download', () => {
    expect(page(campaign, 'vi/messages/know-your-route/index.html')('.broadcast')).toHaveLength(0);
    expect(existsSync(join(campaign, 'vi/messages/know-your-route.txt'))).toBe(false);
  });
});

describe('MDX guides', () => {
  it('render like Markdown ones: HTML elements kept, steps numbered and anchored, fallbacks included', () => {
    for (const file of ['en/guides/written-in-mdx/index.html', 'fr/guides/written-in-mdx/index.html']) {
      const $ = page(minimal, file);
      expect(
        $('.body ol.steps > li')
          .map((_, li) => $(li).attr('id'))
          .get(),
      ).toEqual(['step-1', 'step-2']);
      expect($('#step-2').text()).toBe('2 Enter the code A1B2.');
    }
  });
});

describe('links', () => {
  it.each(['campaign', 'campaign-base', 'minimal', 'rtl'] as const)('%s: a crawl finds no broken internal link, asset or fragment', (name) => {
    expect(findBrokenRefs(builtSite(name), siteAddress(name), SITES[name].base)).toEqual([]);
  });

  it('links inside Markdown resolve in the reader’s locale and under the base path', () => {
    const $ = page(campaignBase, 'zh/guides/alerts-on-android/index.html');
    const internal = $('.body a:not(.step-number)')
      .map((_, el) => $(el).attr('href'))
      .get();
    expect(internal).toHaveLength(1);
    expect(new URL(internal[0]!, `${ORIGIN}/campaign/zh/guides/alerts-on-android/`).pathname).toBe('/campaign/zh/guides/household-registration/');
    // A fallback page links on within the reader's locale.
    const fr = page(minimal, 'fr/guides/first/index.html');
    expect(new URL(fr('.body a:not(.step-number)').attr('href')!, 'https://example.org/fr/guides/first/').pathname).toBe('/fr/messages/hello/');
  });

  it('under a base path, every page, asset and alternate carries the base', () => {
    const $ = page(campaignBase, 'en/guides/alerts-on-android/index.html');
    expect($('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/campaign/en/guides/alerts-on-android/`);
    expect($('.body img').first().attr('src')).toMatch(/^\/campaign\/_astro\//);
    expect($('.brand').attr('href')).toBe('/campaign/en/');
  });
});
