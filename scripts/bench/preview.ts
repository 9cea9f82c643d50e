import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../src/build/chromium.ts';
import { startPreview } from '../../src/build/preview-server.ts';

/** What the live preview costs an editor: seconds to start, and seconds from a saved edit to the open page showing it. */
export interface PreviewFigures {
  startSeconds: number;
  /** Median of several edits. */
  editSeconds: number;
}

/**
 * Starts the live preview of a site folder, opens the guide page at `path` (its Markdown file is
 * `file`, whose title line it edits) in Chromium, and times saved edits until the page shows
 * them: the time an editor waits, file watching, checking, rendering and the reload included.
 * Undefined without Chromium.
 */
export async function measurePreview(siteDir: string, file: string, path: string, edits = 5): Promise<PreviewFigures | undefined> {
  const browser = await launchBrowser().catch(() => undefined);
  if (!browser) return undefined;
  const original = readFileSync(file, 'utf8');
  const started = performance.now();
  const preview = await startPreview(siteDir);
  try {
    const page = await browser.newPage();
    await page.goto(preview.origin + path);
    const startSeconds = (performance.now() - started) / 1000;
    const times: number[] = [];
    for (let i = 1; i <= edits; i++) {
      const title = `Edited title ${i}`;
      const before = performance.now();
      writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
      await page.waitForFunction((wanted) => document.querySelector('h1')?.textContent === wanted, title, { timeout: 60_000 });
      times.push((performance.now() - before) / 1000);
    }
    times.sort((a, b) => a - b);
    return { startSeconds, editSeconds: times[Math.floor(times.length / 2)]! };
  } finally {
    writeFileSync(file, original);
    await preview.stop();
    await browser.close();
  }
}

/** The Markdown file of a guide in a site folder: `content/<locale>/guides/<slug>.md`. */
export const guideFile = (siteDir: string, locale: string, slug: string) => join(siteDir, 'content', locale, 'guides', `${slug}.md`);
