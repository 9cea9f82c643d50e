import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SITES, buildEnvironment } from '../helpers/sites.ts';

// A copy of the editor-host fixture with mistakes in two guides: a platform, and a title missing.
const site = mkdtempSync(join(tmpdir(), 'loa-annotations-'));
cpSync(SITES['editor-host'].siteDir, site, { recursive: true });
const first = readFileSync(join(site, 'content/en/guides/first.md'), 'utf8');
writeFileSync(join(site, 'content/en/guides/first.md'), first.replace('platforms: [android]', 'platforms: [android, windows]'));
writeFileSync(join(site, 'content/en/guides/second.md'), first.replace('title: First guide\n', ''));

const check = (env: Record<string, string>) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: buildEnvironment(site, env), encoding: 'utf8' });

describe('npm run check in a CI job', () => {
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('lists the problems by file and line in the log, as anywhere', () => {
    const { status, stderr } = check({ GITHUB_ACTIONS: '' });
    expect(status).toBe(1);
    expect(stderr).toContain('content/en/guides/first.md\n  line 5   platforms[1]: expected one of android, ios, web; found "windows"');
    expect(stderr).toContain('content/en/guides/second.md\n  line 2   title: required; expected a string, found nothing');
  });

  it('prints them as workflow annotations too in GitHub, Forgejo or Gitea Actions, so they show on the commit', () => {
    const { status, stdout } = check({ GITHUB_ACTIONS: 'true' });
    expect(status).toBe(1);
    expect(stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      '::error file=content/en/guides/first.md,line=5,title=Loa%3A platforms[1]::expected one of android, ios, web; found "windows"',
      '::error file=content/en/guides/second.md,line=2,title=Loa%3A title::required; expected a string, found nothing',
    ]);
  });

  it('prints no annotations elsewhere (GitLab shows the plain log)', () => {
    expect(check({ GITHUB_ACTIONS: '', GITLAB_CI: 'true' }).stdout).not.toContain('::error');
  });
});
