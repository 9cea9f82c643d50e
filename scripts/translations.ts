/**
 * Translation status for editors.
 *
 *   npm run translations                                   per locale: translated, outdated, missing, drafts
 *   npm run translations -- --json                         the same, for scripts
 *   npm run translations -- --mark-current zh              record that zh follows its sources now
 *   npm run translations -- --mark-current zh guides/x     … for one page only
 *
 * A translation records the fingerprint of the source it follows (`follows:` in its front
 * matter); when the source changes, the translation shows as outdated until it is updated and
 * marked current again.
 */
import { join } from 'node:path';
import { commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';
import { fingerprint, translationReport } from '../src/model/translations.ts';
import { UI_DEFAULTS } from '../src/i18n/ui-strings.ts';
import { setFrontMatterText } from '../src/model/front-matter-edit.ts';

const siteDir = commandSiteDir();
const args = process.argv.slice(2);
const content = loadContentOrExit(siteDir);
const report = translationReport(content);

const markAt = args.indexOf('--mark-current');
if (markAt >= 0) {
  const locale = args[markAt + 1];
  const only = args[markAt + 2]?.replace(/\.mdx?$/, '').replace(/^\/+|\/+$/g, '');
  if (!locale || !report.locales.includes(locale)) {
    console.error(`Name a locale: npm run translations -- --mark-current <${report.locales.join('|')}> [guides/<slug>]`);
    process.exit(1);
  }
  const rows = report.rows.filter((r) => (!only || `${r.kind}/${r.slug}` === only) && ['outdated', 'unknown', 'current'].includes(r.states[locale]!));
  if (only && rows.length === 0) {
    console.error(
      `${locale} has no translation of ${only}; the pages it translates are: ${report.rows
        .filter((r) => r.states[locale] !== 'missing' && r.states[locale] !== 'source')
        .map((r) => `${r.kind}/${r.slug}`)
        .join(', ')}`,
    );
    process.exit(1);
  }
  const written = [...content.entries, ...content.drafts];
  for (const row of rows) {
    const source = written.find((e) => e.locale === row.source && e.kind === row.kind && e.slug === row.slug)!;
    const translation = written.find((e) => e.locale === locale && e.kind === row.kind && e.slug === row.slug)!;
    setFrontMatterText(join(siteDir, translation.file), 'follows', fingerprint(source));
    console.log(`${translation.file}: follows ${row.source} as it is now`);
  }
} else if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const locale of report.locales) {
    const c = report.counts[locale]!;
    console.log(
      `${locale}: ${c.current} translated, ${c.outdated} outdated, ${c.unknown} not tracked, ${c.missing} missing, ${c.draft} drafts (${c.source} written here first)`,
    );
    for (const row of report.rows) {
      const state = row.states[locale]!;
      if (state !== 'current' && state !== 'source') console.log(`  ${UI_DEFAULTS[`state.${state}`].padEnd(12)} ${row.kind}/${row.slug}`);
    }
  }
}
