import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';
import { axeViolations } from '../helpers/axe.ts';

// The broadcast kit (issue 18) in Chromium on a phone: the recording's player and the
// loudspeaker operators' schedule, readable at 360 px and accessible; the schedule printed on A4.
const served = browserAndSite('broadcast');

/** Opens a page at 360 × 640 and records the addresses it requests and any error. */
async function open(path: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await served.browser.newPage({ viewport: { width: 360, height: 640 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.goto(`${served.origin}${served.base}${path}`, { waitUntil: 'load' });
  return { page, requests, problems };
}

/** True when nothing on the page is wider than the screen. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the broadcast kit at 360 px', () => {
  it('the broadcast schedule passes axe (WCAG 2.2 AA), fits the screen and has no error', async () => {
    const { page, problems } = await open('vi/broadcast/');
    expect(await fitsWidth(page)).toBe(true);
    expect(await page.locator('section.sheet-week').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a message with a recording passes axe, names its player and loads no audio until it is played', async () => {
    const { page, requests, problems } = await open('vi/messages/flood-drill/');
    expect(await fitsWidth(page)).toBe(true);
    const player = page.getByRole('figure').locator('audio');
    expect(await player.getAttribute('preload')).toBe('none');
    expect(requests.filter((path) => path.startsWith('/audio/'))).toEqual([]);
    expect(await page.locator('#recording-label').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the recording plays in the browser: Chromium takes its type and reads the file', async () => {
    const { page } = await open('vi/messages/flood-drill/');
    const audio = page.locator('figure.recording audio');
    const type = (await page.locator('figure.recording source').getAttribute('type'))!;
    expect(await audio.evaluate((element: HTMLAudioElement, t) => element.canPlayType(t), type)).toBe('probably');
    // (The test server answers no range requests, so Chromium cannot seek to an Ogg file's end
    // for its length: it may say Infinity. That the metadata loads without error is the point.)
    const seconds = await audio.evaluate(
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
          audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)));
          audio.preload = 'metadata';
          audio.load();
        }),
    );
    expect(seconds).toBeGreaterThan(0);
    await page.close();
  });

  it('the schedule prints on A4, one sheet per week', async () => {
    const { page } = await open('vi/broadcast/');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    // A4 is 595 × 842 points.
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    await page.close();
  });
});
