import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnvironment } from '../helpers/sites.ts';
import { changedFixture, failedBuild } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-undrawable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = readFileSync(join(ROOT, 'tests/fixtures/minimal/content/site.yaml'), 'utf8');
// Egyptian hieroglyphs and Meetei Mayek: scripts no shipped font has.
const HIEROGLYPH = '\u{13000}';
const MEETEI = '\uABC0';

describe('text that share images and posters draw, in characters no shipped font has', () => {
  it('fails the check and the build with file, line, field and each character once', () => {
    const dir = changedFixture(work, 'undrawable', {
      'content/site.yaml': settings.replace('en: Minimal campaign', `en: Minimal campaign ${HIEROGLYPH}`),
      'content/en/guides/first.md': `---\ntitle: First ${MEETEI}${MEETEI}\nsummary: Ok ${HIEROGLYPH}\napp: Test app\nplatforms: [android]\nminutes: 3\n---\n\n1. Open the app.\n2. Tap ${MEETEI}.\n`,
      'content/en/ui.yaml': `posterScan: Scan ${HIEROGLYPH}\n`,
    });
    const err = failedBuild(dir);
    expect(err).toMatch(/content\/site.yaml\n\s+line 4 +name\.en: no font Loa ships can draw "𓀀" \(U\+13000\)/);
    const guide = err.slice(err.indexOf('content/en/guides/first.md'));
    expect(guide).toMatch(/line 2 +title: no font Loa ships can draw "ꯀ" \(U\+ABC0\), so share images and posters would show empty boxes/);
    expect(guide).not.toMatch(/"ꯀ" \(U\+ABC0\), "ꯀ"/);
    expect(guide).toMatch(/line 3 +summary: no font Loa ships can draw "𓀀" \(U\+13000\)/);
    expect(guide).toMatch(/line 10 +step 2: no font Loa ships can draw "ꯀ"/);
    expect(err).toMatch(/content\/en\/ui.yaml\n\s+line 1 +posterScan: no font Loa ships can draw "𓀀"/);
  });

  it('passes text in every script the fonts cover, with joiners and variation selectors', () => {
    const dir = changedFixture(work, 'drawable', {
      'content/en/guides/first.md': `---\ntitle: ស្រុក ព្រះ ไทย العربية ꪼꪕ ꨌꩌ 中文 ặ 💉\u200D\uFE0F\nsummary: עברית हिन्दी ລາວ မြန်မာ ✓\napp: Test app\nplatforms: [android]\nminutes: 3\n---\n\n1. Open the app.\n`,
    });
    expect(checkErrors(dir)).toBe('');
  });
});

/** What `npm run check` prints for a site folder: nothing when the content is clean. */
function checkErrors(dir: string): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: buildEnvironment(dir), encoding: 'utf8' });
  return result.status === 0 ? '' : result.stdout + result.stderr;
}
