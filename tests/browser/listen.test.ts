import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { siteInlineHashes } from '../../src/build/inline-hashes.ts';
import { securityHeaders } from '../../src/build/security-headers.ts';
import { SITES, builtSite } from '../helpers/sites.ts';
import { axeViolations } from '../helpers/axe.ts';

// Listen (issue 16) in Chromium at 360 × 640 on the campaign fixture, served with its own
// security headers, so the page's scripts run only as its Content-Security-Policy allows. The phone's
// voices are a stand-in that records what it is asked to say and says it only when told to.
const dir = builtSite('campaign');
const BASE = SITES.campaign.base;
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serve(dir, BASE, Object.fromEntries(securityHeaders(siteInlineHashes(dir))));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What the stand-in was asked to say: each utterance's text, `lang` and its voice's language. */
interface Said {
  text: string;
  lang: string;
  voice: string | null;
}

/**
 * A stand-in for `speechSynthesis` with voices for `langs`, which arrive 300 ms after the page
 * starts, with `voiceschanged`, as on Android. An utterance starts at once and ends when the test
 * calls `__speech.finish()`; `cancel()` ends the current one (as Chromium does), which must not
 * move the reading on.
 */
const fakeSpeech = (langs: string[]) => `(() => {
  const said = [];
  let current = null;
  let voices = [];
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; }
  }
  const fire = (u, type) => { const e = new Event(type); u.dispatchEvent(e); if (u['on' + type]) u['on' + type](e); };
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices,
    speak(u) {
      said.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null });
      current = u;
      setTimeout(() => fire(u, 'start'));
    },
    cancel() { window.__speech.cancels++; const u = current; current = null; if (u) fire(u, 'end'); },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__speech = { said, cancels: 0, delivered: false, finish() { const u = current; current = null; if (u) fire(u, 'end'); } };
  setTimeout(() => {
    voices = ${JSON.stringify(langs)}.map((lang) => ({ lang, name: 'Stand-in ' + lang, voiceURI: lang, localService: true, default: false }));
    synth.dispatchEvent(new Event('voiceschanged'));
    window.__speech.delivered = true;
  }, 300);
})();`;

/** Opens a page 640 px high, 360 wide unless told, with voices for `langs` and waits until they have arrived. */
async function open(
  path: string,
  langs: string[],
  options: { bypassCSP?: boolean; width?: number } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 360, height: 640 }, reducedMotion: 'reduce', bypassCSP: options.bypassCSP });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.addInitScript(fakeSpeech(langs));
  await page.goto(`${site.origin}${BASE}${path}`);
  await page.waitForFunction(() => (window as unknown as { __speech: { delivered: boolean } }).__speech.delivered);
  return { page, context, problems };
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { said: Said[] } }).__speech.said);
const finish = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
const cancels = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { cancels: number } }).__speech.cancels);
/** Waits until the stand-in has been asked to say `n` things. */
const saidCount = (page: Page, n: number) =>
  page.waitForFunction((count) => (window as unknown as { __speech: { said: Said[] } }).__speech.said.length === count, n);
/** The marked block: its tag, classes, text, and whether it is on the screen; null when none. */
const marked = (page: Page) =>
  page.evaluate(() => {
    const all = document.querySelectorAll('.reading-aloud');
    if (all.length !== 1) return all.length === 0 ? null : { count: all.length };
    const el = all[0]!;
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName,
      className: el.className,
      text: el.textContent ?? '',
      onScreen: box.top < innerHeight && box.bottom > 0,
      background: getComputedStyle(el).backgroundColor,
      outline: getComputedStyle(el).outlineStyle,
    };
  });

// The Android guide of the fixture, in order: title, introduction, six steps, the closing line (a
// phone does not show a guide's summary, which the introduction says again, so it is not read).
const SUMMARY = 'Cài ứng dụng Cảnh báo sớm và bật thông báo';
const ANDROID_GUIDE = [
  'Bật cảnh báo thiên tai trên điện thoại Android',
  'Cảnh báo sớm là ứng dụng miễn phí',
  'Mở Cửa hàng Play',
  'Chạm vào biểu tượng hình tam giác màu đỏ',
  'Chọn tỉnh, huyện và xã',
  'Bật hai công tắc',
  'chạm Cho phép',
  'Chạm Gửi thử',
  'Muốn cả nhà cùng nhận tin nhắn',
];

