import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceWorkerScript } from '../../src/offline/service-worker.ts';
import { guideBudget } from '../helpers/budget.ts';
import { changedFixture, failedBuild } from '../helpers/changed-site.ts';
import { htmlFiles, page } from '../helpers/dist.ts';
import { startNginx } from '../helpers/nginx-server.ts';
import { ROOT, SITES, builtSite, ownSlugs, runBuild } from '../helpers/sites.ts';

// Offline reading (issue 16) in the built output: the service worker at the base path, its cost
// on a first visit, the offline page of each locale, the host headers and the kill switch.
const LOCALES = ['vi', 'en', 'zh'];
const work = mkdtempSync(join(tmpdir(), 'loa-offline-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The code of the page script a built page loads (src/layouts/PageScript.astro), or undefined. */
const pageScript = (dir: string, file: string, base: string) => {
  const src = page(dir, file)('script[type=module][src]').attr('src');
  return src === undefined ? undefined : readFileSync(join(dir, src.slice(base.length)), 'utf8');
};

describe.each(['campaign', 'campaign-base'] as const)('offline reading on the %s site', (name) => {
  const dir = builtSite(name);
  const { base } = SITES[name];

  it('publishes sw.js at the base path, for the site’s base and locales, and every citizen page carries the one page script that registers it', () => {
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain(`base:${JSON.stringify(base)}`);
    expect(sw).toContain(`locales:${JSON.stringify(LOCALES)}`);
    expect(sw).toMatch(/version:"[0-9a-f]{12}"/);
    // One page script for the whole site, whose registration runs where the page carries the offline text.
    const scripts = new Set<string | undefined>();
    for (const file of ['vi/index.html', 'vi/guides/alerts-on-android/index.html', 'en/messages/index.html', 'zh/search/index.html', 'vi/404.html']) {
      scripts.add(pageScript(dir, file, base));
      expect(page(dir, file)('script#offline-page').length, file).toBe(1);
    }
    expect(scripts.size).toBe(1);
    const code = [...scripts][0]!;
    // What the registration does (after load, for the base path) is checked in the browser (tests/browser/offline.test.ts).
    expect(code).toContain('sw.js');
    // Short links and the language chooser stay without it.
    expect(pageScript(dir, 'p/k7p/index.html', base)).toBeUndefined();
  });

  it('costs a first visit at most 2 KB (gzip): sw.js and what the offline text adds to the page; and keeps guides within the page budget', () => {
    const sw = gzipSync(readFileSync(join(dir, 'sw.js'))).length;
    for (const slug of ownSlugs(SITES[name].siteDir, 'vi', 'guides')) {
      const file = `vi/guides/${slug}/index.html`;
      const html = readFileSync(join(dir, file), 'utf8');
      const own = /<script type="application\/json" id="offline-page">[^<]*<\/script>/.exec(html)?.[0] ?? '';
      expect(own, file).not.toBe('');
      const added = gzipSync(html).length - gzipSync(html.replace(own, '')).length;
      expect(sw + added, file).toBeLessThanOrEqual(2048);
      const weight = guideBudget(dir, file, base);
      expect(weight.bytes, file).toBeLessThanOrEqual(15 * 1024);
      expect(weight.requests, file).toBeLessThanOrEqual(4);
      expect(weight.nodes, file).toBeLessThanOrEqual(300);
    }
  });

  it('gives every citizen page the offline text of its language as data, outside main, never run', () => {
    const text = (file: string) => JSON.parse(page(dir, file)('script#offline-page').text()) as { title: string; body: string; saved: string };
    for (const file of ['vi/index.html', 'vi/guides/alerts-on-android/index.html', 'zh/messages/index.html', 'en/search/index.html']) {
      const $ = page(dir, file);
      const data = $('script#offline-page');
      expect(data.attr('type'), file).toBe('application/json');
      expect(data.parents('main').length, file).toBe(0);
      expect(Object.keys(text(file)), file).toEqual(['title', 'body', 'saved']);
    }
    expect(text('vi/guides/alerts-on-android/index.html').title).toBe('Không có kết nối mạng');
    expect(text('zh/guides/alerts-on-android/index.html').title).toBe('没有网络连接');
    // No page of its own: nothing to index, list or link to.
    expect(htmlFiles(dir).filter((file) => file.includes('offline'))).toEqual([]);
  });

  it('sends sw.js with no-cache in _headers, besides the security headers of every path', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toMatch(new RegExp(`\\n${base.replace(/\//g, '\\/')}sw\\.js\\n  Cache-Control: no-cache\\n`));
    expect(headers).toContain(`\n${base}*\n  Content-Security-Policy: `);
  });
});

describe('the host templates', () => {
  it('nginx sends sw.js with no-cache and the security headers; Netlify’s says why GitHub and GitLab Pages need none', () => {
    const nginx = readFileSync(join(ROOT, 'templates/nginx.conf'), 'utf8');
    const block = /location = \/campaign\/sw\.js \{([^}]*)\}/.exec(nginx)?.[1];
    expect(block).toContain('alias /srv/loa/dist/sw.js;');
    expect(block).toContain('include /srv/loa/dist/nginx-headers.conf;');
    expect(block).toContain('add_header Cache-Control "no-cache" always;');
    const netlify = readFileSync(join(ROOT, 'templates/netlify.toml'), 'utf8');
    expect(netlify).toMatch(/sw\.js[\s\S]*no-cache/);
    expect(netlify).toMatch(/GitHub Pages and\s+# GitLab Pages cannot set headers/);
  });
});

describe.each(['campaign', 'campaign-base'] as const)('the sample nginx config serving the %s site', (name) => {
  const dir = builtSite(name);
  const { base } = SITES[name];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  beforeAll(async () => {
    nginx = await startNginx(dir, base);
  });
  afterAll(() => nginx?.stop());

  it('sends sw.js with no-cache, as JavaScript, with the security headers; other files without', async () => {
    const sw = await fetch(`${nginx!.origin}${base}sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(await sw.text()).toBe(readFileSync(join(dir, 'sw.js'), 'utf8'));
    const page = await fetch(`${nginx!.origin}${base}vi/guides/alerts-on-android/`);
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy'])
      expect(sw.headers.get(header), header).toBe(page.headers.get(header));
    expect(sw.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);
    expect(page.headers.get('cache-control')).toBeNull();
  });
});

describe('the version of the worker', () => {
  const settings = { locales: [{ code: 'vi' }, { code: 'en' }] } as Parameters<typeof serviceWorkerScript>[0];
  const version = (code: string) => /version:"([0-9a-f]+)"/.exec(code)?.[1];

  it('is the same for the same site, and changes with its base path and locales', async () => {
    const one = version(await serviceWorkerScript(settings, '/'));
    expect(one).toMatch(/^[0-9a-f]{12}$/);
    expect(version(await serviceWorkerScript(settings, '/'))).toBe(one);
    expect(version(await serviceWorkerScript(settings, '/x/'))).not.toBe(one);
    expect(version(await serviceWorkerScript({ ...settings, locales: [{ code: 'vi' }] } as typeof settings, '/'))).not.toBe(one);
  });
});

describe('the kill switch (offline: false in site.yaml)', () => {
  const settings = readFileSync(join(ROOT, 'tests/fixtures/minimal/content/site.yaml'), 'utf8');

  it('publishes a sw.js that deletes Loa’s caches and unregisters itself, and pages that register nothing', () => {
    const dir = changedFixture(work, 'off', { 'content/site.yaml': `${settings}\noffline: false\n` });
    const out = join(dir, 'dist');
    const result = runBuild(dir, out);
    expect(result.status, result.output).toBe(0);
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    expect(sw).toContain('registration.unregister()');
    expect(sw).toContain('caches.delete');
    expect(sw).not.toMatch(/"fetch"|'fetch'/);
    // The page script registers the worker only on a page with the offline text.
    for (const file of htmlFiles(out)) expect(page(out, file)('#offline-page'), file).toHaveLength(0);
    expect(readFileSync(join(out, '_headers'), 'utf8')).toContain('sw.js\n  Cache-Control: no-cache');
  });

  it('is true or false: anything else is refused, naming the file, line and field', () => {
    const dir = changedFixture(work, 'bad', { 'content/site.yaml': `${settings}\noffline: sometimes\n` });
    const errors = failedBuild(dir);
    expect(errors).toMatch(/content\/site\.yaml\s+line \d+\s+offline: expected a boolean, found "sometimes"/);
  });

  it('is off only when written so: a site without the field has it on', () => {
    expect(page(builtSite('campaign'), 'vi/index.html')('#offline-page')).toHaveLength(1);
  });
});
