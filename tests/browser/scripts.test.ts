import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { SHIPPED_FONTS, fontsFor } from '../../src/fonts/shipped-fonts.ts';
import { fontDrawing } from '../../src/fonts/coverage.ts';
import { loadContent } from '../../src/model/load-content.ts';
import { serve } from '../../src/build/static-server.ts';
import { SHARE_SIZE } from '../../src/portals/share-image.ts';
import { ROOT, SITES, builtSite } from '../helpers/sites.ts';
import { page } from '../helpers/dist.ts';

// A site with locales in Latin (Vietnamese), Han, Khmer, Thai, Arabic (right to left) and Tai Viet.
const { siteDir } = SITES.scripts;
const dist = builtSite('scripts');
const content = loadContent(siteDir, {});
const work = mkdtempSync(join(tmpdir(), 'loa-scripts-'));

/**
 * A fontconfig setup with the machine's usual sans-serif font only (a Latin one, such as DejaVu
 * Sans): a machine with no Chinese, Khmer, Thai, Arabic or Tai Viet fonts. (With no font at all
 * Chromium draws no text, web fonts included.)
 */
function latinFontOnly(): string {
  const latin = spawnSync('fc-match', ['-f', '%{file}', 'sans-serif'], { encoding: 'utf8' }).stdout;
  const file = join(work, 'latin-only.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dirname(latin)}</dir><cachedir>${join(work, 'fc-cache')}</cachedir></fontconfig>\n`,
  );
  return file;
}

let bare: Browser;
beforeAll(async () => {
  bare = await launchBrowser({ FONTCONFIG_FILE: latinFontOnly() });
});
afterAll(async () => {
  await bare?.close();
  rmSync(work, { recursive: true, force: true });
});

/** How much light text covers a region of an RGB image on the brand background: the sum, over pixels, of how far each is from the background towards white (0 to 1). */
function ink(data: Buffer, width: number, channels: number, rows: [number, number]): number {
  const background = data[0]!; // the top-left pixel: the red of the brand colour
  let sum = 0;
  for (let y = rows[0]; y < rows[1]; y++)
    for (let x = 0; x < width; x++) sum += Math.max(0, data[(y * width + x) * channels]! - background) / (255 - background);
  return sum;
}

