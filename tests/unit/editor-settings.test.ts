import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/model/front-matter.ts';
import { siteSettingsSchema } from '../../src/model/schemas.ts';
import { zodProblems } from '../../src/model/zod-problems.ts';

const SETTINGS = 'site: https://example.org\ndefaultLocale: en\nname: Campaign\norganisation:\n  name: Org\nlocales:\n  - code: en\n    name: English\n';

/** The problems of site.yaml with an editor: section (from line 9, where a missing field is reported), as `line field: message`. */
function problemsOf(editor: string): string[] {
  const schema = siteSettingsSchema();
  const yaml = parseYaml(`${SETTINGS}editor:\n${editor}`);
  expect(yaml.errors).toEqual([]);
  const parsed = schema.safeParse(yaml.data);
  if (parsed.success) return [];
  return zodProblems(parsed.error, yaml.data, 'content/site.yaml', yaml.lineOf, schema).map((p) => `${p.line} ${p.field}: ${p.message}`);
}

describe("site.yaml's editor: section", () => {
  it('is optional, and accepted for each host in its own form', () => {
    expect(siteSettingsSchema().safeParse(parseYaml(SETTINGS).data).success).toBe(true);
    expect(problemsOf('  host: github\n  repo: health-dept/campaign\n  authenticator: https://auth.example.workers.dev\n')).toEqual([]);
    expect(problemsOf('  host: gitlab\n  repo: province/health/campaign\n  clientId: 0a1b2c\n  branch: site/content\n')).toEqual([]);
    expect(problemsOf('  host: forgejo\n  repo: health/campaign\n  url: https://git.example.org/forge/\n  clientId: 1234\n')).toEqual([]);
  });

  it.each([
    ['  host: bitbucket\n  repo: a/b\n', '10 editor.host: expected one of github, gitlab, forgejo, gitea; found "bitbucket"'],
    ['  host: github\n', '9 editor.repo: required; expected a string, found nothing'],
    ['  host: github\n  repo: campaign\n', '11 editor.repo: expected the repository as owner/name, as in its address on GitHub; found "campaign"'],
    [
      '  host: forgejo\n  url: https://git.example.org\n  repo: a/b/c\n',
      '12 editor.repo: expected the repository as owner/name, as in its address on Forgejo; found "a/b/c"',
    ],
    [
      '  host: gitlab\n  repo: https://gitlab.com/a/b\n',
      '11 editor.repo: expected the project as group/project or group/subgroup/project, as in its address on GitLab; found "https://gitlab.com/a/b"',
    ],
    ['  host: github\n  repo: a/b\n  branch: a..b\n', '12 editor.branch: expected a branch name such as main or site/content; found "a..b"'],
    ['  host: github\n  repo: a/b\n  branch: -main\n', '12 editor.branch: expected a branch name such as main or site/content; found "-main"'],
    ['  host: gitea\n  repo: a/b\n', `9 editor.url: required for Gitea: expected the server's address, such as https://git.example.org; found nothing`],
    [
      '  host: gitlab\n  repo: a/b\n  url: http://git.example.org\n',
      '12 editor.url: expected an https:// address such as https://git.example.org; found "http://git.example.org"',
    ],
    ['  host: gitlab\n  repo: a/b\n  url: git.example.org\n', '12 editor.url: expected an address such as https://git.example.org; found "git.example.org"'],
    [
      '  host: gitlab\n  repo: a/b\n  url: https://me:pw@git.example.org\n',
      '12 editor.url: expected an address without a user name or password, such as https://git.example.org; found "https://me:pw@git.example.org"',
    ],
    [
      '  host: gitlab\n  repo: a/b\n  url: https://git.example.org/?x=1\n',
      '12 editor.url: expected the address alone, without a query or fragment, such as https://git.example.org; found "https://git.example.org/?x=1"',
    ],
    [
      '  host: github\n  repo: a/b\n  url: https://github.example.org\n',
      '12 editor.url: GitHub is always https://github.com: leave url out (GitHub Enterprise Server is not supported); found "https://github.example.org"',
    ],
    [
      '  host: github\n  repo: a/b\n  clientId: abc\n',
      '12 editor.clientId: GitHub signs in through an authenticator, not a client ID here: give authenticator: https://… instead, or neither to sign in with a token; found "abc"',
    ],
    ['  host: gitlab\n  repo: a/b\n  clientId: ""\n', '12 editor.clientId: expected the OAuth application’s ID; found empty text'],
    [
      '  host: gitlab\n  repo: a/b\n  authenticator: https://auth.example.org\n',
      `12 editor.authenticator: only for GitHub; GitLab signs in with the OAuth application's ID, as clientId; found "https://auth.example.org"`,
    ],
    [
      '  host: github\n  repo: a/b\n  authenticator: https://auth.example.org/auth\n',
      '12 editor.authenticator: expected the address alone, without a path, such as https://auth.example.org; found "https://auth.example.org/auth"',
    ],
    ['  host: github\n  repo: a/b\n  app_id: abc\n', '12 editor.app_id: unknown field; check its spelling or remove it'],
    ['  host: github\n  repo: a/b\n  autenticator: https://auth.example.org\n', '12 editor.autenticator: unknown field; did you mean authenticator?'],
  ])('refuses %j, naming the field and line', (editor, problem) => {
    expect(problemsOf(editor)).toEqual([problem]);
  });

  it('lists every problem of the section at once', () => {
    expect(problemsOf('  host: github\n  repo: a\n  url: https://x.example\n  clientId: c\n')).toHaveLength(3);
  });
});
