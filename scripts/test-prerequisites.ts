/**
 * Makes sure a machine has what the named test tiers need beyond npm, before any test starts.
 * npm cannot install these, and the tests must not download programs of their own:
 *
 *   build     Debian's nginx (the sample host config is served for real) and Java (the Nu Html
 *             Checker from vnu-jar is a Java program)
 *   browser   Debian's Chromium (driven through playwright-core) and poppler-utils (pdffonts and
 *             pdftotext read the fonts and text of poster PDFs)
 *
 * As root, what is missing is installed with apt-get, and Debian's nginx service, which the
 * package starts, is stopped again: the tests start their own nginx on a free port. Otherwise it
 * stops at once with the apt-get line to run.
 *
 *   node scripts/test-prerequisites.ts build browser
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CHROMIUM } from '../src/build/chromium.ts';

/** A program a tier needs: how to tell it is there, and the Debian package that brings it. */
interface Prerequisite {
  what: string;
  present: () => boolean;
  debianPackage: string;
}

/** True when `path` is a file this process may run. */
function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when a command of this name is on the PATH. */
const onPath = (command: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && runnable(join(dir, command)));

const NGINX: Prerequisite = { what: 'nginx, to serve the sample host config', present: () => runnable('/usr/sbin/nginx'), debianPackage: 'nginx' };
const JAVA: Prerequisite = { what: 'Java, to run the Nu Html Checker', present: () => onPath('java'), debianPackage: 'default-jre-headless' };
const BROWSER: Prerequisite = { what: `Chromium at ${CHROMIUM}, for the browser tests`, present: () => runnable(CHROMIUM), debianPackage: 'chromium' };
const POPPLER: Prerequisite = {
  what: 'pdffonts and pdftotext, to read poster PDFs',
  present: () => onPath('pdffonts') && onPath('pdftotext'),
  debianPackage: 'poppler-utils',
};

/** What each test tier needs beyond npm; the unit tier needs nothing. */
const TIER_PREREQUISITES: Record<string, Prerequisite[]> = { unit: [], build: [NGINX, JAVA], browser: [BROWSER, POPPLER] };

/** Runs a command with its output shown; true when it succeeded. */
function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** Installs the missing Debian packages, or explains how and exits when this process cannot. */
function install(missing: Prerequisite[]): void {
  const packages = [...new Set(missing.map((p) => p.debianPackage))];
  const line = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(`The tests need programs this machine lacks:\n${missing.map((p) => `  - ${p.what}`).join('\n')}`);
    console.error(
      onPath('apt-get')
        ? `Install them as root, then run the tests again:\n  sudo apt-get update && sudo ${line}`
        : `Install the Debian packages ${packages.join(', ')} or their equivalents, then run the tests again.`,
    );
    process.exit(1);
  }
  console.log(`Installing what the tests need: ${packages.join(', ')}`);
  if (!run('apt-get', ['update']) || !run('apt-get', line.split(' ').slice(1))) {
    console.error(`Installing failed; run as root: apt-get update && ${line}`);
    process.exit(1);
  }
  // The package starts Debian's own nginx on port 80; the tests start theirs on a free port.
  if (packages.includes('nginx') && onPath('service')) run('service', ['nginx', 'stop']);
  const still = missing.filter((p) => !p.present());
  if (still.length) {
    console.error(`Still missing after installing: ${still.map((p) => p.what).join('; ')}`);
    process.exit(1);
  }
}

const tiers = process.argv.slice(2);
const unknown = tiers.filter((tier) => !(tier in TIER_PREREQUISITES));
if (tiers.length === 0 || unknown.length) {
  console.error(`Usage: node scripts/test-prerequisites.ts <tier>… (tiers: ${Object.keys(TIER_PREREQUISITES).join(', ')})`);
  process.exit(1);
}
const missing = [...new Set(tiers.flatMap((tier) => TIER_PREREQUISITES[tier]!))].filter((p) => !p.present());
if (missing.length) install(missing);