describe('Listen on a 360 × 640 phone with the voices of the page’s language', () => {
  it('appears once the voices arrive, reads the title, summary and each step in order in the page’s language, marking each as it is read', async () => {
    const { page, context, problems } = await open('vi/guides/alerts-on-android/', ['en-US', 'vi-VN']);
    const listen = page.getByRole('button', { name: 'Nghe đọc' });
    await listen.waitFor({ state: 'visible' });
    await listen.click();
    for (const [i, words] of ANDROID_GUIDE.entries()) {
      await saidCount(page, i + 1);
      const now = (await said(page))[i]!;
      expect(now.text, `utterance ${i + 1}`).toContain(words);
      expect([now.lang, now.voice]).toEqual(['vi', 'vi-VN']);
      const block = await marked(page);
      expect(block?.text, `block marked while utterance ${i + 1} is read`).toContain(words);
      expect(block?.onScreen).toBe(true);
      expect(block?.outline).toBe('solid');
      expect(block?.background).not.toBe('rgba(0, 0, 0, 0)');
      // Steps are read whole, number first, and marked whole.
      if (i >= 2 && i <= 7) {
        expect(block?.tag).toBe('LI');
        expect(now.text.startsWith(`${i - 1}.`)).toBe(true);
      }
      await finish(page);
    }
    // Done: nothing more is said, nothing marked, and the button is back as it was.
    await page.getByRole('button', { name: 'Nghe đọc' }).waitFor();
    expect(await said(page)).toHaveLength(ANDROID_GUIDE.length);
    expect((await said(page)).some((s) => s.text.includes(SUMMARY))).toBe(false);
    expect(await marked(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Dừng đọc' }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a wide screen, where the guide shows its summary, reads it after the title', async () => {
    const { page, context } = await open('vi/guides/alerts-on-android/', ['vi-VN'], { width: 1280 });
    await page.getByRole('button', { name: 'Nghe đọc' }).click();
    await saidCount(page, 1);
    await finish(page);
    await saidCount(page, 2);
    expect((await said(page))[1]!.text).toContain(SUMMARY);
    expect((await marked(page))?.className).toContain('lead');
    await context.close();
  });

  it('pauses, resumes from the block it paused in, and stops', async () => {
    const { page, context } = await open('vi/guides/alerts-on-android/', ['vi-VN']);
    // The button's icon follows its state: a speaker, Pause while reading, Resume when paused.
    const icon = () => page.locator('.page-tools .listen path').getAttribute('d');
    const speaker = await icon();
    await page.getByRole('button', { name: 'Nghe đọc' }).click();
    const pauseIcon = await icon();
    expect(pauseIcon).not.toBe(speaker);
    const stop = page.getByRole('button', { name: 'Dừng đọc' });
    expect(await stop.isVisible()).toBe(true);
    await saidCount(page, 1);
    await finish(page);
    await saidCount(page, 2);
    await finish(page);
    await saidCount(page, 3);

    // Pause: the voice is silenced, the block stays marked, and nothing more is said.
    const before = await cancels(page);
    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    const resume = page.getByRole('button', { name: 'Đọc tiếp' });
    await resume.waitFor();
    expect([speaker, pauseIcon]).not.toContain(await icon());
    expect(await cancels(page)).toBeGreaterThan(before);
    expect((await marked(page))?.text).toContain(ANDROID_GUIDE[2]);
    await page.waitForTimeout(300);
    expect(await said(page)).toHaveLength(3);

    // Resume: the paused block again, then on.
    await resume.click();
    await saidCount(page, 4);
    const [, , paused, again] = await said(page);
    expect(again!.text).toBe(paused!.text);
    await page.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    await finish(page);
    await saidCount(page, 5);
    expect((await said(page))[4]!.text).toContain(ANDROID_GUIDE[3]);

    // Stop: silence, no mark, the Listen button back with the focus, and nothing more said.
    await stop.click();
    await page.getByRole('button', { name: 'Nghe đọc' }).waitFor();
    expect(await icon()).toBe(speaker);
    expect(await marked(page)).toBeNull();
    expect(await stop.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('listen'))).toBe(true);
    await page.waitForTimeout(300);
    expect(await said(page)).toHaveLength(5);

    // Listening again starts from the title.
    await page.getByRole('button', { name: 'Nghe đọc' }).click();
    await saidCount(page, 6);
    expect((await said(page))[5]!.text).toContain(ANDROID_GUIDE[0]);
    await context.close();
  });

  it('on a guide with a section per phone, reads only the section shown', async () => {
    const { page, context } = await open('vi/guides/household-registration/', ['vi-VN']);
    await page.locator('.platform-choice a[data-platform="ios"]').click();
    await page.getByRole('button', { name: 'Nghe đọc' }).click();
    const texts: string[] = [];
    for (let i = 0; ; i++) {
      await page.waitForFunction(
        (n) => (window as unknown as { __speech: { said: Said[] } }).__speech.said.length > n || !document.querySelector('.reading-aloud'),
        i,
      );
      const all = await said(page);
      if (all.length <= i) break;
      texts.push(all[i]!.text);
      await finish(page);
    }
    // Title, introduction, the section's heading and its four steps.
    expect(texts).toHaveLength(7);
    expect(texts[2]).toBe('iPhone.');
    expect(texts.some((t) => t.includes('dấu +'))).toBe(true);
    expect(texts.some((t) => t.includes('Thêm người'))).toBe(false);
    await context.close();
  });

  it('reads a message too', async () => {
    const { page, context } = await open('vi/messages/know-your-route/', ['vi-VN']);
    await page.getByRole('button', { name: 'Nghe đọc' }).click();
    await saidCount(page, 1);
    expect((await said(page))[0]).toEqual({ text: 'Biết trước đường đến điểm sơ tán.', lang: 'vi', voice: 'vi-VN' });
    await finish(page);
    await saidCount(page, 2);
    expect((await marked(page))?.className).toContain('lead');
    await context.close();
  });

  it('on a page shown from a fallback, speaks the language the content is written in', async () => {
    // zh has no household guide of its own: it shows the English one.
    const { page, context } = await open('zh/guides/household-registration/', ['zh-CN', 'en-GB']);
    await page.getByRole('button', { name: '朗读' }).click();
    await saidCount(page, 1);
    expect((await said(page))[0]).toMatchObject({ lang: 'en', voice: 'en-GB' });
    await context.close();
  });

  it('with all three tools shown, passes axe (WCAG 2.2 AA), in one line of 44 px targets', async () => {
    for (const path of ['vi/guides/household-registration/', 'zh/messages/sign-up-for-warnings/']) {
      const { page, context } = await open(path, ['vi-VN', 'zh-CN', 'en-US'], { bypassCSP: true });
      await page.locator('.page-tools .listen').click();
      await page.locator('.page-tools .stop').waitFor();
      const boxes = await page.locator('.page-tools button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes, path).toHaveLength(3);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.top).toBe(boxes[0]!.top);
        expect(box.right).toBeLessThanOrEqual(360);
      }
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('Listen is absent', () => {
  it.each([
    ['without voices', 'vi/guides/alerts-on-android/', []],
    ['with voices for other languages only', 'vi/guides/alerts-on-android/', ['en-US', 'zh-CN']],
    ['on a fallback page, with voices for the reader’s language but not the content’s', 'zh/guides/household-registration/', ['zh-CN', 'vi-VN']],
  ])('%s', async (_name, path, langs) => {
    const { page, context, problems } = await open(path, langs);
    await page.waitForTimeout(200);
    expect(await page.locator('.page-tools .listen').isVisible()).toBe(false);
    // The rest of the row is there: the test does not pass for want of a script.
    expect(await page.locator('.page-tools .share').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript, with the row taking no room', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['vi/guides/alerts-on-android/', 'vi/messages/know-your-route/']) {
      await page.goto(`${site.origin}${BASE}${path}`);
      expect(await page.locator('.page-tools').count()).toBe(1);
      expect(await page.locator('.page-tools').boundingBox()).toBeNull();
      expect(await page.locator('article').getByRole('button').count()).toBe(0);
    }
    await context.close();
  });
});

describe('the page does not move', () => {
  it('as the row of tools fills in and the voices arrive late (Chromium’s layout-shift entries)', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.addInitScript(`
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    `);
    await page.addInitScript(fakeSpeech(['vi-VN']));
    for (const path of ['vi/guides/alerts-on-android/', 'vi/guides/household-registration/', 'vi/messages/know-your-route/']) {
      await page.goto(`${site.origin}${BASE}${path}`);
      await page.locator('.page-tools .listen').waitFor({ state: 'visible' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts, path).toEqual([]);
    }
    await context.close();
  });
});
