import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminNetlifyRule } from '../../src/admin/host-headers.ts';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { cloudflareHeadersFor, headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { CLOUDFLARE_LINE_LIMIT, headerWarnings, netlifyHeaders, nginxHeaders } from '../../src/build/host-headers.ts';
import { collectInlineCode } from '../../src/build/inline-hashes.ts';
import { contentSecurityPolicy, securityHeaders } from '../../src/build/security-headers.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function collect(html: string) {
  const found = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
  collectInlineCode(html, found);
  return { scripts: [...found.scripts], styles: [...found.styles], styleAttributes: [...found.styleAttributes] };
}

describe('the inline code of a page', () => {
  it('is hashed as the browser reads it: script and style text, style attributes with entities decoded', () => {
    const page = `<!doctype html><html><head><style>a{color:red}</style></head><body>
<div style="--w: 210mm; --q: &quot;x&quot;"><script>
  go(1 < 2);
</script></div><script src="/search.js"></script><script type="application/json">{"a":1}</script><script type="module">m()</script></body></html>`;
    expect(collect(page)).toEqual({
      scripts: [sha('\n  go(1 < 2);\n'), sha('m()')],
      styles: [sha('a{color:red}')],
      styleAttributes: [sha('--w: 210mm; --q: "x"')],
    });
  });

  it("leaves out what is inside a guide's or message's body, so the policy never allows it", () => {
    const page = `<main><div class="body" lang="vi"><p>x</p><script>steal()</script><style>*{}</style><p style="color:red">y</p></div><script>ok()</script></main>`;
    expect(collect(page)).toEqual({ scripts: [sha('ok()')], styles: [], styleAttributes: [] });
  });
});

describe('the security headers', () => {
  const hashes = { scripts: ["'sha256-s'"], styles: ["'sha256-c'"], styleAttributes: [] };

  it('allow only the site itself, inline code by hash, data: images and WebAssembly', () => {
    expect(contentSecurityPolicy(hashes)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-s'; style-src 'self' 'sha256-c'; style-src-attr 'none'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(contentSecurityPolicy({ ...hashes, styleAttributes: ["'sha256-a'"] })).toContain("; style-src-attr 'unsafe-hashes' 'sha256-a';");
  });

  it('are written alike for Netlify and Cloudflare Pages (below the base path) and for nginx', () => {
    const headers = securityHeaders(hashes);
    expect(headers.map(([name]) => name)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);
    const netlify = netlifyHeaders(headers, '/campaign/').split('\n');
    expect(netlify.slice(1)).toEqual([
      '/campaign/*',
      ...headers.map(([name, value]) => `  ${name}: ${value}`),
      '# The service worker for offline reading: asked for again at every visit.',
      '/campaign/sw.js',
      '  Cache-Control: no-cache',
      '',
    ]);
    const nginx = nginxHeaders(headers).split('\n');
    expect(nginx.slice(1)).toEqual([...headers.map(([name, value]) => `add_header ${name} "${value}" always;`), '']);
    expect(() => nginxHeaders([['X-Test', 'a"; evil']])).toThrow(/cannot be written for nginx/);
  });

  it("give the web editor (admin/) its own policy after the site's rules, on Netlify and on Cloudflare Pages alike", () => {
    const headers = securityHeaders(hashes);
    const file = netlifyHeaders(headers, '/campaign/') + adminNetlifyRule('/campaign/');
    expect(file.split('\n').slice(-4)).toEqual([
      '/campaign/admin/*',
      `  Content-Security-Policy: ${adminContentSecurityPolicy()}`,
      '  ! Content-Security-Policy',
      '',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'loa-headers-'));
    try {
      writeFileSync(join(dir, '_headers'), file);
      const site = Object.fromEntries(headers);
      expect(siteHeaders(dir)).toEqual(site);
      for (const apply of [headersFor, cloudflareHeadersFor]) {
        expect(apply(dir, '/campaign/vi/guides/a/'), apply.name).toEqual(site);
        expect(apply(dir, '/campaign/sw.js'), apply.name).toEqual({ ...site, 'Cache-Control': 'no-cache' });
        expect(apply(dir, '/campaign/admin/'), apply.name).toEqual({ ...site, 'Content-Security-Policy': adminContentSecurityPolicy() });
        expect(apply(dir, '/campaign/admin/sveltia-cms.js'), apply.name).toEqual({ ...site, 'Content-Security-Policy': adminContentSecurityPolicy() });
      }
      // Without the `!` line, Cloudflare Pages would send both policies joined, and a browser would enforce both.
      writeFileSync(join(dir, '_headers'), file.replace('  ! Content-Security-Policy\n', ''));
      expect(cloudflareHeadersFor(dir, '/campaign/admin/')['Content-Security-Policy']).toBe(
        `${site['Content-Security-Policy']}, ${adminContentSecurityPolicy()}`,
      );
      expect(headersFor(dir, '/campaign/admin/')['Content-Security-Policy']).toBe(adminContentSecurityPolicy());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('too long for Cloudflare Pages are named in a warning', () => {
    const headers = securityHeaders(hashes);
    expect(headerWarnings(headers)).toEqual([]);
    const long = securityHeaders({ ...hashes, styles: Array.from({ length: 40 }, (_, i) => `'sha256-${'x'.repeat(43)}${i}='`) });
    expect(long[0]![1].length).toBeGreaterThan(CLOUDFLARE_LINE_LIMIT);
    expect(headerWarnings(long)).toEqual([
      expect.stringMatching(/^The Content-Security-Policy line of _headers is \d+ characters long, more than the 2000 Cloudflare Pages reads/),
    ]);
  });
});
