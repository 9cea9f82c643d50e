/**
 * Creates content files that are valid from the start:
 *
 *   npm run new -- guide <slug>                  content/<default locale>/guides/<slug>.md
 *   npm run new -- message <slug>                content/<default locale>/messages/<slug>.md
 *   npm run new -- poster <code|auto> <target>   content/posters/<code>.yaml
 *   npm run new -- translate <locale> <path>     a translation starting from the source text
 *
 * It never overwrites a file.
 */
import { commandSiteDir } from '../src/build/cli.ts';
import { loadContent } from '../src/model/load-content.ts';
import { formatProblems } from '../src/model/problems.ts';
import { scaffoldPage, scaffoldPoster, scaffoldTranslation, writeScaffold } from '../src/model/scaffold.ts';
import { KINDS } from '../src/kinds/index.ts';

const siteDir = commandSiteDir();
const [what, first, second] = process.argv.slice(2);
const usage = `Usage: npm run new -- ${KINDS.map((k) => `${k.noun} <slug>`).join(' | ')} | poster <code|auto> <target> | translate <locale> <${KINDS.map((k) => `${k.folder}/slug`).join('|')}>`;

const content = loadContent(siteDir);
if (!content.settings) {
  console.error(formatProblems(content.problems));
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
const kind = KINDS.find((k) => k.noun === what);
const scaffold = kind
  ? scaffoldPage(content, kind, first, today)
  : what === 'poster'
    ? scaffoldPoster(content, first, second, today)
    : what === 'translate'
      ? scaffoldTranslation(content, siteDir, first, second)
      : { error: what ? `Unknown kind "${what}". ${usage}` : usage };
const result = writeScaffold(siteDir, scaffold);
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
