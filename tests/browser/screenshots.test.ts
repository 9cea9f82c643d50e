import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../helpers/browser-site.ts';

const env = browserAndSite('campaign');

/** The srcset descriptor of the copy each of the page's body images took (`504w`). */
const chosenCopies = (page: import('playwright-core').Page) =>
  page.locator('.body img').evaluateAll((els) =>
    els.map((el) => {
      const img = el as HTMLImageElement;
      const path = new URL(img.currentSrc).pathname;
      return img.srcset
        .split(',')
        .find((candidate) => candidate.trim().split(/\s+/)[0] === path)
        ?.trim()
        .split(/\s+/)[1];
    }),
  );

/** Layout shifts Chromium reports, summed, as a page script collects them from the start. */
const COLLECT_SHIFTS = `
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

describe('screenshots on a 360 × 640 phone with 2 pixels per CSS pixel, in Chromium', () => {
  it('take the 2× copy, and the page does not move as they arrive late', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.addInitScript(COLLECT_SHIFTS);
    // Pictures come a second after the page, as on a slow connection.
    await page.route(/\.webp$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${env.origin}${env.base}vi/guides/alerts-on-android/`, { waitUntil: 'domcontentloaded' });
    const images = page.locator('.body img');
    expect(await images.count()).toBe(2);

    // Before any picture has arrived, each already takes its place: 252 CSS px wide and as tall as the picture will be.
    const box = () => images.evaluateAll((els) => els.map((el) => [el.getBoundingClientRect().width, el.getBoundingClientRect().height]));
    expect(await images.evaluateAll((els) => els.map((el) => (el as HTMLImageElement).complete))).toEqual([false, false]);
    const before = await box();
    for (const [width, height] of before) expect([width, height! > 440]).toEqual([252, true]);

    // Scrolled through the page, so the lazy one loads too.
    await page.mouse.wheel(0, 4000);
    await page.waitForFunction(
      () => [...document.querySelectorAll<HTMLImageElement>('.body img')].every((img) => img.complete && img.naturalWidth > 0),
      undefined,
      {
        timeout: 15_000,
      },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    expect(await box()).toEqual(before);
    // The copy each took, by its srcset descriptor. The first file is only 360 pixels wide, its
    // sharpest copy; the second has a 504-pixel one, 2 × 252.
    expect(await chosenCopies(page)).toEqual(['360w', '504w']);

    const shifts = await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts);
    expect(shifts).toBeLessThan(0.01);
    await context.close();
  });
});

describe('a screenshot in an MDX body on a 360 × 640 phone with 3 pixels per CSS pixel, in Chromium', () => {
  const mdx = browserAndSite('minimal');

  it('takes the 3× copy, as one in a Markdown body does', async () => {
    const context = await mdx.browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(`${mdx.origin}${mdx.base}en/guides/written-in-mdx/`);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.body img')].every((img) => img.complete && img.naturalWidth > 0));
    // The fixture's picture is 1,080 pixels wide: 756 = 3 × 252 is its sharpest useful copy.
    expect(await chosenCopies(page)).toEqual(['756w']);
    await context.close();
  });
});
