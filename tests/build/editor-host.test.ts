import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudflareHeadersFor, headersFor, siteHeaders } from '../helpers/host-headers.ts';
import { startNginx } from '../helpers/nginx-server.ts';
import { builtSite } from '../helpers/sites.ts';

// tests/fixtures/editor-host: editor: { host: forgejo, url: https://git.example.org/forge/, clientId: … }
const FORGE = 'https://git.example.org';
const dist = builtSite('editor-host');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
/** The sources a policy gives a directive. */
const sources = (policy: string, directive: string) =>
  policy
    .split(';')
    .map((part) => part.trim().split(' '))
    .find(([name]) => name === directive)!
    .slice(1);

describe('a site whose web editor saves to a self-hosted Forgejo', () => {
  it('configures the editor for that server, repository and branch, signing in with its OAuth application', () => {
    const { backend } = parse(read('admin/config.yml')) as { backend: Record<string, unknown> };
    expect(backend).toEqual({
      name: 'gitea',
      repo: 'health-dept/campaign',
      branch: 'main',
      api_root: `${FORGE}/forge/api/v1`,
      base_url: `${FORGE}/forge`,
      app_id: '3f1c2a9e-7b4d-4e1a-9c2f-5d6e7f8a9b0c',
    });
  });

  it("lets the editor connect to the server's origin and nowhere else, in _headers for Netlify and Cloudflare Pages and in nginx's include", () => {
    for (const apply of [headersFor, cloudflareHeadersFor]) {
      const policy = apply(dist, '/admin/')['Content-Security-Policy']!;
      expect(sources(policy, 'connect-src'), apply.name).toEqual(["'self'", 'data:', 'blob:', FORGE]);
      // Pictures come through the API as blob: addresses; scripts and everything else stay on the site.
      expect(sources(policy, 'img-src'), apply.name).toEqual(["'self'", 'data:', 'blob:']);
      expect(sources(policy, 'script-src'), apply.name).toEqual(["'self'"]);
    }
    expect(read('admin-nginx-headers.conf')).toContain(
      `add_header Content-Security-Policy "${headersFor(dist, '/admin/')['Content-Security-Policy']}" always;`,
    );
    // The citizens' pages never connect to the git host.
    expect(siteHeaders(dist)['Content-Security-Policy']).not.toContain(FORGE);
    expect(read('nginx-headers.conf')).not.toContain(FORGE);
  });

  describe('served by the sample nginx config', () => {
    let server: Awaited<ReturnType<typeof startNginx>> | undefined;
    beforeAll(async () => {
      server = await startNginx(dist, '/');
    });
    afterAll(() => server?.stop());

    it("sends the editor's policy with the git server in connect-src, and the site's without it beside", async () => {
      const editor = await fetch(`${server!.origin}/admin/`);
      expect(editor.status).toBe(200);
      expect(sources(editor.headers.get('Content-Security-Policy')!, 'connect-src')).toEqual(["'self'", 'data:', 'blob:', FORGE]);
      const guide = await fetch(`${server!.origin}/en/guides/first/`);
      expect(guide.status).toBe(200);
      expect(guide.headers.get('Content-Security-Policy')).not.toContain(FORGE);
    });
  });
});
