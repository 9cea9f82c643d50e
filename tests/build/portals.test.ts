import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, page } from '../helpers/dist.ts';
import { changedFixture } from '../helpers/changed-site.ts';
import { ROOT, SITES, builtSite, ownSlugs, runBuild, siteAddress } from '../helpers/sites.ts';
import { message } from '../../src/kinds/message/kind.ts';

const campaign = builtSite('campaign');
const campaignBase = builtSite('campaign-base');
const ORIGIN = siteAddress('campaign');
const LOCALES = ['vi', 'en', 'zh'];

/** How many pages of a kind a locale has of its own in the fixture (not shown from a fallback). */
const ownPages = (locale: string, kind: string) => ownSlugs(SITES.campaign.siteDir, locale, kind).length;

/** The built file an absolute address of the site leads to. */
function fileFor(dir: string, base: string, url: string): string {
  const { pathname, origin } = new URL(url);
  expect(origin).toBe(ORIGIN);
  expect(pathname.startsWith(base), url).toBe(true);
  const rest = decodeURIComponent(pathname.slice(base.length));
  return join(dir, rest, rest.endsWith('/') || rest === '' ? 'index.html' : '');
}

// Pages citizens read: not the embeddable cards, not-found pages or redirects from old slugs.
const citizenPages = htmlFiles(campaign).filter(
  (f) => /^(vi|en|zh)\//.test(f) && !/\/(embed|404)/.test(f) && !f.endsWith('404.html') && !page(campaign, f)('meta[http-equiv=refresh]').length,
);

describe('feeds', () => {
  it.each(LOCALES.flatMap((l) => ['guides', 'messages'].map((k) => [l, k] as const)))(
    '%s %s: RSS 2.0 and JSON Feed 1.1 with every item resolving under the base',
    (locale, kind) => {
      const feed = parseFeed(readFileSync(join(campaignBase, locale, kind, 'feed.xml'), 'utf8'));
      expect(feed.language).toBe(locale);
      expect(feed.url).toBe(`${ORIGIN}/campaign/${locale}/${kind}/`);
      const own = htmlFiles(join(campaignBase, locale, kind)).length - 1;
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.title?.length).toBeGreaterThan(3);
        expect(existsSync(fileFor(campaignBase, '/campaign/', item.url!)), item.url!).toBe(true);
        if (kind === 'messages') expect(item.published).toBeInstanceOf(Date);
      }
      const json = JSON.parse(readFileSync(join(campaignBase, locale, kind, 'feed.json'), 'utf8')) as {
        version: string;
        feed_url: string;
        items: { id: string; url: string; image: string }[];
      };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.feed_url).toBe(`${ORIGIN}/campaign/${locale}/${kind}/feed.json`);
      expect(json.items.map((i) => i.url).sort()).toEqual(feed.items.map((i) => i.url).sort());
      for (const item of json.items) {
        expect(item.id).toBe(item.url);
        expect(existsSync(fileFor(campaignBase, '/campaign/', item.image)), item.image).toBe(true);
      }
      // Only the locale's own pages, never fallbacks (zh has fewer of its own than it shows).
      expect(feed.items.length).toBe(ownPages(locale, kind));
      expect(feed.items.length).toBeLessThanOrEqual(own);
    },
  );

  it('pages link their locale’s feeds from their head: a list those of its kind, the home and search pages all, a guide or message none', () => {
    const feeds = (file: string) => {
      const $ = page(campaignBase, file);
      return $('link[rel=alternate][type]')
        .map((_, el) => $(el).attr('href'))
        .get()
        .sort();
    };
    const guides = ['/campaign/zh/guides/feed.json', '/campaign/zh/guides/feed.xml'];
    const messages = ['/campaign/zh/messages/feed.json', '/campaign/zh/messages/feed.xml'];
    expect(feeds('zh/guides/alerts-on-android/index.html')).toEqual([]);
    expect(feeds('zh/guides/index.html')).toEqual(guides);
    const messagePage = htmlFiles(join(campaignBase, 'zh/messages')).find((f) => f !== 'index.html')!;
    expect(feeds(`zh/messages/${messagePage}`)).toEqual([]);
    expect(feeds('zh/messages/index.html')).toEqual(expect.arrayContaining(messages));
    expect(feeds('zh/messages/index.html')).not.toEqual(expect.arrayContaining(guides));
    expect(feeds('zh/index.html')).toEqual([...guides, ...messages]);
    expect(feeds('zh/search/index.html')).toEqual([...guides, ...messages]);
  });
});

