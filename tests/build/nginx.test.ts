import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { startNginx } from '../helpers/nginx-server.ts';
import { SITES, builtSite } from '../helpers/sites.ts';

const { base: BASE } = SITES['campaign-base'];
const dist = builtSite('campaign-base');
let origin: string;

let stopNginx: (() => void) | undefined;
beforeAll(async () => {
  const server = await startNginx(dist, BASE);
  origin = server.origin;
  stopNginx = server.stop;
});
afterAll(() => stopNginx?.());

const TYPES: Record<string, RegExp> = {
  html: /^text\/html/,
  txt: /^text\/plain/,
  webp: /^image\/webp$/,
  png: /^image\/png$/,
  svg: /^image\/svg\+xml/,
  js: /^(application|text)\/javascript/,
  json: /^application\/json/,
  css: /^text\/css/,
  xml: /^(application|text)\/xml/,
};

describe('the sample nginx config serving dist/ under a sub-path', () => {
  it('a crawl from / finds no broken link, and every file has the right content type', async () => {
    const seen = new Set<string>();
    const queue = [`${origin}${BASE}`];
    const broken: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url} → ${response.status}`);
        continue;
      }
      const path = new URL(response.url).pathname;
      const ext = path.endsWith('/') ? 'html' : (path.split('.').pop() ?? '');
      if (TYPES[ext]) expect(response.headers.get('content-type'), path).toMatch(TYPES[ext]);
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      const $ = cheerio.load(await response.text());
      $('a[href], link[href], img[src], script[src]').each((_, el) => {
        const ref = $(el).attr('href') ?? $(el).attr('src')!;
        if (/^(mailto|tel|data):/.test(ref)) return;
        const next = new URL(ref, response.url);
        next.hash = '';
        if (next.origin === origin) queue.push(next.href);
      });
    }
    expect(broken).toEqual([]);
    // It reached every page the sitemap lists.
    const sitemap = cheerio.load(readFileSync(join(dist, 'sitemap.xml'), 'utf8'), { xml: true });
    const pages = sitemap('url > loc')
      .map((_, el) => origin + new URL(sitemap(el).text()).pathname)
      .get();
    expect(pages.length).toBeGreaterThan(10);
    for (const url of pages) expect([...seen], url).toContain(url);
  });

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(`${origin}${BASE}vi/no-such-page/`);
    expect(response.status).toBe(404);
    const $ = cheerio.load(await response.text());
    expect($('h1').first().text()).toBe('Không tìm thấy trang');
    expect($('html').attr('lang')).toBe('vi');
  });

  it('answers printed short links with a permanent redirect to their page', async () => {
    const response = await fetch(`${origin}${BASE}p/k7p/`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, origin).pathname).toBe(`${BASE}vi/guides/alerts-on-android/`);
    // A retired poster's link is no redirect of the host: its page leads to the campaign home.
    const retired = await fetch(`${origin}${BASE}p/s9b/`, { redirect: 'manual' });
    expect(retired.status).toBe(200);
  });

  it('sends the security headers of _headers with every kind of answer, the one policy every host file is written from', async () => {
    const expected = siteHeaders(dist);
    expect(Object.keys(expected).sort()).toEqual(['Content-Security-Policy', 'Referrer-Policy', 'X-Content-Type-Options']);
    expect(expected['Content-Security-Policy']).toMatch(/^default-src 'self'; /);
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain(`\n${BASE}*\n`);
    const image = readFileSync(join(dist, 'vi/guides/alerts-on-android/index.html'), 'utf8').match(new RegExp(`${BASE}_astro/[^"' ]+\\.webp`))![0];
    const answers = [
      [`${BASE}`, 200],
      [`${BASE}vi/guides/alerts-on-android/`, 200],
      [`${BASE}vi/embed/guides/alerts-on-android/`, 200],
      [`${BASE}posters/k7p/`, 200],
      [`${BASE}search.js`, 200],
      [`${BASE}pagefind/pagefind-worker.js`, 200],
      [image, 200], // from the nested location of _astro/
      [`${BASE}vi/no-such-page/`, 404],
      [`${BASE}p/k7p/`, 301],
    ] as const;
    for (const [path, status] of answers) {
      const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(status);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${name} of ${path}`).toBe(value);
    }
  });

  it("sends the web editor (admin/) its own policy, as _headers gives it, and the site's other headers", async () => {
    const site = siteHeaders(dist);
    const editor = headersFor(dist, `${BASE}admin/`);
    expect(editor).toEqual({ ...site, 'Content-Security-Policy': adminContentSecurityPolicy() });
    for (const path of [`${BASE}admin/`, `${BASE}admin/sveltia-cms.js`, `${BASE}admin/config.yml`]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      for (const [name, value] of Object.entries(editor)) expect(response.headers.get(name), `${name} of ${path}`).toBe(value);
    }
    expect(await (await fetch(`${origin}${BASE}admin/`)).text()).toContain('sveltia-cms.js');
    // A citizen page beside it keeps the site's strict policy.
    const guide = await fetch(`${origin}${BASE}vi/guides/alerts-on-android/`);
    expect(guide.headers.get('Content-Security-Policy')).toBe(site['Content-Security-Policy']);
    expect(guide.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
  });
});

describe('the sample nginx config serving a site at the domain’s root', () => {
  const root = builtSite('campaign');
  let server: Awaited<ReturnType<typeof startNginx>> | undefined;
  beforeAll(async () => {
    server = await startNginx(root, '/');
  });
  afterAll(() => server?.stop());

  it("sends the web editor's policy for /admin/ and the site's for the pages beside it", async () => {
    const editor = await fetch(`${server!.origin}/admin/`);
    expect(editor.status).toBe(200);
    expect(editor.headers.get('Content-Security-Policy')).toBe(adminContentSecurityPolicy());
    expect(editor.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const home = await fetch(`${server!.origin}/vi/`);
    expect(home.headers.get('Content-Security-Policy')).toBe(siteHeaders(root)['Content-Security-Policy']);
  });

  it('answers the short links in capitals that codes encode with a permanent redirect to their page', async () => {
    for (const path of ['/P/K7P/', '/P/K7P', '/p/k7p/']) {
      const response = await fetch(`${server!.origin}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(301);
      expect(new URL(response.headers.get('location')!, server!.origin).pathname, path).toBe('/vi/guides/alerts-on-android/');
    }
    const followed = await fetch(`${server!.origin}/P/K7P/`);
    expect(followed.status).toBe(200);
    expect(new URL(followed.url).pathname).toBe('/vi/guides/alerts-on-android/');
    // A retired poster's link in capitals: its page, which leads to the campaign home.
    const retired = await fetch(`${server!.origin}/P/S9B/`, { redirect: 'manual' });
    expect(retired.status).toBe(200);
    expect(
      cheerio
        .load(await retired.text())('main a')
        .attr('href'),
    ).toBe('/vi/');
  });
});

describe('the sample nginx config serving a broadcast schedule', () => {
  it('serves its calendar as text/calendar, which nginx’s own list of types lacks', async () => {
    const server = await startNginx(builtSite('broadcast'), '/');
    try {
      const calendar = await fetch(`${server.origin}/vi/broadcast/broadcast.ics`);
      expect(calendar.status).toBe(200);
      expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(await calendar.text()).toMatch(/^BEGIN:VCALENDAR/);
      // The other types are still known.
      expect((await fetch(`${server.origin}/vi/`)).headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      server.stop();
    }
  });
});
