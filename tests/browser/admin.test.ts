import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { parse } from 'yaml';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { launchBrowser } from '../../src/build/chromium.ts';
import { message as messageKind } from '../../src/kinds/message/kind.ts';
import { posterData } from '../../src/model/schemas.ts';
import { serve } from '../../src/build/static-server.ts';
import { cloudflareHeadersFor, headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { changedFixture } from '../helpers/changed-site.ts';
import { SITES, builtSite, runCommand } from '../helpers/sites.ts';
import { fingerprint, type TranslationReport } from '../../src/model/translations.ts';

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

/** The fixture's content files (pages, posters, settings, UI strings, images), path → bytes, as a repository holds them. */
function contentFiles(): Record<string, number[]> {
  const root = join(SITES.campaign.siteDir, 'content');
  const files: Record<string, number[]> = {};
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }))
    if (/\.(md|mdx|yaml|png)$/.test(file)) files[`content/${file}`] = [...readFileSync(join(root, file))];
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
    for (const [path, bytes] of Object.entries(files)) {
      const parts = path.split('/');
      let folder = root;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(new Uint8Array(bytes));
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

describe('writing a guide and translating it in the web editor', () => {
  it('refuses a guide without a title, then writes a Vietnamese guide with three steps and an image and its English translation, which records what it follows, and npm run check passes them', async () => {
    const { page, outside } = await editorPage();
    await page.getByRole('treeitem', { name: 'Guides' }).waitFor();
    await page.getByRole('button', { name: 'Create New Entry' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/fields? ha(ve|s) errors/).waitFor();

    // Vietnamese, written by the communications officer: a new page starts as a draft; they untick it to publish.
    const draft = page.getByRole('checkbox', { name: 'Draft' });
    await expect.poll(() => draft.isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Title' }).fill('Đăng ký tiêm');
    await page.getByRole('textbox', { name: 'Summary' }).fill('Đăng ký tiêm vắc xin trên điện thoại.');
    await page.getByRole('textbox', { name: 'App' }).fill('Sổ sức khỏe điện tử');
    await page.getByRole('checkbox', { name: 'android' }).check();
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('5');
    await draft.uncheck();
    await typeSteps(page, ['Mở ứng dụng Sổ sức khỏe điện tử.', 'Chọn Đăng ký tiêm.', 'Bấm Gửi.']);
    // The preview shows the guide in the site's look: its stylesheet, the steps numbered as the site numbers them.
    const preview = page.frameLocator('iframe[title="Content Preview"]');
    await expect.poll(() => preview.locator('article.guide .steps .step .step-number').allTextContents()).toEqual(['1', '2', '3']);
    expect(await preview.locator('h1').textContent()).toBe('Đăng ký tiêm');
    const number = await preview
      .locator('.step-number')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(number).toBe('rgb(11, 79, 138)'); // --brand in src/styles/site.css
    // A picture from the officer's computer, new to the site.
    const picture = join(mkdtempSync(join(tmpdir(), 'loa-picture-')), 'mau-dang-ky.png');
    await sharp({ create: { width: 360, height: 640, channels: 3, background: '#2e7d32' } })
      .png()
      .toFile(picture);
    await addImage(page, { upload: picture }, 'Mẫu đăng ký: họ tên, ngày sinh và số điện thoại');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Entry saved.').waitFor();
    const vi = splitFile(await repositoryFile(page, 'content/vi/guides/dang-ky-tiem.md'));
    expect(vi.data).toEqual({
      title: 'Đăng ký tiêm',
      summary: 'Đăng ký tiêm vắc xin trên điện thoại.',
      app: 'Sổ sức khỏe điện tử',
      platforms: ['android'],
      minutes: 5,
      draft: false,
    });
    expect(vi.body).toMatch(/^1\. Mở ứng dụng Sổ sức khỏe điện tử\.\n2\. Chọn Đăng ký tiêm\.\n3\. Bấm Gửi\./);
    expect(vi.body).toContain('![Mẫu đăng ký: họ tên, ngày sinh và số điện thoại](../../images/mau-dang-ky.png)');
    // An untranslated locale writes no file.
    expect(await repositoryFile(page, 'content/en/guides/dang-ky-tiem.md').catch(() => undefined)).toBeUndefined();

    // English, added by a colleague: a new translation starts as a draft and records the Vietnamese text it follows.
    await page.getByRole('row', { name: 'Đăng ký tiêm' }).click();
    await page.getByRole('radio', { name: 'English' }).first().click();
    await page.getByRole('button', { name: /^Enable \W?English\W?$/ }).click();
    await expect.poll(() => draft.isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Title' }).fill('Register for vaccination');
    await page.getByRole('textbox', { name: 'Summary' }).fill('Register for your vaccination on your phone.');
    await page.getByRole('textbox', { name: 'App' }).fill('Sổ sức khỏe điện tử');
    await page.getByRole('checkbox', { name: 'android' }).check();
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('5');
    await typeSteps(page, ['Open the Sổ sức khỏe điện tử app.', 'Choose Đăng ký tiêm (register).', 'Press Gửi (send).']);
    // A picture the site already has, which the editor writes from the site's root until the save hook makes it relative.
    await addImage(page, { pick: 'household-form.png' }, 'The registration form: name, date of birth and phone number');
    await page.getByText('Follows the current Vietnamese text.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The first save's "Entry saved." may still be shown: wait for the file itself.
    await expect.poll(() => repositoryFile(page, 'content/en/guides/dang-ky-tiem.md').catch(() => undefined)).toBeDefined();
    const en = splitFile(await repositoryFile(page, 'content/en/guides/dang-ky-tiem.md'));
    expect(en.body).toContain('![The registration form: name, date of birth and phone number](../../images/household-form.png)');
    expect(en.data).toMatchObject({ title: 'Register for vaccination', draft: true, follows: fingerprint({ data: vi.data as never, body: vi.body }) });
    expect(outside).toEqual([]);

    // What the editor wrote, put into a copy of the site with the image it uploaded, passes npm run check, and the translation counts as current once published.
    const files: Record<string, string> = {
      'content/vi/guides/dang-ky-tiem.md': await repositoryFile(page, 'content/vi/guides/dang-ky-tiem.md'),
      'content/en/guides/dang-ky-tiem.md': (await repositoryFile(page, 'content/en/guides/dang-ky-tiem.md')).replace('draft: true', 'draft: false'),
    };
    const uploaded = await repositoryBytes(page, 'content/images/mau-dang-ky.png');
    await page.close();
    const dir = changedFixture(mkdtempSync(join(tmpdir(), 'loa-admin-')), 'site', { ...files, 'content/images/mau-dang-ky.png': uploaded }, 'campaign');
    const check = runCommand('check', dir);
    expect(check.stderr + check.stdout).not.toMatch(/dang-ky-tiem/);
    expect(check.status).toBe(0);
    const status = runCommand('translations', dir, '--json');
    const row = (JSON.parse(status.stdout) as TranslationReport).rows.find((r) => r.slug === 'dang-ky-tiem')!;
    expect(row.states).toMatchObject({ vi: 'source', en: 'current' });
  });
});

/** Types a guide's steps into the Body field as a numbered list, the way an editor does: "1. " starts the list, Enter the next step. */
async function typeSteps(page: Page, steps: string[]): Promise<void> {
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('1. ');
  for (const [i, step] of steps.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(step);
  }
}

/** Adds an image to the Body through the editor's Image button, uploading a picture from the editor's computer or picking one of the site's, and describes it. */
async function addImage(page: Page, picture: { upload: string } | { pick: string }, alt: string): Promise<void> {
  await page.getByRole('button', { name: 'Image', exact: true }).click();
  await page.getByRole('button', { name: 'Browse' }).click();
  if ('upload' in picture) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload' }).click();
    await (await chooser).setFiles(picture.upload);
  } else {
    await page.getByRole('option', { name: 'Global Assets' }).click();
    await page.getByRole('option', { name: picture.pick }).click();
  }
  const name = 'upload' in picture ? basename(picture.upload) : picture.pick;
  await page.getByRole('option', { name, selected: true }).waitFor();
  await page.getByRole('button', { name: 'Insert' }).click();
  await page.getByText(new RegExp(`/${name}$`)).waitFor();
  await page.getByRole('textbox', { name: 'Alt Text' }).fill(alt);
}

/** A file of the test backend's repository, read back from the origin's private file system. */
const repositoryFile = (page: Page, path: string) =>
  page.evaluate(async (path) => {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    return (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).text();
  }, path);

/** A binary file of the test backend's repository (a picture), read back from the origin's private file system. */
const repositoryBytes = async (page: Page, path: string) =>
  new Uint8Array(
    await page.evaluate(async (path) => {
      let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
      const file = await (await folder.getFileHandle(parts.at(-1)!)).getFile();
      return [...new Uint8Array(await file.arrayBuffer())];
    }, path),
  );

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
    // The English text open beside it, untouched: it must keep the source it follows, now outdated.
    await page.getByRole('radio', { name: 'English' }).nth(1).click();
    await page.getByText('Follows the current Vietnamese text.').waitFor();
    await page.getByRole('textbox', { name: 'Summary' }).first().fill('Hãy đi thử đường đến điểm sơ tán.');
    await page.getByText(/Written from an earlier Vietnamese text/).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Entry saved.').waitFor();
    const savedMessage = splitFile(await repositoryFile(page, 'content/vi/messages/know-your-route.md'));
    // A field left out may come back as its default (broadcast: false); nothing else changes but the summary.
    expect(savedMessage.data).toEqual({ broadcast: false, ...message.data, summary: 'Hãy đi thử đường đến điểm sơ tán.' });
    expect(savedMessage.body).toBe(message.body);
    expect(messageKind.schema.safeParse(savedMessage.data).error?.issues ?? []).toEqual([]);
    // The English translation, written again with the entry, keeps what it follows.
    const english = original('content/en/messages/know-your-route.md');
    const savedEnglish = splitFile(await repositoryFile(page, 'content/en/messages/know-your-route.md'));
    expect(savedEnglish.data).toEqual({ broadcast: false, ...english.data });
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

describe('editing the settings and the UI strings in the web editor', () => {
  it("changes only the text edited, keeping the files' comments, order and labels whose key has a dot", async () => {
    const { page, outside } = await editorPage();
    const original = (path: string) => readFileSync(join(SITES.campaign.siteDir, path), 'utf8');

    await page.getByRole('treeitem', { name: 'Site settings' }).click();
    await page.getByRole('row', { name: 'Site settings' }).click();
    await page.getByRole('textbox', { name: 'vi' }).first().fill('Sẵn sàng trước mùa mưa bão!');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Entry saved.').waitFor();
    const settings = original('content/site.yaml');
    const saved = await repositoryFile(page, 'content/site.yaml');
    // Sveltia adds the defaults of the fields it shows (each locale's dir, offline reading on): nothing else changes.
    const expected = parse(settings.replace('vi: Sẵn sàng trước mùa mưa bão\n', 'vi: Sẵn sàng trước mùa mưa bão!\n')) as { locales: object[] };
    expect(parse(saved)).toEqual({ ...expected, locales: expected.locales.map((locale) => ({ ...locale, dir: 'ltr' })), offline: true });
    for (const comment of settings.split('\n').filter((line) => line.startsWith('#'))) expect(saved).toContain(comment);

    await page.getByRole('treeitem', { name: 'Interface texts' }).click();
    await page.getByRole('row', { name: 'Interface texts (vi)' }).click();
    // Fields further down are drawn once scrolled to.
    const android = page.getByRole('textbox', { name: 'platform.android' });
    await page.getByRole('textbox', { name: 'skipToContent' }).hover();
    while (!(await android.count())) await page.mouse.wheel(0, 600);
    await android.fill('Điện thoại Android');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => repositoryFile(page, 'content/vi/ui.yaml')).toContain('Điện thoại Android');
    const ui = original('content/vi/ui.yaml');
    expect(await repositoryFile(page, 'content/vi/ui.yaml')).toBe(ui.replace(/^platform\.android: .*$/m, 'platform.android: Điện thoại Android'));
    expect(outside).toEqual([]);
    await page.close();
  });
});
