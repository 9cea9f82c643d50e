import { resolve } from 'node:path';
import { ScansError } from './log-record.ts';

/** What `npm run scans` was asked to do. */
export interface ScanOptions {
  files: string[];
  /** `-` for standard output, a file name, or undefined for no CSV. */
  csv?: string;
  html?: string;
}

/** How to call the command, shown with every mistake in its arguments and by --help. */
export const USAGE = `Usage: npm run scans -- [--csv [FILE.csv]] [--html FILE.html] LOG…
  LOG            access logs: nginx/Apache combined format or CloudFront standard logs, plain or gzip
  --csv          a CSV (one row per poster, a column per ISO week) on standard output instead of the table
  --csv FILE.csv the CSV written to that file
  --html FILE    a small HTML report written to FILE (.html)`;

/**
 * Reads the command's arguments. An output file must end in its type's extension (`.csv`,
 * `.html`) and must not be one of the logs, so a slip such as `--csv access.log` can never write
 * over a log; `--csv` followed by anything else writes the CSV to standard output.
 */
export function scanOptions(args: readonly string[]): ScanOptions {
  const options: ScanOptions = { files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--csv' || arg.startsWith('--csv=')) {
      const value = arg.startsWith('--csv=') ? arg.slice(6) : /\.csv$/i.test(args[i + 1] ?? '') ? args[++i] : '-';
      if (value !== '-' && !/\.csv$/i.test(value!))
        throw new ScansError(`--csv writes to a file ending in .csv (or to standard output without one); found "${value}"\n${USAGE}`);
      options.csv = value;
    } else if (arg === '--html' || arg.startsWith('--html=')) {
      const value = arg.startsWith('--html=') ? arg.slice(7) : args[++i];
      if (!value || !/\.html?$/i.test(value))
        throw new ScansError(`--html needs the report's file name, ending in .html; found ${value ? `"${value}"` : 'nothing'}\n${USAGE}`);
      options.html = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new ScansError(`Unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  if (!options.files.length) throw new ScansError(`Name the access logs to read.\n${USAGE}`);
  const logs = new Set(options.files.map((f) => resolve(f)));
  for (const out of [options.csv, options.html])
    if (out && out !== '-' && logs.has(resolve(out))) throw new ScansError(`${out} is one of the logs to read; the report would write over it`);
  return options;
}
