import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';

/** Lighthouse's four category scores (0–100) for pages of a built site, with its mobile preset. */
export async function lighthouseScores(dist: string, paths: string[]): Promise<Record<string, Record<string, number>> | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const server = await serve(dist, '/');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const path of paths) {
      const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      const categories = result?.lhr.categories ?? {};
      scores[path] = Object.fromEntries(Object.values(categories).map((c) => [c.title, Math.round((c.score ?? 0) * 100)]));
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return scores;
}
