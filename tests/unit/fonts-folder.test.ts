import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontsFolder } from '../../src/fonts/fontconfig.ts';

const fonts = fileURLToPath(new URL('../../src/fonts/fontconfig.ts', import.meta.url));

/** Runs Node on a module's code that sets up the fonts, then does `then`; returns its process id and exit status. */
function runWithFonts(then: string) {
  const code = `import { useProjectFonts, fontsFolder } from ${JSON.stringify(fonts)};
useProjectFonts();
if (!(await import('node:fs')).existsSync(fontsFolder())) throw new Error('no font folder was made');
console.log(process.pid);
${then}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, LOA_FONTS_READY: '' } });
  return { pid: Number(result.stdout.trim()), status: result.status, stderr: result.stderr };
}

describe('the temporary font folder of a process', () => {
  it('is removed when the process ends normally', () => {
    const { pid, status, stderr } = runWithFonts('');
    expect(status, stderr).toBe(0);
    expect(existsSync(fontsFolder(pid))).toBe(false);
  });

  it('is removed when the process fails or exits with an error', () => {
    for (const fail of ["throw new Error('the build failed');", 'process.exit(1);']) {
      const { pid, status, stderr } = runWithFonts(fail);
      expect(status, stderr).toBe(1);
      expect(existsSync(fontsFolder(pid))).toBe(false);
    }
  });

  it('of a process that no longer runs (one killed) is removed by the next that sets up fonts', () => {
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const stale = fontsFolder(Number(ended.stdout.trim()));
    mkdirSync(stale, { recursive: true });
    const { status, stderr } = runWithFonts('');
    expect(status, stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
  });
});
