import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/sites.ts';

const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

describe('valid HTML', () => {
  it.each(['campaign', 'rtl'] as const)('the Nu Html Checker reports no error on any page of the %s build', (name) => {
    const dir = builtSite(name);
    const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', '--skip-non-html', dir], { encoding: 'utf8', maxBuffer: 32 * 2 ** 20 });
    if (result.error) throw new Error(`Java could not be started (${result.error.message}); npm run test:build installs Debian's Java when missing`);
    const errors = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(dir, ''));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });
});
