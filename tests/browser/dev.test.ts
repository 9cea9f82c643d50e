import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { startPreview, type PreviewServer } from '../../src/build/preview-server.ts';
import { audioFileName } from '../../src/broadcast/audio-facts.ts';
import { ROOT } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

// A copy of a fixture site, outside the engine's folder, that the tests edit as an editor would.
const site = mkdtempSync(join(tmpdir(), 'loa-preview-'));
const guide = join(site, 'content/en/guides/first.md');
let preview: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  cpSync(join(ROOT, 'tests/fixtures/minimal/content'), join(site, 'content'), { recursive: true });
  mkdirSync(join(site, 'content/posters'));
  writeFileSync(join(site, 'content/posters/first.yaml'), 'code: w8q\ntarget: en/guides/first\npaper: A3\ndate: 2024-05-01\n');
  // A station's recording of the broadcast message.
  mkdirSync(join(site, 'content/audio'));
  cpSync(join(ROOT, 'tests/fixtures/broadcast/content/audio/market-day.mp3'), join(site, 'content/audio/hello.mp3'));
  edit(join(site, 'content/en/messages/hello.md'), (text) => text.replace('broadcast: true', 'broadcast: true\naudio: audio/hello.mp3'));
  preview = await startPreview(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  rmSync(site, { recursive: true, force: true });
});

/** Rewrites a content file as an editor's save would. */
function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/**
 * Opens a page of the preview once its live-reload client is listening, as it is for an editor
 * who has the page open: an edit saved while the page is still loading would go unseen.
 */
async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const listening = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 20_000 });
  await page.goto(preview.origin + path);
  await listening;
  return page;
}

/** Waits until the preview serves a page containing `text`: it has taken in the last edit. */
async function served(path: string, text: string): Promise<void> {
  for (;;) {
    // While the preview restarts, it does not answer at all.
    const page = await fetch(preview.origin + path).then(
      (response) => response.text(),
      () => '',
    );
    if (page.includes(text)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('the live preview (npm run dev)', () => {
  it('serves every kind of page and file the build makes', async () => {
    for (const [path, type] of [
      ['/', 'text/html'],
      ['/en/guides/first/', 'text/html'],
      ['/fr/guides/written-in-mdx/', 'text/html'],
      ['/en/messages/hello/', 'text/html'],
      ['/en/messages/hello.txt', 'text/plain'],
      ['/en/messages/feed.xml', 'application/rss+xml'],
      ['/en/guides/feed.json', 'application/feed+json'],
      ['/en/guides/first/share.png', 'image/png'],
      ['/search.js', 'text/javascript'],
      ['/status/', 'text/html'],
      ['/sitemap.xml', 'application/xml'],
      ['/posters/', 'text/html'],
      ['/posters/w8q/', 'text/html'],
      ['/posters/w8q/qr.svg', 'image/svg+xml'],
      ['/posters/w8q/qr.png', 'image/png'],
      ['/p/w8q/', 'text/html'],
      ['/P/W8Q/', 'text/html'], // the short link in capitals, as the QR code has it
      ['/posters/fonts.css', 'text/css'],
      ['/posters/w8q/cards/', 'text/html'],
      ['/en/messages/podcast.xml', 'application/rss+xml'],
      [`/audio/${audioFileName(join(site, 'content/audio/hello.mp3'))}`, 'audio/mpeg'],
    ]) {
      const response = await fetch(preview.origin + path!);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
    }
  });

  it('shows a saved edit in the open page without a manual reload', async () => {
    const page = await open('/en/guides/first/');
    expect(await page.locator('h1').innerText()).toBe('First guide');
    edit(guide, (text) => text.replace('title: First guide', 'title: First guide, edited'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'First guide, edited');
    // Pages shown from a fallback follow the edit too.
    const fallback = await open('/fr/guides/first/');
    expect(await fallback.locator('h1').innerText()).toBe('Premier guide');
    await page.close();
    await fallback.close();
  });

  it('searches the content as it is now', async () => {
    edit(guide, (text) => text.replace('1. Open the app.', '1. Open the zanzibarite app.'));
    await served('/en/guides/first/', 'zanzibarite');
    const page = await open('/en/search/?q=zanzibarite');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent);
    const results = await page.locator('.search-results li > a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(results).toEqual(['/en/guides/first/']);
    await page.close();
  });

  it('lists every problem in the browser and the terminal while the content is wrong, and comes back by itself once fixed', async () => {
    const page = await open('/en/guides/first/');
    edit(guide, (text) => text.replace('platforms: [android]', 'platforms: [windows]').replace('minutes: 3', 'minutes: soon'));
    await page.waitForSelector('pre', { timeout: 20_000 });
    const shown = await page.locator('pre').innerText();
    for (const expected of ['content/en/guides/first.md', 'line 5', 'platforms[0]: expected one of android, ios, web; found "windows"', 'minutes'])
      expect(shown).toContain(expected);
    expect(await page.locator('h1').innerText()).toContain('problems');
    // Editors read it too: no WCAG 2.2 AA violation.
    expect(await axeViolations(page)).toEqual([]);
    expect(preview.output()).toContain('platforms[0]: expected one of android, ios, web; found "windows"');
    // Every page shows the problems, not only the one with them.
    const other = await fetch(`${preview.origin}/en/messages/hello/`, { headers: { accept: 'text/html' } });
    expect(other.status).toBe(500);
    expect(await other.text()).toContain('content/en/guides/first.md');

    edit(guide, (text) => text.replace('platforms: [windows]', 'platforms: [android]').replace('minutes: soon', 'minutes: 3'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('First guide'), undefined, { timeout: 20_000 });
    await page.close();
  });

  it('keeps running when a file is added, removed or is not valid YAML', async () => {
    const added = join(site, 'content/en/messages/second.md');
    writeFileSync(added, '---\ntitle: Second\nsummary: Another message.\ndate: 2024-06-01\n---\n\nMore news.\n');
    await served('/en/messages/', 'href="/en/messages/second/"');
    const page = await open('/en/messages/');
    await page.waitForSelector('a[href="/en/messages/second/"]');
    writeFileSync(join(site, 'content/site.yaml'), `${readFileSync(join(site, 'content/site.yaml'), 'utf8')}\nlocales: [oops\n`);
    await page.waitForSelector('pre');
    expect(await page.locator('pre').innerText()).toContain('content/site.yaml');
    cpSync(join(ROOT, 'tests/fixtures/minimal/content/site.yaml'), join(site, 'content/site.yaml'));
    rmSync(added);
    await page.waitForFunction(
      () => !document.querySelector('pre') && !document.querySelector('a[href="/en/messages/second/"]') && !!document.querySelector('h1'),
      undefined,
      { timeout: 20_000 },
    );
    await page.close();
  });

  it('moves to a new base path when the settings change it', async () => {
    writeFileSync(join(site, 'content/site.yaml'), `${readFileSync(join(site, 'content/site.yaml'), 'utf8')}base: /campaign/\n`);
    await served('/campaign/en/guides/first/', 'data-pagefind-meta="title"');
    expect((await fetch(`${preview.origin}/campaign/search.js`)).status).toBe(200);
    expect((await fetch(`${preview.origin}/campaign/en/guides/first/share.png`)).headers.get('content-type')).toBe('image/png');
  });
});
