import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import { SITES, builtSite, type SiteName } from './sites.ts';

/** Chromium and a built site served on 127.0.0.1, ready once the file's tests start. */
export interface BrowserAndSite {
  browser: Browser;
  /** Where the site is served, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** The site's base path, e.g. `/campaign/`. */
  base: string;
  /** The built site's folder. */
  dir: string;
}

/** Builds a site if this run has not yet, serves it under its base and starts Chromium for one test file; stops both after it. */
export function browserAndSite(name: SiteName): BrowserAndSite {
  const env = { base: SITES[name].base, dir: builtSite(name) } as BrowserAndSite;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    env.browser = await launchBrowser();
    site = await serve(env.dir, env.base);
    env.origin = site.origin;
  });
  afterAll(async () => {
    await env.browser?.close();
    await site?.close();
  });
  return env;
}
