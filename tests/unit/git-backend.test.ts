import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../src/admin/cms-config.ts';
import { editorBackend } from '../../src/admin/git-backend.ts';
import { adminNetlifyRule, adminNginxHeaders } from '../../src/admin/host-headers.ts';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { editorSettings } from '../../src/model/editor-settings.ts';
import { siteSettings } from '../../src/model/schemas.ts';

/** The backend and origins for `editor:` settings as site.yaml would give them (parsed, so trailing slashes go). */
const backendFor = (editor: Record<string, unknown>) => editorBackend(editorSettings.parse(editor));

describe("the web editor's backend, from site.yaml's editor:", () => {
  it("is Sveltia's test backend, connecting nowhere, without editor:", () => {
    expect(editorBackend(undefined)).toEqual({ backend: { name: 'test-repo' }, connect: [] });
  });

  it('GitHub: the repository on github.com, its API the one origin, sign-in by token unless an authenticator is given', () => {
    expect(backendFor({ host: 'github', repo: 'health-dept/campaign' })).toEqual({
      backend: { name: 'github', repo: 'health-dept/campaign', auth_methods: ['token'] },
      connect: ['https://api.github.com'],
    });
    // The authenticator is opened in a pop-up that answers by postMessage: the editor sends it no request.
    expect(backendFor({ host: 'github', repo: 'health-dept/campaign', branch: 'content', authenticator: 'https://auth.example.workers.dev/' })).toEqual({
      backend: { name: 'github', repo: 'health-dept/campaign', branch: 'content', base_url: 'https://auth.example.workers.dev' },
      connect: ['https://api.github.com'],
    });
  });

  it('GitLab: gitlab.com unless a server is given; PKCE with the application ID, whose token request goes to the same origin', () => {
    expect(backendFor({ host: 'gitlab', repo: 'province/health/campaign', clientId: 'abc123' })).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'province/health/campaign',
        api_root: 'https://gitlab.com/api/v4',
        base_url: 'https://gitlab.com',
        auth_type: 'pkce',
        app_id: 'abc123',
      },
      connect: ['https://gitlab.com'],
    });
    expect(backendFor({ host: 'gitlab', repo: 'health/campaign', url: 'https://code.example.gov.vn:8443/gitlab/' })).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'health/campaign',
        api_root: 'https://code.example.gov.vn:8443/gitlab/api/v4',
        base_url: 'https://code.example.gov.vn:8443/gitlab',
        auth_methods: ['token'],
      },
      connect: ['https://code.example.gov.vn:8443'],
    });
  });

  it("Forgejo and Gitea: Sveltia's gitea backend on the server given, PKCE with the client ID, else a token", () => {
    for (const host of ['forgejo', 'gitea'])
      expect(backendFor({ host, repo: 'health/campaign', url: 'https://git.example.org', clientId: 'c0ffee' })).toEqual({
        backend: { name: 'gitea', repo: 'health/campaign', api_root: 'https://git.example.org/api/v1', base_url: 'https://git.example.org', app_id: 'c0ffee' },
        connect: ['https://git.example.org'],
      });
    expect(backendFor({ host: 'forgejo', repo: 'health/campaign', url: 'https://codeberg.org' }).backend).toMatchObject({ auth_methods: ['token'] });
  });

  it('is what the generated configuration uses, unless a test gives another', () => {
    const settings = siteSettings.parse({
      site: 'https://example.org',
      defaultLocale: 'en',
      name: 'Campaign',
      organisation: { name: 'Org' },
      locales: [{ code: 'en', name: 'English' }],
      editor: { host: 'gitlab', repo: 'health/campaign', clientId: 'abc123' },
    });
    expect(cmsConfig({ settings, pages: [] }).backend).toEqual(editorBackend(settings.editor).backend);
  });
});

describe("the editor's policy allows the git host's origins, in every form", () => {
  const connect = backendFor({ host: 'forgejo', repo: 'health/campaign', url: 'https://git.example.org/forge' }).connect;

  it('in connect-src only: pictures come through the API as blob: addresses', () => {
    const policy = adminContentSecurityPolicy(connect);
    expect(policy.split('; ').filter((directive) => directive.includes('https:'))).toEqual(["connect-src 'self' data: blob: https://git.example.org"]);
  });

  it('in the _headers rule and the nginx lines', () => {
    expect(adminNetlifyRule('/', connect)).toContain(`  Content-Security-Policy: ${adminContentSecurityPolicy(connect)}\n`);
    expect(adminNginxHeaders(connect)).toContain(`add_header Content-Security-Policy "${adminContentSecurityPolicy(connect)}" always;`);
  });
});
