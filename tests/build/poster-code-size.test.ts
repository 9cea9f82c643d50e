import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFixture, failedBuild } from '../helpers/changed-site.ts';
import { ROOT, buildEnvironment } from '../helpers/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-code-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The campaign fixture with a site address of 51 characters: its capital short link
// (HTTPS://TIEMCHUNG-COVID19.SOYTE.TINHQUANGNAM.GOV.VN/P/N6D/) needs version 4 at level Q,
// 33 modules of 4.1 mm on A4 (scanned from 1.5 m), 168.1 mm with the quiet zone, more than the
// 157.5 mm an A4 sheet leaves beside its text; version 5 at level H, 184.5 mm. Its level-M
// posters (version 3, 151.7 mm on A4) still fit.
const SITE = 'https://tiemchung-covid19.soyte.tinhquangnam.gov.vn';
const settings = readFileSync(join(ROOT, 'tests/fixtures/campaign/content/site.yaml'), 'utf8');
const tooBig = changedFixture(
  work,
  'too-big',
  {
    'content/site.yaml': settings.replace('site: https://flood.example.org', `site: ${SITE}`),
    // Level written, paper left to its default (A4): the problem is at the level's line.
    'content/posters/village-hall-android.yaml': 'code: k7p\ntarget: vi/guides/alerts-on-android\nplace: Nhà văn hóa thôn Đông\nlevel: H\ndate: 2024-08-15\n',
    // Both written: the problem is at the paper's line.
    'content/posters/school-gate-route.yaml':
      'code: n6d\ntarget: vi/messages/know-your-route\npaper: A4\nplace: Cổng trường tiểu học\nlevel: Q\ndate: 2024-08-18\n',
  },
  'campaign',
);

/** Asserts the two problems, with file, line, field, sizes and what to change. */
function expectBothRefused(output: string): void {
  // Only these two codes are too big (other posters may have text that no longer fits beside a bigger code).
  expect(output.match(/the QR code is too big/g)).toHaveLength(2);
  expect(output).toMatch(
    /content\/posters\/school-gate-route\.yaml\n +line 3 +paper: the QR code is too big to scan from 1\.5 m on A4: at 2\.7 mm a module per metre, its 33 modules \(version 4 at level Q, for HTTPS:\/\/TIEMCHUNG-COVID19\.SOYTE\.TINHQUANGNAM\.GOV\.VN\/P\/N6D\/\) are 4\.1 mm each, 168\.1 mm with the quiet zone, more than the 157\.5 mm \(75 % of the sheet's shorter side, 210 mm\) that leave room for the text; use a bigger paper \(paper: A3\), or a shorter site address \(at most 40 characters; https:\/\/tiemchung-covid19\.soyte\.tinhquangnam\.gov\.vn has 51\), or a lower error-correction level \(level: M or L\)/,
  );
  // No paper is big enough for level H: a shorter address or a lower level.
  expect(output).toMatch(
    /content\/posters\/village-hall-android\.yaml\n +line 4 +level: the QR code is too big to scan from 1\.5 m on A4: .*version 5 at level H.* 184\.5 mm with the quiet zone.*; use a shorter site address \(at most 28 characters; .*\), or a lower error-correction level \(level: M or L\)/,
  );
}

describe('a poster whose code cannot be printed large enough for its paper', () => {
  it('fails the build, every such poster named with its line and what to change', () => {
    expectBothRefused(failedBuild(tooBig));
  });

  it('is reported by npm run check too', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: buildEnvironment(tooBig), encoding: 'utf8' });
    expect(check.status).toBe(1);
    expectBothRefused(check.stdout + check.stderr);
  });
});
