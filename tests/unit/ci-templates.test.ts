import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/sites.ts';

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** The options each command a CI runs accepts (see scripts/build.ts and scripts/merge-shards.ts). */
const OPTIONS: Record<string, string[]> = { build: ['--out', '--locales'], 'merge-shards': ['--out'], check: [] };

/** Every shell command of a CI file: GitHub's and Forgejo's `run:` steps, GitLab's `script:` lines. */
function commands(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(commands);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'run' && typeof value === 'string' ? [value] : key === 'script' && Array.isArray(value) ? value.map(String) : commands(value),
  );
}

describe('the CI files in templates/', () => {
  const files = readdirSync(join(ROOT, 'templates')).filter((file) => file.endsWith('.yml'));

  it.each(files)('%s runs only npm scripts Loa has, with options they accept', (file) => {
    const runs = commands(parse(readFileSync(join(ROOT, 'templates', file), 'utf8'))).flatMap((command) => [
      ...command.matchAll(/npm run (\S+)(?: -- ([^\n]*))?/g),
    ]);
    expect(runs.length).toBeGreaterThan(0);
    for (const [, script, rest] of runs) {
      expect(Object.keys(scripts), file).toContain(script);
      for (const option of rest?.match(/--[\w-]+/g) ?? []) expect(OPTIONS[script!] ?? [], `${file}: npm run ${script} -- ${rest}`).toContain(option);
    }
  });

  it('the sharded workflow builds each shard with --locales and merges what every shard uploaded', () => {
    const workflow = parse(readFileSync(join(ROOT, 'templates/github-pages-shards.yml'), 'utf8')) as {
      jobs: Record<string, { needs?: string; strategy?: { matrix: { locales: string[] } } }>;
    };
    const all = commands(workflow).join('\n');
    expect(workflow.jobs.shard!.strategy!.matrix.locales.length).toBeGreaterThan(1);
    expect(all).toContain('npm run build -- --locales ${{ matrix.locales }} --out shard');
    expect(all).toContain('npm run merge-shards -- shards/*');
    expect(workflow.jobs.merge!.needs).toBe('shard');
  });
});
