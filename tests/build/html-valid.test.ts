import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDir } from '../helpers/sites.ts';

const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

describe('valid HTML', () => {
  it.each(['demo', 'rtl'] as const)('the Nu Html Checker reports no error on any page of the %s build', (name) => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) throw new Error("Java not found; install Debian's Java (apt-get install default-jre-headless), as .ci/run does");
    const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', '--skip-non-html', outDir(name)], { encoding: 'utf8', maxBuffer: 32 * 2 ** 20 });
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter(Boolean).map((line) => line.replace(outDir(name), ''));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });
});
