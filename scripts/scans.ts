/**
 * Which posters get scanned: counts visits to the posters' short links in a web server's access logs.
 *
 *   npm run scans -- /var/log/nginx/access.log*           a table in the terminal
 *   npm run scans -- --csv scans.csv access.log.*.gz      a CSV for spreadsheets (--csv alone: standard output)
 *   npm run scans -- --html scans.html cloudfront/*.gz    a small HTML report
 *
 * Logs: nginx/Apache combined format or CloudFront standard logs, plain or gzip. The posters,
 * the site address and the base path come from the site folder (LOA_SITE_DIR, BASE_PATH) as for
 * the build. Nothing personal is written or printed: visitors are counted by a salted hash kept in memory.
 */
import { writeFileSync } from 'node:fs';
import { pickText } from '../src/i18n/locales.ts';
import { commandSiteDir, loadContentOrExit } from '../src/build/cli.ts';
import { ScanCounter } from '../src/scans/count-scans.ts';
import { ScansError } from '../src/scans/log-record.ts';
import { readLog } from '../src/scans/read-log.ts';
import { reportCsv } from '../src/scans/report-csv.ts';
import { reportHtml } from '../src/scans/report-html.ts';
import { reportTable } from '../src/scans/report-table.ts';
import { scanReport } from '../src/scans/scan-report.ts';
import { scanOptions, USAGE } from '../src/scans/scan-options.ts';

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = scanOptions(args);
  const content = loadContentOrExit(commandSiteDir());
  const { settings, posters } = content;
  const counter = new ScanCounter(
    posters.map((p) => p.code),
    settings.base,
  );
  const notes: string[] = [];
  for (const file of options.files) {
    const summary = await readLog(file, counter.wanted, counter.add);
    if (summary.unreadable)
      notes.push(
        `${file}: ${summary.unreadable} line${summary.unreadable === 1 ? '' : 's'} mentioning a short link could not be read (first at line ${summary.firstUnreadable}) and ${summary.unreadable === 1 ? 'was' : 'were'} left out`,
      );
  }
  const report = scanReport(posters, counter.counts());
  if (options.csv && options.csv !== '-') writeOutput(options.csv, reportCsv(report));
  if (options.html) {
    const locale = settings.defaultLocale;
    const name = pickText(settings.name, [locale]) ?? '';
    writeOutput(
      options.html,
      reportHtml(report, { campaign: name, lang: locale, generated: new Date().toISOString().slice(0, 10), files: options.files.length }),
    );
  }
  if (options.csv === '-') {
    process.stdout.write(reportCsv(report));
    for (const note of notes) console.error(note);
    if (report.unknown.length) console.error(`Codes no poster has: ${report.unknown.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  } else {
    process.stdout.write(reportTable(report));
    for (const note of notes) console.log(note);
    if (options.csv) console.log(`CSV written to ${options.csv}`);
    if (options.html) console.log(`HTML report written to ${options.html}`);
  }
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new ScansError(`Cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Problems with the logs or the arguments are the reader's to fix: a message, no stack trace.
  console.error(error instanceof ScansError ? error.message : `npm run scans failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
