import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { launchBrowser } from '../../src/build/chromium.ts';
import { guide } from '../../src/kinds/guide/kind.ts';
import { message as messageKind } from '../../src/kinds/message/kind.ts';
import { posterData } from '../../src/model/schemas.ts';
import { serve } from '../../src/build/static-server.ts';
import { cloudflareHeadersFor, headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { SITES, builtSite } from '../helpers/sites.ts';

// The campaign fixture, each answer with the headers its own _headers file gives that path (see
// hostPage): the editor's policy for admin/, the site's for every other page.
const dir = builtSite('campaign');
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  browser = await launchBrowser();
  site = await serve(dir, '/');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The fixture's content files (pages, posters, settings, UI strings), path → text, as a repository holds them. */
function contentFiles(): Record<string, string> {
  const root = join(SITES.campaign.siteDir, 'content');
  const files: Record<string, string> = {};
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }))
    if (/\.(md|mdx|yaml)$/.test(file)) files[`content/${file}`] = readFileSync(join(root, file), 'utf8');
  return files;
}

/**
 * A page whose answers from the site carry the headers the built `_headers` gives their path, as
 * Cloudflare Pages applies it (every matching rule in order, `!` lines removing a header first;
 * for these paths Netlify's reading gives the same, which the test below checks), that refuses
 * every request to another origin and records it, and records the policy's refusals.
 */
async function hostPage(): Promise<{ page: Page; outside: string[]; refused: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const outside: string[] = [];
  const refused: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== site.origin) {
      outside.push(url.href);
      return route.abort('blockedbyclient');
    }
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), ...cloudflareHeadersFor(dir, url.pathname) } });
  });
  await page.exposeFunction('reportRefusal', (text: string) => refused.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportRefusal(t: string): void }).reportRefusal(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return { page, outside, refused };
}

/**
 * A page as hostPage gives it, with the test backend's repository (Sveltia keeps it in the origin's private file
 * system, folder sveltia-cms-test) filled with the fixture's content before the editor opens.
 */
async function editorPage(): Promise<{ page: Page; outside: string[]; refused: string[] }> {
  const { page, outside, refused } = await hostPage();
  // Any page of the origin gives access to its private file system.
  await page.goto(`${site.origin}/404.html`);
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/');
      let folder = root;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, contentFiles());
  // Only the editor's refusals count.
  refused.length = 0;
  await page.goto(`${site.origin}/admin/`);
  await page.getByRole('button', { name: 'Work with Test Repository' }).click();
  return { page, outside, refused };
}

describe('the policies the host sends', () => {
  it("give admin/ the editor's policy, which lets it add inline styles, and a citizen page the site's strict one", async () => {
    const editorPolicy = headersFor(dir, '/admin/')['Content-Security-Policy'];
    expect(editorPolicy).toBe(adminContentSecurityPolicy());
    expect(cloudflareHeadersFor(dir, '/admin/')).toEqual(headersFor(dir, '/admin/'));
    const sitePolicy = siteHeaders(dir)['Content-Security-Policy'];
    expect(cloudflareHeadersFor(dir, '/vi/')).toEqual(headersFor(dir, '/vi/'));
    const { page, refused } = await hostPage();
    /** Adds an element with a style attribute no page was built with; whether the browser applied it. */
    const styled = () =>
      page.evaluate(() => {
        const probe = document.createElement('div');
        probe.setAttribute('style', 'outline-offset: 7px');
        document.body.append(probe);
        return getComputedStyle(probe).outlineOffset === '7px';
      });
    const editor = await page.goto(`${site.origin}/admin/`);
    expect(editor!.headers()['content-security-policy']).toBe(editorPolicy);
    expect(await styled()).toBe(true);
    const citizen = await page.goto(`${site.origin}/vi/`);
    expect(citizen!.headers()['content-security-policy']).toBe(sitePolicy);
    expect(sitePolicy).not.toContain('unsafe-inline');
    refused.length = 0;
    expect(await styled()).toBe(false);
    await expect.poll(() => refused).toContain('style-src-attr inline');
    await page.close();
  });
});

