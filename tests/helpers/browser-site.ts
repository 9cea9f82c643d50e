import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { outDir, type SiteName } from './sites.ts';

/** Chromium and a built site served on 127.0.0.1, ready once the file's tests start. */
export interface BrowserAndSite {
  browser: Browser;
  /** Where the site is served, e.g. `http://127.0.0.1:40123`. */
  origin: string;
}

/** Starts Chromium and serves a built site under `base` for one test file; stops both after it. */
export function browserAndSite(name: SiteName, base: string): BrowserAndSite {
  const env = {} as BrowserAndSite;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    env.browser = await launchBrowser();
    site = await serve(outDir(name), base);
    env.origin = site.origin;
  });
  afterAll(async () => {
    await env.browser?.close();
    await site?.close();
  });
  return env;
}
