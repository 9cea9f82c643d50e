import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild } from '../helpers/sites.ts';
import { changedFixture, failedBuild } from '../helpers/changed-site.ts';

const work = mkdtempSync(join(tmpdir(), 'loa-poster-design-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = readFileSync(join(ROOT, 'tests/fixtures/campaign/content/site.yaml'), 'utf8');
/** A guide with steps for two phones: five for Android, two for iPhone. */
const twoPlatforms = `---
title: Alerts on any phone
summary: Turn on warnings on Android or iPhone.
app: Cảnh báo sớm
platforms: [android, ios]
minutes: 5
---

## Android

1. Open the Cảnh báo sớm app. It has a red icon.
2. Tap Settings.
3. Turn on Alerts.
4. Choose your commune.
5. Tap Save.

## iPhone

1. Open the app.
2. Allow notifications.
`;
const poster = (fields: string) => `code: w3x\ntarget: en/guides/any-phone\npaper: A4\ndate: 2024-08-20\n${fields}`;

describe('poster design', () => {
  it('prints at most four steps of one platform, names the platform and says the rest are at the link; a cta and the campaign colour and logo show', () => {
    const dir = changedFixture(
      work,
      'design',
      {
        'content/site.yaml': `${settings}\nidentity:\n  colour: '#6a1b4d'\n  logo: images/warning-app-icon.png\n`,
        'content/en/guides/any-phone.md': twoPlatforms,
        'content/posters/any-phone.yaml': poster('headline: Alerts on\ncta: Scan to turn on alerts\n'),
        'content/posters/any-phone-ios.yaml': poster('headline: Alerts on\nplatform: ios\n').replace('w3x', 'w4x'),
        'content/posters/sandbags.yaml': 'code: w7x\ntarget: vi/messages/sandbag-day\nheadline: Đắp đê\npaper: A3\ndate: 2024-08-20\n',
      },
      'campaign',
    );
    const out = join(dir, 'dist');
    const result = runBuild(dir, out);
    expect(result.status, result.output).toBe(0);
    const android = cheerio.load(readFileSync(join(out, 'posters/w3x/index.html'), 'utf8'));
    expect(android('.key-steps h2').text()).toBe('Steps for Android');
    const steps = android('.key-steps li');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThanOrEqual(4);
    expect(steps.first().text()).toBe('Open the Cảnh báo sớm app.');
    expect(android('.more').text()).toBe('All the steps are at the address below.');
    expect(android('.cta').text()).toBe('Scan to turn on alerts');
    expect(android('main.sheet').attr('style')).toContain('--colour: #6a1b4d');
    expect(android('img.logo').attr('src')).toBe('/posters/brand/logo.png');
    expect(existsSync(join(out, 'posters/brand/logo.png'))).toBe(true);
    const ios = cheerio.load(readFileSync(join(out, 'posters/w4x/index.html'), 'utf8'));
    expect(ios('.key-steps h2').text()).toBe('Steps for iPhone');
    expect(
      ios('.key-steps li')
        .map((_, li) => ios(li).text())
        .get(),
    ).toEqual(['Open the app.', 'Allow notifications.']);
    expect(ios('.more')).toHaveLength(0);
    expect(ios('.cta').text()).toBe('Scan the code for the step-by-step guide');
    // A message's poster prints its summary under the headline when there is room.
    const message = cheerio.load(readFileSync(join(out, 'posters/w7x/index.html'), 'utf8'));
    expect(message('.subline').text().trim()).toBe('Thanh niên các thôn cùng đắp bao cát gia cố đoạn đê xung yếu trước mùa mưa.');
    expect(message('.key-steps')).toHaveLength(0);
  });

  it('refuses what cannot be printed well, all at once, with file, line and what to change', () => {
    const dir = changedFixture(
      work,
      'bad-design',
      {
        'content/en/guides/any-phone.md': twoPlatforms,
        'content/posters/long.yaml': poster('headline: A headline far too long to be read from three metres on a sheet of this size, however it is set\n'),
        'content/posters/web.yaml': poster('headline: Alerts\nplatform: web\n').replace('w3x', 'w5x'),
        'content/posters/steps.yaml': poster('headline: Alerts\nsteps: [One, Two, Three, Four, Five]\n').replace('w3x', 'w6x'),
      },
      'campaign',
    );
    const err = failedBuild(dir);
    expect(err).toMatch(
      /content\/posters\/long.yaml\n\s+line 5 +headline: too long for A4 portrait: .* write a shorter headline for the poster \(headline: …\), or print on bigger paper/,
    );
    expect(err).toMatch(/content\/posters\/web.yaml\n\s+line 6 +platform: the guide en\/guides\/any-phone has no steps for web; expected one of android, ios/);
    expect(err).toMatch(/content\/posters\/steps.yaml\n\s+line 6 +steps: expected at most four steps/);
  });

  it('refuses a campaign colour white text cannot be read on', () => {
    const dir = changedFixture(work, 'pale', { 'content/site.yaml': `${settings}\nidentity:\n  colour: '#ffee00'\n` }, 'campaign');
    expect(failedBuild(dir)).toMatch(
      /line \d+ +identity.colour: expected a colour dark enough for white text on it \(contrast 4.5:1 or more\); #ffee00 gives 1.2:1/,
    );
  });

  it('refuses a logo that is not there', () => {
    const dir = changedFixture(work, 'no-logo', { 'content/site.yaml': `${settings}\nidentity:\n  logo: images/missing.png\n` }, 'campaign');
    expect(failedBuild(dir)).toMatch(/content\/site.yaml\n\s+line \d+ +identity.logo: expected a file content\/images\/missing.png; there is none/);
  });
});
