import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { startPreview } from '../../src/build/preview-server.ts';
import { changedFixture } from '../helpers/changed-site.ts';
import { proxyServer, type ProxyServer } from '../helpers/proxy-server.ts';
import { ROOT, SITES, builtSite, runBuild, type SiteName } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

// Offline reading (issue 16) in Chromium at 360 × 640: the fixture site served with its own
// security headers (so the registration script runs only if the policy allows it), through a
// proxy that logs what reaches the server and can cut the network for the page and its worker.

/** The headers of the rule for every path of a built site's `_headers` (the first rule). */
function everyPathHeaders(dir: string): Record<string, string> {
  const lines = readFileSync(join(dir, '_headers'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line && !line.startsWith('#'));
  const end = lines.findIndex((line, i) => i > start && line && !/^\s/.test(line));
  return Object.fromEntries(
    lines.slice(start + 1, end === -1 ? undefined : end).flatMap((line) => {
      const at = line.indexOf(':');
      return at > 0 ? [[line.slice(0, at).trim(), line.slice(at + 1).trim()]] : [];
    }),
  );
}

interface Served {
  browser: Browser;
  proxy: ProxyServer;
  base: string;
  dir: string;
  /** Stops the static servers. */
  servers: (() => Promise<void>)[];
}

/** Builds (once per run) and serves a fixture site behind a proxy, with Chromium, for the tests of one describe block. */
function servedSite(name: SiteName): Served {
  const served = { base: SITES[name].base, dir: builtSite(name), servers: [] as (() => Promise<void>)[] } as Served;
  beforeAll(async () => {
    served.browser = await launchBrowser();
    const site = await serve(served.dir, served.base, everyPathHeaders(served.dir));
    served.servers.push(() => site.close());
    served.proxy = await proxyServer(site.origin);
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.proxy?.close();
    for (const close of served.servers) await close();
  });
  return served;
}

/** A new phone: a browser context of its own (its own service workers and caches) at 360 × 640. */
async function phone(served: Served, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 640 }, ...options });
  return { context, page: await context.newPage() };
}

/** Opens a page, scrolls to its end so every image loads, and waits for them. */
async function read(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
}

/** The addresses saved by the worker, in every cache of the page's origin. */
async function savedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
}

/** Waits until the worker controls the page and has saved `url`. */
async function waitUntilSaved(page: Page, url: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(() => savedUrls(page), { timeout: 10_000 }).toContain(url);
}

/** The images of the page that did not load. */
async function brokenImages(page: Page): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return page.evaluate(() => [...document.images].filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src));
}

