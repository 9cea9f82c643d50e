import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { parse } from 'yaml';

/** The project folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where test runs keep the sites they build, one folder per run. */
export const OUTPUT = join(ROOT, 'tests/.output');

const fixture = (name: string) => join(ROOT, 'tests/fixtures', name);

/** The sites tests can ask for: name → site folder, the address the build gives it, and environment. */
export const SITES = {
  /** The engine's main fixture: three locales with a fallback chain, posters, broadcast messages. */
  campaign: { siteDir: fixture('campaign'), base: '/', env: {} },
  'campaign-base': { siteDir: fixture('campaign'), base: '/campaign/', env: { BASE_PATH: '/campaign/' } },
  minimal: { siteDir: fixture('minimal'), base: '/', env: {} },
  rtl: { siteDir: fixture('rtl'), base: '/', env: {} },
  /** Locales in six scripts: Latin (Vietnamese), Han, Khmer, Thai, Arabic (right to left), Tai Viet. */
  scripts: { siteDir: fixture('scripts'), base: '/', env: {} },
  /** The broadcast kit (issue 18): recordings, short versions, schedules in a time zone with summer time. */
  broadcast: { siteDir: fixture('broadcast'), base: '/', env: {} },
  /** A web editor that saves to a self-hosted Forgejo under a path (site.yaml's editor:), signing in with PKCE. */
  'editor-host': { siteDir: fixture('editor-host'), base: '/', env: {} },
  /** Whatever campaign content/ holds: only the demo's own smoke test uses it. */
  demo: { siteDir: ROOT, base: '/', env: {} },
} as const;
export type SiteName = keyof typeof SITES;

/**
 * The output folder of a site, built on first use in this test run and reused after, so a test
 * file builds only the sites it reads and a run builds each of them once.
 */
export function builtSite(name: SiteName): string {
  const out = join(inject('runOutput'), name);
  const done = `${out}.built`;
  if (existsSync(done)) return out;
  const { siteDir, env } = SITES[name];
  const result = runBuild(siteDir, out, env);
  if (result.status !== 0) throw new Error(`Building the ${name} site failed:\n${result.output}`);
  writeFileSync(done, '');
  return out;
}

/** A site's public address as its site.yaml gives it, without a trailing slash: `https://example.org`. */
export function siteAddress(name: SiteName): string {
  const settings = parse(readFileSync(join(SITES[name].siteDir, 'content/site.yaml'), 'utf8')) as { site: string };
  return settings.site.replace(/\/$/, '');
}

/** The slugs of the pages a locale of a site folder has of its own, for a kind (`guides`), from their file names. */
export function ownSlugs(siteDir: string, locale: string, kind: string): string[] {
  const folder = join(siteDir, 'content', locale, kind);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.replace(/\.mdx?$/, ''));
}

/** The environment of a build of a site folder, as a person's shell would give it, with `env` added. */
export function buildEnvironment(siteDir: string, env: Record<string, string> = {}): Record<string, string | undefined> {
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV, …) in the environment; a real
  // build never sees them, so neither does this one.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|TEST$)/.test(key)));
  return { ...clean, LOA_SITE_DIR: siteDir, SITE_URL: '', BASE_PATH: '', ...env };
}

/** Runs one of the editors' commands (scripts/<script>.ts: check, translations, new…) on a site folder; returns its exit status and output. */
export function runCommand(script: string, siteDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOA_SITE_DIR: siteDir },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the real build command on a site folder, with more arguments if given (`--locales vi`); returns its exit status and output. */
export function runBuild(siteDir: string, out: string, env: Record<string, string> = {}, args: string[] = []) {
  return runBuildScript('build', siteDir, ['--out', out, ...args], env);
}

/** Runs `npm run merge-shards` on a site folder's shards, as a build would be run; returns its exit status and output. */
export function runMergeShards(siteDir: string, out: string, shards: string[], env: Record<string, string> = {}) {
  return runBuildScript('merge-shards', siteDir, [...shards, '--out', out], env);
}

function runBuildScript(script: string, siteDir: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: buildEnvironment(siteDir, env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}
