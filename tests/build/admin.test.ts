import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { siteCmsConfigYaml } from '../../src/admin/site-config.ts';
import { EDITOR_FONTS, editorFontPath, editorModules, reactDomChunkPath } from '../../src/admin/bundle.ts';
import { loadContent } from '../../src/model/load-content.ts';
import { htmlFiles, page } from '../helpers/dist.ts';
import { cloudflareHeadersFor, headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { ROOT, SITES, builtSite } from '../helpers/sites.ts';

const campaign = builtSite('campaign');
const campaignBase = builtSite('campaign-base');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('the web editor at /admin/', () => {
  it('is a page that is not indexed and loads the editor and its configuration from the site itself', () => {
    const $ = page(campaign, 'admin/index.html');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('link[rel=canonical]')).toHaveLength(0);
    // Sveltia first, then Loa's additions (src/admin/editor/), a file of the site's like it, never inline.
    const scripts = $('script')
      .map((_, el) => $(el).attr('src'))
      .get();
    expect(scripts).toEqual(['/admin/sveltia-cms.js', expect.stringMatching(/^\/_astro\/[^/]+\.js$/)]);
    expect($('script:not([src])')).toHaveLength(0);
    expect(read(campaign, scripts[1]!)).toContain('loa-follows');
    expect($('link[rel=cms-config-url]').attr('href')).toBe('/admin/config.yml');
    // Under a base path, everything it loads stays under it.
    const $base = page(campaignBase, 'admin/index.html');
    expect($base('script').attr('src')).toBe('/campaign/admin/sveltia-cms.js');
    expect($base('script').eq(1).attr('src')).toMatch(/^\/campaign\/_astro\//);
    expect($base('link[rel=cms-config-url]').attr('href')).toBe('/campaign/admin/config.yml');
  });

  it("serves Sveltia's bundle with its fonts from the site, no CDN font left but Noto Mono (refused by the editor's policy)", () => {
    for (const dir of [campaign, campaignBase]) {
      const base = dir === campaign ? '/' : '/campaign/';
      const bundle = read(dir, 'admin/sveltia-cms.js');
      expect(bundle.length).toBeGreaterThan(1_000_000);
      for (const font of EDITOR_FONTS) {
        expect(bundle).not.toContain(font.cdn);
        expect(bundle).toContain(`url(${base}admin/fonts/${font.file})`);
        expect(readFileSync(join(dir, 'admin/fonts', font.file)).equals(readFileSync(editorFontPath(font.file)))).toBe(true);
      }
      expect(bundle.match(/https:\/\/cdn\.jsdelivr\.net\/[^)`'"]+/g)).toEqual([expect.stringContaining('noto-mono')]);
    }
  });

  it('serves the modules the editor imports while it runs, and React DOM, from npm instead of unpkg.com', () => {
    for (const dir of [campaign, campaignBase]) {
      const base = dir === campaign ? '/' : '/campaign/';
      const bundle = read(dir, 'admin/sveltia-cms.js');
      expect(bundle).not.toMatch(/https:\/\/unpkg\.com\/\$\{/);
      expect(bundle).toContain(`\`${base}admin/modules/\${`);
      expect(editorModules().map((m) => m.path)).toEqual([
        expect.stringMatching(/^immutable@5\.[\d.]+\/dist\/immutable\.es\.js$/),
        expect.stringMatching(/^turndown@/),
      ]);
      for (const { path, installed } of editorModules()) expect(readFileSync(join(dir, 'admin/modules', path)).equals(readFileSync(installed))).toBe(true);
      expect(readFileSync(join(dir, 'admin/chunks/react-dom.js')).equals(readFileSync(reactDomChunkPath()))).toBe(true);
    }
  });

  it("gives the editor's preview the site's own stylesheet", () => {
    expect(read(campaign, 'admin/preview.css')).toBe(readFileSync(join(ROOT, 'src/styles/site.css'), 'utf8'));
  });

  it("has the configuration the generator makes from the site's schemas and settings", () => {
    const served = read(campaign, 'admin/config.yml');
    expect(served).toBe(siteCmsConfigYaml(loadContent(SITES.campaign.siteDir)));
    type Parsed = { i18n: { locales: string[] }; collections: { name: string; fields?: { name: string; options?: { value: string }[] }[] }[] };
    const config = parse(served) as Parsed;
    // Under its comment line it is JSON (quick to write for 31,500 pages), which YAML reads as it is.
    expect(JSON.parse(served.slice(served.indexOf('\n') + 1))).toEqual(config);
    expect(config.i18n.locales).toEqual(['vi', 'en', 'zh']);
    expect(config.collections.map((c) => c.name)).toEqual(['guides', 'messages', 'posters', 'settings', 'ui']);
    // A poster can lead to each page of the fixture.
    const targets = config.collections[2]!.fields!.find((f) => f.name === 'target')!.options!.map((o) => o.value);
    for (const locale of ['vi', 'en', 'zh'])
      for (const file of readdirSync(join(SITES.campaign.siteDir, 'content', locale, 'guides')))
        expect(targets).toContain(`${locale}/guides/${file.replace(/\.mdx?$/, '')}`);
  });

  it("gets its own policy from every host file, under the base path, while every other page keeps the site's", () => {
    for (const [dir, base] of [
      [campaign, '/'],
      [campaignBase, '/campaign/'],
    ] as const) {
      const site = siteHeaders(dir);
      const editor = { ...site, 'Content-Security-Policy': adminContentSecurityPolicy() };
      for (const apply of [headersFor, cloudflareHeadersFor]) {
        expect(apply(dir, `${base}admin/`), `${apply.name} ${base}admin/`).toEqual(editor);
        expect(apply(dir, `${base}admin/sveltia-cms.js`), apply.name).toEqual(editor);
        expect(apply(dir, `${base}vi/guides/alerts-on-android/`), apply.name).toEqual(site);
        expect(apply(dir, `${base}vi/admin/`), apply.name).toEqual(site);
      }
      expect(read(dir, 'nginx-headers.conf')).toContain(`add_header Content-Security-Policy "${site['Content-Security-Policy']}" always;`);
      expect(read(dir, 'admin-nginx-headers.conf')).toContain(`add_header Content-Security-Policy "${adminContentSecurityPolicy()}" always;`);
      expect(read(dir, 'admin-nginx-headers.conf')).toContain('add_header X-Content-Type-Options "nosniff" always;');
      expect(read(dir, 'robots.txt')).toContain(`\nDisallow: ${base}admin/\n`);
    }
  });

  it('is left out of the sitemap and the search index, and no citizen page links to it', () => {
    expect(read(campaign, 'sitemap.xml')).not.toContain('/admin/');
    const indexed = readdirSync(join(campaign, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pf_fragment'));
    expect(indexed.length).toBeGreaterThan(0);
    for (const file of htmlFiles(campaign).filter((f) => !f.startsWith('admin/'))) expect(page(campaign, file)('a[href*="/admin/"]'), file).toHaveLength(0);
    expect(read(campaign, 'sw.js')).not.toContain('admin');
  });
});