describe.each(['campaign', 'campaign-base'] as const)('offline reading on the %s site', (name) => {
  const served = servedSite(name);
  const at = (path: string) => `${served.proxy.origin}${served.base}${path}`;

  it('costs the first visit only sw.js: the page and its images are saved from the browser’s cache, and nothing is fetched for the offline page', async () => {
    const { context, page } = await phone(served);
    const from = served.proxy.requests.length;
    await read(page, at('vi/guides/alerts-on-android/'));
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    const requests = served.proxy.requests.slice(from);
    expect(requests).toContain(`GET ${served.base}sw.js`);
    // Registered for the whole site under its base path, and only there.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(at(''));
    // Each file once: the worker saved the page and its images without a second download.
    expect(requests.filter((r, i) => requests.indexOf(r) !== i)).toEqual([]);
    expect(requests.filter((r) => /offline/.test(r))).toEqual([]);
    // The worker saves the page first, then its files one by one.
    await expect.poll(async () => (await savedUrls(page)).filter((url) => /\/_astro\/.+\.webp$/.test(url)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('opens a visited guide again without a signal, with its images and stylesheet; an unvisited one shows the offline page in the reader’s language listing the saved pages', async () => {
    const { context, page } = await phone(served);
    await read(page, at('vi/guides/alerts-on-android/'));
    const title = await page.locator('h1').first().textContent();
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));

    // One page opened, then no signal: the page it carries gives the offline page.
    await context.setOffline(true);
    // Cut for the worker's requests too: a page it never saw cannot come from the network.
    const cut = await page.goto(at('vi/guides/evacuation-map/'));
    expect(cut?.fromServiceWorker()).toBe(true);
    expect(cut?.status()).toBe(503);

    const again = await page.goto(at('vi/guides/alerts-on-android/'), { waitUntil: 'load' });
    expect(again?.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').first().textContent()).toBe(title);
    expect(await page.locator('.body img').count()).toBeGreaterThan(0);
    expect(await brokenImages(page)).toEqual([]);
    // The stylesheet applies: the content column is limited, the skip link hidden off screen.
    expect(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).not.toBe('none');

    await page.goto(at('vi/guides/evacuation-map/'), { waitUntil: 'load' });
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('main h1').textContent()).toBe('Không có kết nối mạng');
    expect(await page.title()).toBe('Không có kết nối mạng');
    const links = await page.locator('main .saved-pages a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(links).toEqual([[`${served.base}vi/guides/alerts-on-android/`, expect.stringContaining(title!.trim())]]);
    // Nothing of the saved page's own content, and the page is the site's: header, languages, footer.
    expect(await page.locator('main article').count()).toBe(0);
    expect(await page.locator('.site-header .brand').isVisible()).toBe(true);
    expect(
      await page
        .locator('main .saved-pages a')
        .first()
        .evaluate((a) => getComputedStyle(a).display),
    ).toBe('block'); // the site's stylesheet
    expect(await axeViolations(page, undefined, { asDevTools: true })).toEqual([]);
    // A saved page's link opens it.
    await page.locator('main .saved-pages a', { hasText: title!.trim() }).click();
    await page.waitForURL(at('vi/guides/alerts-on-android/'));
    expect(await page.locator('h1').first().textContent()).toBe(title);
    await context.close();
  });

  it('never answers a short link: online it reaches the server, offline it fails as without a worker', async () => {
    const { context, page } = await phone(served);
    await read(page, at('vi/guides/alerts-on-android/'));
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    // Each in a tab of its own, as from a scanned code: the short link's page forwards to the guide.
    for (const path of ['p/k7p/', 'P/K7P/']) {
      const scanned = await context.newPage();
      const from = served.proxy.requests.length;
      const answer = scanned.waitForResponse((response) => response.url() === at(path));
      await scanned.goto(at(path));
      expect((await answer).fromServiceWorker(), path).toBe(false);
      expect(served.proxy.requests.slice(from), path).toContain(`GET ${served.base}${path}`);
    }
    expect((await savedUrls(page)).filter((url) => /\/[pP]\//.test(url))).toEqual([]);
    await context.setOffline(true);
    const scanned = await context.newPage();
    for (const path of ['p/k7p/', 'P/K7P/']) await expect(scanned.goto(at(path)), path).rejects.toThrow(/net::ERR_/);
    await context.close();
  });

  it('saves only the reader’s language: another locale’s pages and images are not saved', async () => {
    const { context, page } = await phone(served);
    await read(page, at('vi/guides/alerts-on-android/'));
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    await read(page, at('zh/guides/alerts-on-android/'));
    await read(page, at('en/guides/household-registration/'));
    await read(page, at('vi/guides/'));
    await expect.poll(() => savedUrls(page), { timeout: 10_000 }).toContain(at('vi/guides/'));
    const saved = await savedUrls(page);
    expect(saved.filter((url) => /\/(en|zh)\//.test(url))).toEqual([]);
    await context.setOffline(true);
    const other = await page.goto(at('zh/guides/alerts-on-android/'));
    expect(other?.status()).toBe(503);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi'); // the reader's offline page
    await context.close();
  });

  it('asks the network first for the search index, and falls back to what was saved', async () => {
    const { context, page } = await phone(served);
    await read(page, at('vi/guides/alerts-on-android/'));
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    const search = async () => {
      await page.goto(at('vi/search/?q=android'), { waitUntil: 'load' });
      await page.locator('.search-results li').first().waitFor();
    };
    await search();
    const index = (await savedUrls(page)).filter((url) => url.includes('/pagefind/'));
    expect(index.length).toBeGreaterThan(0);
    const from = served.proxy.requests.length;
    await search();
    // Saved, yet asked for again.
    const asked = served.proxy.requests.slice(from).map((r) => r.replace(/^GET /, '').split('?')[0]);
    const savedAndAsked = index.map((url) => new URL(url).pathname).filter((path) => asked.includes(path));
    expect(savedAndAsked.length).toBeGreaterThan(0);
    // Without a signal, the same search still finds what the saved index holds.
    await context.setOffline(true);
    await search();
    await context.close();
  });
});

describe('the keep-this-guide button at the end of a guide (src/offline/KeepButton.astro)', () => {
  const served = servedSite('campaign');
  const at = (path: string) => `${served.proxy.origin}/${path}`;
  const keep = (page: Page) => page.locator('.keep-offline button');

  it('is there only with JavaScript', async () => {
    const { context, page } = await phone(served, { javaScriptEnabled: false });
    await page.goto(at('vi/guides/alerts-on-android/'), { waitUntil: 'load' });
    expect(await keep(page).count()).toBe(1);
    expect(await keep(page).isVisible()).toBe(false);
    await context.close();
  });

  it('saves the guide with the images not yet scrolled to, says so, and the guide opens offline', async () => {
    const { context, page } = await phone(served);
    await page.goto(at('vi/guides/alerts-on-android/'), { waitUntil: 'load' });
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    const kept = await keep(page).getAttribute('data-kept');
    await keep(page).click();
    await expect.poll(() => page.locator('.keep-offline [role=status]').textContent(), { timeout: 15_000 }).toBe(kept);
    // Every picture of the guide, those below the first screen too, is on the phone.
    const pictures = await page.locator('.body img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).currentSrc));
    expect(pictures.length).toBeGreaterThan(1);
    const saved = await savedUrls(page);
    expect(pictures.filter((src) => !saved.includes(src))).toEqual([]);
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    expect(await brokenImages(page)).toEqual([]);
    await page.goto(at('vi/guides/evacuation-map/'), { waitUntil: 'load' });
    expect(await page.locator('main h1').textContent()).toBe('Không có kết nối mạng');
    await context.close();
  });

  it('says when a page is in another language than the reader’s, and keeps nothing of it', async () => {
    const { context, page } = await phone(served);
    await read(page, at('vi/guides/alerts-on-android/'));
    await waitUntilSaved(page, at('vi/guides/alerts-on-android/'));
    await page.goto(at('zh/guides/alerts-on-android/'), { waitUntil: 'load' });
    await keep(page).click();
    const notKept = await keep(page).getAttribute('data-not-kept');
    await expect.poll(() => page.locator('.keep-offline [role=status]').textContent(), { timeout: 15_000 }).toBe(notKept);
    expect((await savedUrls(page)).filter((url) => url.includes('/zh/'))).toEqual([]);
    await context.close();
  });
});

describe('the live preview', () => {
  it('serves the same sw.js as the build, and pages that carry the offline text', async () => {
    const dir = builtSite('campaign');
    const preview = await startPreview(SITES.campaign.siteDir);
    try {
      const sw = await fetch(`${preview.origin}/sw.js`);
      expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
      // The same but for the version, which follows the engine's stylesheet: it may have changed
      // since this run's build when engine files are being edited (the build test checks it).
      const withoutVersion = (code: string) => code.replace(/version:"[0-9a-f]{12}"/, 'version:""');
      const served = await sw.text();
      expect(served).toMatch(/version:"[0-9a-f]{12}"/);
      expect(withoutVersion(served)).toBe(withoutVersion(readFileSync(join(dir, 'sw.js'), 'utf8')));
      expect(await (await fetch(`${preview.origin}/vi/guides/alerts-on-android/`)).text()).toContain('<script type="application/json" id="offline-page">');
    } finally {
      await preview.stop();
    }
  });
});

describe('the kill switch (offline: false)', () => {
  const served = servedSite('campaign');
  const work = mkdtempSync(join(tmpdir(), 'loa-offline-'));
  let off: string;
  beforeAll(async () => {
    const settings = readFileSync(join(ROOT, 'tests/fixtures/campaign/content/site.yaml'), 'utf8');
    const dir = changedFixture(work, 'offline-off', { 'content/site.yaml': `${settings}\noffline: false\n` }, 'campaign');
    off = join(dir, 'dist');
    const result = runBuild(dir, off);
    if (result.status !== 0) throw new Error(result.output);
    const site = await serve(off, '/', everyPathHeaders(off));
    served.servers.push(() => site.close());
    off = site.origin;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('publishes a worker that deletes what was saved and unregisters itself at the reader’s next visit', async () => {
    const { context, page } = await phone(served);
    const guide = `${served.proxy.origin}/vi/guides/alerts-on-android/`;
    await read(page, guide);
    await waitUntilSaved(page, guide);
    served.proxy.target = off; // the site is published again, with offline: false
    await page.goto(guide, { waitUntil: 'load' });
    await expect
      .poll(
        () =>
          page.evaluate(async () => ({
            workers: (await navigator.serviceWorker.getRegistrations()).length,
            caches: (await caches.keys()).filter((name) => name.startsWith('loa-')),
          })),
        { timeout: 15_000 },
      )
      .toEqual({ workers: 0, caches: [] });
    // Its pages register nothing any more.
    expect(await page.content()).not.toContain('sw.js');
    await context.close();
  });
});
