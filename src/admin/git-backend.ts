import type { EditorSettings } from '../model/editor-settings.ts';

/**
 * Sveltia CMS's `backend` options (GitHub, GitLab, Gitea/Forgejo or the in-browser test backend)
 * and the origins the editor's page fetches from for them, made together so that the
 * configuration and the Content-Security-Policy cannot disagree. What each backend contacts was
 * read in Sveltia 0.221.1 (src/admin/README.md, "Signing in").
 */
export interface EditorBackend {
  backend: { name: string; [option: string]: unknown };
  /** Origins for `connect-src`: the host's REST and GraphQL APIs, and its OAuth token endpoint when users sign in with PKCE. */
  connect: string[];
}

/** GitHub's API (REST, and GraphQL at /graphql): Sveltia's default `api_root`. */
const GITHUB_API = 'https://api.github.com';
const GITLAB = 'https://gitlab.com';
/** Sign-in with a personal access token only: no OAuth button that could not work. */
const TOKEN_ONLY = { auth_methods: ['token'] };

const origins = (...urls: string[]) => [...new Set(urls.map((url) => new URL(url).origin))];

/**
 * The web editor's backend for the site's `editor:` settings, and the origins it connects to;
 * without settings, Sveltia's test backend, which keeps its files in the browser and connects
 * nowhere.
 * - GitHub: the API at api.github.com. Signing in goes through the `authenticator` (Sveltia CMS
 *   Authenticator, or Netlify) in a pop-up window, which answers by postMessage, not by a
 *   request from the editor; Sveltia refuses PKCE for GitHub (`github_pkce_unsupported`).
 * - GitLab: `<url>/api/v4` and `<url>/api/graphql`; with a client ID, PKCE, whose token
 *   request goes to `<url>/oauth/token`.
 * - Forgejo, Gitea (Sveltia's `gitea`, which is always PKCE): `<url>/api/v1`, and
 *   `<url>/login/oauth/access_token` for the token.
 */
export function editorBackend(editor: EditorSettings | undefined): EditorBackend {
  if (!editor) return { backend: { name: 'test-repo' }, connect: [] };
  const { repo, branch, clientId } = editor;
  const common = { repo, ...(branch && { branch }) };
  if (editor.host === 'github') {
    const signIn = editor.authenticator ? { base_url: editor.authenticator } : TOKEN_ONLY;
    return { backend: { name: 'github', ...common, ...signIn }, connect: origins(GITHUB_API) };
  }
  const url = editor.url ?? GITLAB;
  if (editor.host === 'gitlab') {
    const signIn = clientId ? { auth_type: 'pkce', app_id: clientId } : TOKEN_ONLY;
    return {
      backend: { name: 'gitlab', ...common, api_root: `${url}/api/v4`, base_url: url, ...signIn },
      connect: origins(`${url}/api/v4`, `${url}/api/graphql`, ...(clientId ? [`${url}/oauth/token`] : [])),
    };
  }
  const signIn = clientId ? { app_id: clientId } : TOKEN_ONLY;
  return {
    backend: { name: 'gitea', ...common, api_root: `${url}/api/v1`, base_url: url, ...signIn },
    connect: origins(`${url}/api/v1`, ...(clientId ? [`${url}/login/oauth/access_token`] : [])),
  };
}
