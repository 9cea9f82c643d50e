import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the test run keeps the sites it builds. */
export const OUTPUT = join(ROOT, 'tests/.output');

/** The sites built once per test run by the global setup: name → site folder and environment. */
export const SITES = {
  demo: { siteDir: ROOT, env: {} },
  'demo-base': { siteDir: ROOT, env: { BASE_PATH: '/campaign/' } },
  minimal: { siteDir: join(ROOT, 'tests/fixtures/minimal'), env: {} },
  rtl: { siteDir: join(ROOT, 'tests/fixtures/rtl'), env: {} },
} as const;
export type SiteName = keyof typeof SITES;

/** The output folder of a site built by the global setup. */
export function outDir(name: SiteName): string {
  return join(OUTPUT, name);
}

/** Runs the real build command on a site folder; returns its exit status and output. */
export function runBuild(siteDir: string, out: string, env: Record<string, string> = {}) {
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV, …) in the environment; a real
  // build never sees them, so neither does this one.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|TEST$)/.test(key)));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out], {
    cwd: ROOT,
    env: { ...clean, LOA_SITE_DIR: siteDir, SITE_URL: '', BASE_PATH: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}