describe('a campaign with more messages than a feed holds', () => {
  const work = mkdtempSync(join(tmpdir(), 'loa-feed-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const limit = message.feedItems!;
  // Two more than the feed holds, one a day; the minimal fixture's own message is the oldest.
  const days = Array.from({ length: limit + 1 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  const site = changedFixture(
    work,
    'many-messages',
    Object.fromEntries(
      days.map((day) => [
        `content/en/messages/on-${day}.md`,
        `---\ntitle: News of ${day}\nsummary: What happened on ${day}.\ndate: ${day}\n---\n\nThe news of the day.\n`,
      ]),
    ),
  );
  const dist = join(work, 'dist');
  beforeAll(() => {
    const result = runBuild(site, dist);
    expect(result.status, result.output).toBe(0);
  });

  it('its feeds hold the newest messages, newest first; its list page holds them all', () => {
    expect(limit).toBeGreaterThan(0);
    const newest = days
      .toReversed()
      .slice(0, limit)
      .map((day) => `/en/messages/on-${day}/`);
    const rss = parseFeed(readFileSync(join(dist, 'en/messages/feed.xml'), 'utf8'));
    expect(rss.items.map((item) => new URL(item.url!).pathname)).toEqual(newest);
    const json = JSON.parse(readFileSync(join(dist, 'en/messages/feed.json'), 'utf8')) as { items: { url: string; content_text: string }[] };
    expect(json.items.map((item) => new URL(item.url).pathname)).toEqual(newest);
    expect(json.items[0]!.content_text).toBe(`What happened on ${days.at(-1)}.`);
    const list = page(dist, 'en/messages/index.html');
    expect(
      list('a[href^="/en/messages/"]')
        .map((_, a) => list(a).attr('href'))
        .get(),
    ).toEqual(expect.arrayContaining([...newest, `/en/messages/on-${days[0]}/`, '/en/messages/hello/']));
  });
});

describe('sitemap and robots.txt', () => {
  const $ = cheerio.load(readFileSync(join(campaignBase, 'sitemap.xml'), 'utf8'), { xml: true });
  const locs = $('url > loc')
    .map((_, el) => $(el).text())
    .get();

  it('lists every citizen page that is a locale’s own, each resolving, whose own head names its translations', () => {
    for (const loc of locs) expect(existsSync(fileFor(campaignBase, '/campaign/', loc)), loc).toBe(true);
    expect(locs).toContain(`${ORIGIN}/campaign/zh/guides/alerts-on-android/`);
    // Alternates are in the pages, not repeated for each translation here (the sitemap would grow with the square of the locales).
    expect($('url > *').length).toBe(locs.length);
    const head = cheerio.load(readFileSync(fileFor(campaignBase, '/campaign/', `${ORIGIN}/campaign/vi/guides/household-registration/`), 'utf8'));
    expect(
      head('link[rel=alternate][hreflang]')
        .map((_, el) => `${head(el).attr('hreflang')} ${head(el).attr('href')}`)
        .get(),
    ).toEqual([
      `vi ${ORIGIN}/campaign/vi/guides/household-registration/`,
      `en ${ORIGIN}/campaign/en/guides/household-registration/`,
      `x-default ${ORIGIN}/campaign/vi/guides/household-registration/`,
    ]);
  });

  it('leaves out fallback pages, short links, posters, the gallery, the status and search pages', () => {
    expect(locs).not.toContain(`${ORIGIN}/campaign/zh/guides/household-registration/`);
    for (const loc of locs) expect(loc).not.toMatch(/\/(p|posters|status|search|embed|shelter-map)\//);
    // The language chooser, each locale's home and two lists, and each locale's own pages.
    const own = LOCALES.reduce((sum, locale) => sum + ownPages(locale, 'guides') + ownPages(locale, 'messages'), 0);
    expect(locs.length).toBe(1 + LOCALES.length * 3 + own);
  });

  it('robots.txt points to the sitemap', () => {
    expect(readFileSync(join(campaignBase, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${ORIGIN}/campaign/sitemap.xml`);
  });
});

describe('share previews', () => {
  it('every citizen page has Open Graph and Twitter meta with an image that exists', () => {
    expect(citizenPages.length).toBeGreaterThan(20);
    for (const file of citizenPages) {
      const $ = page(campaign, file);
      for (const property of ['og:title', 'og:url', 'og:image', 'og:site_name', 'og:type'])
        expect($(`meta[property="${property}"]`).attr('content'), `${file} ${property}`).toBeTruthy();
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
      expect(existsSync(fileFor(campaign, '/', $('meta[property="og:image"]').attr('content')!)), file).toBe(true);
    }
  });

  it('each guide and message has its own share image: 1200×630, under 100 KB, not blank', async () => {
    const images = citizenPages
      .filter((f) => /^(vi|en|zh)\/(guides|messages)\/[^/]+\/index\.html$/.test(f))
      .map((f) => page(campaign, f)('meta[property="og:image"]').attr('content')!);
    // One per page of a locale's own; a page shown from a fallback shares its original's.
    expect(new Set(images).size).toBe(LOCALES.reduce((sum, locale) => sum + ownPages(locale, 'guides') + ownPages(locale, 'messages'), 0));
    for (const url of new Set(images)) {
      const file = fileFor(campaign, '/', url);
      const bytes = readFileSync(file);
      expect(bytes.length, url).toBeLessThanOrEqual(100 * 1024);
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
      const stats = await sharp(bytes).stats();
      expect(stats.channels[0]!.stdev, url).toBeGreaterThan(20);
    }
  });

  it.each(['vi', 'zh'])('the %s share image matches its reference rendering', async (locale) => {
    const reference = await sharp(join(ROOT, `tests/fixtures/references/share-${locale}-alerts-on-android.png`))
      .raw()
      .toBuffer();
    const built = await sharp(join(campaign, locale, 'guides/alerts-on-android/share.png'))
      .raw()
      .toBuffer();
    expect(built.length).toBe(reference.length);
    let differing = 0;
    for (let i = 0; i < built.length; i++) if (Math.abs(built[i]! - reference[i]!) > 32) differing++;
    expect(differing / built.length).toBeLessThan(0.01);
  });
});

describe('embeddable guide cards', () => {
  it.each(LOCALES)('%s: every guide has a card under 5 KB that works without JavaScript', (locale) => {
    const slugs = ownSlugs(SITES.campaign.siteDir, 'vi', 'guides');
    expect(slugs).toHaveLength(3);
    for (const slug of slugs) {
      const file = join(campaign, locale, 'embed/guides', slug, 'index.html');
      expect(readFileSync(file).length).toBeLessThanOrEqual(5 * 1024);
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      const guide = page(campaign, `${locale}/guides/${slug}/index.html`);
      expect($('script')).toHaveLength(0);
      expect($('h1 a').text()).toBe(guide('h1').text());
      expect($('h1 a').attr('href')).toBe(`${ORIGIN}/${locale}/guides/${slug}/`);
      expect($('h1 a').attr('target')).toBe('_top');
      expect($('p').first().text()).toBe(guide('.lead').text());
      expect($('.meta').text()).toMatch(/\d+/);
      expect($('.meta').text()).toContain(guide('.brand').text());
      // The code to paste is on the for-websites page, not on the guide citizens read.
      expect(guide('.embed')).toHaveLength(0);
      expect(page(campaign, `${locale}/embed/index.html`)('.embed-guide code').text()).toContain(`<iframe src="${ORIGIN}/${locale}/embed/guides/${slug}/"`);
    }
  });

  it('counts the steps of a guide', () => {
    const $ = cheerio.load(readFileSync(join(campaign, 'en/embed/guides/alerts-on-android/index.html'), 'utf8'));
    expect(page(campaign, 'en/guides/alerts-on-android/index.html')('li.step')).toHaveLength(6);
    expect($('.meta').text()).toContain('6 steps');
  });
});

describe('links that survive renames', () => {
  it('old slugs lead to the page in every locale, by page and by host redirect', () => {
    // The guide was called shelter-map before (its front matter says `previously: [shelter-map]`).
    for (const locale of LOCALES) {
      const $ = page(campaign, `${locale}/guides/shelter-map/index.html`);
      expect($('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=/${locale}/guides/evacuation-map/`);
      expect($('link[rel=canonical]').attr('href')).toBe(`${ORIGIN}/${locale}/guides/evacuation-map/`);
    }
    expect(readFileSync(join(campaign, '_redirects'), 'utf8')).toContain('/vi/guides/shelter-map/ /vi/guides/evacuation-map/ 301');
    expect(readFileSync(join(campaign, 'nginx-redirects.map'), 'utf8')).toContain('/en/guides/shelter-map/ /en/guides/evacuation-map/;');
  });
});
