import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/build/chromium.ts';
import { serve } from '../../src/build/static-server.ts';
import type { BrowserAndSite } from './browser-site.ts';
import { siteHeaders } from './host-headers.ts';
import { SITES, builtSite, type SiteName } from './sites.ts';

/** Chromium, a built site served as its host would serve it, and a portal on another origin. */
export interface SiteAndPortal extends BrowserAndSite {
  /** The headers of the site's own _headers file, which every answer carries. */
  headers: Record<string, string>;
  /** An empty folder a test writes a portal's page into (one that frames or embeds the site's). */
  portalDir: string;
  /** Where the portal folder is served: another port, so another origin than the site's. */
  portalOrigin: string;
}

/**
 * For one test file: builds a site if this run has not yet, serves it under its base with the
 * headers of its _headers file (so the Content-Security-Policy is the one a host would send),
 * serves a portal folder on another origin and starts Chromium; stops all three and removes
 * the portal folder after it. Tests of how pages behave beside another site use it.
 */
export function siteAndPortal(name: SiteName): SiteAndPortal {
  const dir = builtSite(name);
  const env = { base: SITES[name].base, dir, headers: siteHeaders(dir), portalDir: mkdtempSync(join(tmpdir(), 'loa-portal-')) } as SiteAndPortal;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  let portal: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    env.browser = await launchBrowser();
    site = await serve(env.dir, env.base, env.headers);
    env.origin = site.origin;
    portal = await serve(env.portalDir);
    env.portalOrigin = portal.origin;
  });
  afterAll(async () => {
    await env.browser?.close();
    await site?.close();
    await portal?.close();
    rmSync(env.portalDir, { recursive: true, force: true });
  });
  return env;
}