describe('share images draw every script with its own glyphs', () => {
  const pages = content.entries.map((e) => ({ ...e, url: `${e.locale}/${e.kind}/${e.slug}/` }));

  it('every character of every title and campaign name has a glyph in the font it is drawn with', () => {
    expect(new Set(pages.map((p) => p.locale))).toEqual(new Set(['vi', 'zh', 'km', 'th', 'ar', 'blt']));
    const files = new Map(SHIPPED_FONTS.map((f) => [f, fontkit.openSync(f.bold ?? f.regular) as fontkit.Font]));
    for (const { locale, data } of pages)
      for (const char of data.title.replace(/\s|\u200d|\ufe0f/gu, '')) {
        const font = fontDrawing(char.codePointAt(0)!, fontsFor(locale));
        expect(font, `${locale}: ${char}`).toBeDefined();
        expect(files.get(font!)!.hasGlyphForCodePoint(char.codePointAt(0)!), `${font!.family}: ${char}`).toBe(true);
      }
  });

  it('each title in a share image has the ink of the same text set by Chromium with the same fonts, not of empty boxes', async () => {
    // The reference is set on the machine's Latin font only, with the shipped files loaded as web
    // fonts: what it shows does not depend on the fontconfig setup share images are drawn with.
    const tab = await bare.newPage({ viewport: { width: SHARE_SIZE.width, height: SHARE_SIZE.height } });
    const files = SHIPPED_FONTS.map((f) => f.bold ?? f.regular);
    await tab.route('https://fonts.test/**', (route) =>
      route.fulfill({ body: readFileSync(files[Number(new URL(route.request().url()).pathname.slice(1))]!) }),
    );
    for (const { locale, data, url } of pages) {
      const image = join(dist, url, 'share.png');
      const { data: pixels, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const drawn = ink(pixels, info.width, info.channels, [0, 495]);
      // The same title, set in Chromium with the same fonts in the same order, size and width.
      const order = fontsFor(locale).map((f) => SHIPPED_FONTS.indexOf(f));
      const faces = order.map((i) => `@font-face{font-family:f${i};src:url(https://fonts.test/${i})}`).join('');
      const dir = content.locales.find((l) => l.code === locale)!.dir;
      await tab.setContent(
        `<style>${faces}</style><body style="margin:0;background:#0b4f8a"><div dir="${dir}" style="margin:80px;width:1040px;color:#fff;font:700 64px/1.2 ${order.map((i) => `f${i}`).join(',')};font-synthesis:none">${data.title}</div></body>`,
      );
      await tab.evaluate(() => document.fonts.ready);
      const shot = await sharp(await tab.screenshot())
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const reference = ink(shot.data, shot.info.width, shot.info.channels, [0, 495]);
      expect(drawn / reference, `${url}: ${data.title}`).toBeGreaterThan(0.8);
      expect(drawn / reference, `${url}: ${data.title}`).toBeLessThan(1.25);
    }
    await tab.close();
  });
});

describe('posters bring their own fonts', () => {
  it('every poster page draws all its text with fonts from the site, on a machine without fonts for their scripts', async () => {
    const server = await serve(dist, '/');
    try {
      const tab = await bare.newPage();
      const cdp = await tab.context().newCDPSession(tab);
      for (const poster of content.posters) {
        await tab.goto(`${server.origin}/posters/${poster.code}/`, { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const used: { familyName: string; isCustomFont: boolean; glyphCount: number }[] = [];
        const visit = async (node: typeof root): Promise<void> => {
          if (node.nodeType === 1 && node.nodeName !== 'svg') used.push(...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })).fonts);
          for (const child of node.children ?? []) await visit(child);
        };
        await visit(root);
        expect(used.length, poster.code).toBeGreaterThan(0);
        expect(
          used.filter((f) => !f.isCustomFont),
          poster.code,
        ).toEqual([]);
      }
      await tab.close();
    } finally {
      await server.close();
    }
  });

  it('each poster PDF embeds only the project’s fonts and holds its text', () => {
    const out = join(work, 'dist');
    cpSync(dist, out, { recursive: true });
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/posters.ts'), '--pdf', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, LOA_SITE_DIR: siteDir },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const shipped = new Set(
      SHIPPED_FONTS.flatMap((f) => [f.regular, f.bold ?? f.regular]).map((file) => (fontkit.openSync(file) as fontkit.Font).postscriptName),
    );
    for (const poster of content.posters) {
      const pdf = join(out, 'posters', poster.code, `${poster.code}.pdf`);
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts.status, fonts.stderr).toBe(0);
      const names = fonts.stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(names.length, poster.code).toBeGreaterThan(0);
      for (const name of names) expect(shipped, `${poster.code}: ${name}`).toContain(name);
      // The headline's characters come back out of the PDF: drawn as glyphs that map to them.
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
      const headline = page(dist, `posters/${poster.code}/index.html`)('h1').text();
      for (const char of headline.replace(/\s/gu, '')) expect(text, `${poster.code}: ${char}`).toContain(char);
    }
  });
});

describe('search in scripts written without spaces', () => {
  // Words run together between spaces: each of these is inside a run, not at its start.
  it.each([
    ['km', 'ស្រុក', ['km/messages/hello/']],
    ['km', 'ចាក់វ៉ាក់សាំង', ['km/messages/hello/']],
    ['th', 'วัคซีน', ['th/messages/hello/']],
  ])('%s: “%s” finds the pages with that word inside a run of text', async (locale, q, expected) => {
    const server = await serve(dist, '/');
    try {
      const tab = await bare.newPage();
      await tab.goto(`${server.origin}/${locale}/search/?q=${encodeURIComponent(q)}`);
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent);
      const found = await tab
        .locator('.search-results li a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(1)));
      expect(found.sort()).toEqual(expected);
      await tab.close();
    } finally {
      await server.close();
    }
  });
});
