import { describe, expect, it } from 'vitest';
import { inActionsWorkflow, workflowAnnotations } from '../../src/build/workflow-annotations.ts';

describe('content problems as workflow annotations', () => {
  it('gives one error command a problem, with file, line and field as title', () => {
    expect(
      workflowAnnotations([
        { file: 'content/vi/guides/x.md', line: 5, field: 'platforms[1]', message: 'expected one of android, ios, web; found "windows"' },
        { file: 'content/images/big.png', message: 'image is 20000 × 20000 px' },
      ]),
    ).toBe(
      [
        '::error file=content/vi/guides/x.md,line=5,title=Loa%3A platforms[1]::expected one of android, ios, web; found "windows"',
        '::error file=content/images/big.png,title=Loa::image is 20000 × 20000 px',
      ].join('\n'),
    );
  });

  it('escapes % CR LF in the message, and : , too in properties, as GitHub documents', () => {
    expect(workflowAnnotations([{ file: 'content/a,b:c.md', line: 1, field: 'x', message: '100% wrong\r\nsecond line' }])).toBe(
      '::error file=content/a%2Cb%3Ac.md,line=1,title=Loa%3A x::100%25 wrong%0D%0Asecond line',
    );
  });

  it('is printed in GitHub, Forgejo and Gitea Actions only (their runners set GITHUB_ACTIONS=true)', () => {
    expect(inActionsWorkflow({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inActionsWorkflow({ GITLAB_CI: 'true', CI: 'true' })).toBe(false);
    expect(inActionsWorkflow({})).toBe(false);
  });
});
