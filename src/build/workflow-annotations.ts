import type { Problem } from '../model/problems.ts';

/** True in a GitHub Actions job, and in Forgejo and Gitea Actions, whose runners set GITHUB_ACTIONS=true too. */
export function inActionsWorkflow(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** A workflow command's message escaped as GitHub's toolkit does (`escapeData`): %, CR and LF, so a problem stays one command. */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
/** A workflow command's property escaped as GitHub's toolkit does (`escapeProperty`): the message's escapes, and `:` and `,`, which end a property. */
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * Content problems as workflow commands (`::error file=…,line=…,title=…::message`), one a line,
 * so that GitHub shows each at its file and line on the commit and the pull request, where an
 * editor who saved from the web editor sees them. The plain list printed before them stays the
 * log's account (GitLab shows only that).
 */
export function workflowAnnotations(problems: readonly Problem[]): string {
  return problems
    .map((problem) => {
      const properties = [`file=${escapeProperty(problem.file)}`];
      if (problem.line) properties.push(`line=${problem.line}`);
      properties.push(`title=${escapeProperty(problem.field ? `Loa: ${problem.field}` : 'Loa')}`);
      return `::error ${properties.join(',')}::${escapeData(problem.message)}`;
    })
    .join('\n');
}
