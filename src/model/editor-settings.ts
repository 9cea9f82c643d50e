import { z } from 'astro/zod';

/** The git hosts the web editor signs in to. Forgejo and Gitea are one backend in Sveltia CMS (`gitea`); either name may be written. */
export const GIT_HOSTS = ['github', 'gitlab', 'forgejo', 'gitea'] as const;
export type GitHost = (typeof GIT_HOSTS)[number];

const HOST_NAMES: Record<GitHost, string> = { github: 'GitHub', gitlab: 'GitLab', forgejo: 'Forgejo', gitea: 'Gitea' };
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * What is wrong with a repository's path for a host, if anything: `owner/name` on GitHub,
 * Forgejo and Gitea; GitLab also has subgroups (`group/subgroup/project`).
 */
export function repoProblem(host: GitHost, repo: string): string | undefined {
  const parts = repo.split('/');
  const named = parts.every((part) => NAME.test(part) && part !== '.' && part !== '..');
  if (host === 'gitlab')
    return named && parts.length >= 2 ? undefined : 'expected the project as group/project or group/subgroup/project, as in its address on GitLab';
  return named && parts.length === 2 ? undefined : `expected the repository as owner/name, as in its address on ${HOST_NAMES[host]}`;
}

/** What is wrong with a git server's address, if anything: it must be `https://`, may have a path (a server under /git), and nothing else. */
export function serverAddressProblem(address: string, { pathAllowed }: { pathAllowed: boolean }): string | undefined {
  const example = pathAllowed ? 'https://git.example.org' : 'https://auth.example.org';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `expected an address such as ${example}`;
  }
  if (url.protocol !== 'https:') return `expected an https:// address such as ${example}`;
  if (url.username || url.password) return `expected an address without a user name or password, such as ${example}`;
  if (url.search || url.hash || address.includes('?') || address.includes('#'))
    return `expected the address alone, without a query or fragment, such as ${example}`;
  if (!pathAllowed && url.pathname !== '/') return `expected the address alone, without a path, such as ${example}`;
  return undefined;
}

/** A git branch name: letters, digits, `-`, `_`, `.` and `/` between names, as `git check-ref-format` allows. */
const branchName = z.string().regex(/^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*\/$)(?!.*\.lock$)[A-Za-z0-9._/-]+$/, 'expected a branch name such as main or site/content');

/** An address with its trailing slashes removed, so that `…/api/v4` can be added to it. */
const address = (pathAllowed: boolean) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = serverAddressProblem(value, { pathAllowed });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => value.replace(/\/+$/, ''));

/**
 * `editor:` in content/site.yaml: the git host and repository the web editor (admin/) saves to,
 * and how its users sign in. Without it the editor keeps its work in the browser (Sveltia's test
 * backend), which is for trying it out. Each option is checked against the host it belongs to,
 * with the field named (src/admin/git-backend.ts turns them into Sveltia's backend).
 */
export const editorSettings = z
  .strictObject({
    /** github, gitlab, or forgejo / gitea (one and the same to the editor). */
    host: z.enum(GIT_HOSTS),
    /** The repository the site is built from: owner/name (GitLab: group/project, group/subgroup/project). */
    repo: z.string().trim(),
    /** The branch saves are committed to; the repository's default branch when left out. */
    branch: branchName.optional(),
    /** The address of a self-hosted GitLab, Forgejo or Gitea (https://git.example.org); gitlab.com when left out for GitLab. */
    url: address(true).optional(),
    /** The OAuth application's ID (GitLab: Application ID; Forgejo, Gitea: Client ID) for signing in with a button; without it, users sign in with a personal access token. */
    clientId: z
      .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().trim().min(1, 'expected the OAuth application’s ID'))
      .optional(),
    /** GitHub only: the address of the OAuth helper that signs users in (Sveltia CMS Authenticator, or https://api.netlify.com on Netlify); without it, users sign in with a personal access token. */
    authenticator: address(false).optional(),
  })
  .superRefine((editor, ctx) => {
    const name = HOST_NAMES[editor.host];
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const repo = repoProblem(editor.host, editor.repo);
    if (repo) problem('repo', repo);
    if (editor.host === 'github' && editor.url !== undefined)
      problem('url', 'GitHub is always https://github.com: leave url out (GitHub Enterprise Server is not supported)');
    if ((editor.host === 'forgejo' || editor.host === 'gitea') && editor.url === undefined)
      problem('url', `required for ${name}: expected the server's address, such as https://git.example.org`);
    if (editor.host === 'github' && editor.clientId !== undefined)
      problem(
        'clientId',
        'GitHub signs in through an authenticator, not a client ID here: give authenticator: https://… instead, or neither to sign in with a token',
      );
    if (editor.host !== 'github' && editor.authenticator !== undefined)
      problem('authenticator', `only for GitHub; ${name} signs in with the OAuth application's ID, as clientId`);
  });
export type EditorSettings = z.infer<typeof editorSettings>;
