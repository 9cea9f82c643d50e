import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/build/chromium.ts';
import { ROOT, SITES, buildEnvironment } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

// The HTML report of npm run scans in Chromium, as the campaign team opens it from their disk:
// on a phone and a wide screen, without JavaScript, with nothing fetched, and axe-clean.
const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const dir = mkdtempSync(join(tmpdir(), 'loa-scans-report-'));
const report = join(dir, 'scans.html');
let browser: Browser;

beforeAll(async () => {
  // Scans of the campaign fixture's posters over three weeks, and a code no poster has.
  const lines: string[] = [];
  ['k7p', 'n6d', 'h4w', 'zz9'].forEach((code, c) => {
    for (let day = 0; day < 18; day += c + 1)
      for (let visitor = 0; visitor < 1 + ((day * (c + 2)) % 7); visitor++)
        lines.push(
          `203.0.113.${visitor} - - [${String(14 + day).padStart(2, '0')}/Sep/2026:09:00:00 +0700] "GET /p/${code}/ HTTP/1.1" ${code === 'zz9' ? 404 : 301} 0 "-" "${ANDROID}"`,
        );
  });
  writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/scans.ts'), '--html', report, join(dir, 'access.log')], {
    env: buildEnvironment(SITES.campaign.siteDir),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run scans failed:\n${run.stderr}`);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the report at a width, noting every request for anything but the report itself. */
async function open(width: number, javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled });
  const requests: string[] = [];
  const own = pathToFileURL(report).href;
  page.on('request', (request) => {
    if (request.url() !== own) requests.push(request.url());
  });
  await page.goto(own, { waitUntil: 'load' });
  return { page, requests };
}

describe('the scans report', () => {
  it.each([360, 1280])('passes axe (WCAG 2.2 AA) at %i px, fetches nothing and fits the width', async (width) => {
    const { page, requests } = await open(width);
    // The days' table folded away is checked open too.
    await page.locator('details.days summary').click();
    expect(await axeViolations(page)).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });

  it('on a phone shows each poster as a card with its place and its bars, without JavaScript', async () => {
    const { page } = await open(360, false);
    const card = page.locator('tr[data-code=k7p]');
    const box = await card.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    await expect(card.getByText('Nhà văn hóa thôn Đông').isVisible()).resolves.toBe(true);
    const bars = card.locator('svg rect');
    expect(await bars.count()).toBe(3); // weeks 38, 39 and 40
    const heights = await bars.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeGreaterThan(10);
    // Without a script the days fold open as well.
    await page.locator('details.days summary').click();
    await expect(page.locator('table.by-day').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