describe('the web editor in Chromium', () => {
  it("opens with the test backend, lists the fixture's guides, and no request leaves the origin", async () => {
    const { page, outside, refused } = await editorPage();
    await page.getByRole('treeitem', { name: 'Guides' }).waitFor();
    // The Vietnamese titles of the fixture's guides, read from its files.
    const titles = readdirSync(join(SITES.campaign.siteDir, 'content/vi/guides')).map((file) =>
      /^title: (.+)$/m.exec(readFileSync(join(SITES.campaign.siteDir, 'content/vi/guides', file), 'utf8'))![1]!.replace(/^['"]|['"]$/g, ''),
    );
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) await page.getByRole('row', { name: title }).waitFor();
    // The icons are drawn with the site's copy of Material Symbols, not shown as their names.
    expect(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"', 'edit'))).toBe(true);
    expect(await page.evaluate(async () => (await document.fonts.load('24px "Material Symbols Outlined"', 'edit')).length)).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    // What the bundle still names elsewhere is refused by the policy before any request: the update check and Noto Mono.
    const known = [
      'connect-src https://unpkg.com/@sveltia/cms/package.json',
      'font-src https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
    ];
    expect(refused.filter((r) => !known.includes(r))).toEqual([]);
    await page.close();
  });
});

describe('writing a guide in the web editor', () => {
  it('refuses to save without the required fields, then writes content/vi/guides/dang-ky-tiem.md that the guide schema accepts', async () => {
    const { page, outside } = await editorPage();
    await page.getByRole('treeitem', { name: 'Guides' }).waitFor();
    await page.getByRole('button', { name: 'Create New Entry' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/fields? ha(ve|s) errors/).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Đăng ký tiêm');
    await page.getByRole('textbox', { name: 'Summary' }).fill('Đăng ký tiêm vắc xin trên điện thoại.');
    await page.getByRole('textbox', { name: 'App' }).fill('Sổ sức khỏe điện tử');
    await page.getByRole('checkbox', { name: 'android' }).check();
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('5');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('Mở ứng dụng.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('row', { name: 'Đăng ký tiêm' }).waitFor();
    // The files of the test backend's repository, read back from the origin's private file system.
    const written = await page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
      const read = async (path: string) => {
        const parts = path.split('/');
        let folder = root;
        try {
          for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
          return await (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
        } catch {
          return undefined;
        }
      };
      return { vi: await read('content/vi/guides/dang-ky-tiem.md'), en: await read('content/en/guides/dang-ky-tiem.md') };
    });
    expect(written.en).toBeUndefined(); // an untranslated locale writes no file
    const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(written.vi ?? '') ?? [];
    expect(body?.trim()).toBe('Mở ứng dụng.');
    const parsed = guide.schema.safeParse(parse(frontMatter ?? ''));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parse(frontMatter!)).toEqual({
      title: 'Đăng ký tiêm',
      summary: 'Đăng ký tiêm vắc xin trên điện thoại.',
      app: 'Sổ sức khỏe điện tử',
      platforms: ['android'],
      minutes: 5,
      draft: false,
    });
    expect(outside).toEqual([]);
    await page.close();
  });
});

/** A file of the test backend's repository, read back from the origin's private file system. */
const repositoryFile = (page: Page, path: string) =>
  page.evaluate(async (path) => {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    return (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
  }, path);

/** The front matter (or whole YAML file) and body of a content file. */
function splitFile(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  return match ? { data: parse(match[1]!) as Record<string, unknown>, body: match[2]!.trim() } : { data: parse(text) as Record<string, unknown>, body: '' };
}

describe('editing what the site has in the web editor', () => {
  it('changes only the field edited in a message and a poster, and what they wrote still passes their schemas', async () => {
    const { page, outside } = await editorPage();
    const original = (path: string) => splitFile(readFileSync(join(SITES.campaign.siteDir, path), 'utf8'));

    await page.getByRole('treeitem', { name: 'Messages' }).click();
    const message = original('content/vi/messages/know-your-route.md');
    await page.getByRole('row', { name: message.data.title as string }).click();
    await page.getByRole('textbox', { name: 'Summary' }).fill('Hãy đi thử đường đến điểm sơ tán.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Entry saved.').waitFor();
    const savedMessage = splitFile(await repositoryFile(page, 'content/vi/messages/know-your-route.md'));
    // A field left out may come back as its default (broadcast: false); nothing else changes but the summary.
    expect(savedMessage.data).toEqual({ broadcast: false, draft: false, ...message.data, summary: 'Hãy đi thử đường đến điểm sơ tán.' });
    expect(savedMessage.body).toBe(message.body);
    expect(messageKind.schema.safeParse(savedMessage.data).error?.issues ?? []).toEqual([]);
    // The English translation, written again with the entry, keeps what it follows.
    const english = original('content/en/messages/know-your-route.md');
    const savedEnglish = splitFile(await repositoryFile(page, 'content/en/messages/know-your-route.md'));
    expect(savedEnglish.data).toEqual({ broadcast: false, draft: false, ...english.data });
    expect(savedEnglish.body).toBe(english.body);

    await page.getByRole('treeitem', { name: 'Posters' }).click();
    const poster = original('content/posters/village-hall-android.yaml');
    await page.getByRole('row', { name: poster.data.code as string }).click();
    await page.getByRole('textbox', { name: 'Place' }).fill('Nhà văn hóa thôn Tây');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('row', { name: poster.data.code as string }).waitFor();
    const savedPoster = splitFile(await repositoryFile(page, 'content/posters/village-hall-android.yaml')).data;
    expect(savedPoster).toEqual({ orientation: 'portrait', level: 'M', status: 'active', ...poster.data, place: 'Nhà văn hóa thôn Tây' });
    expect(posterData.safeParse(savedPoster).error?.issues ?? []).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
