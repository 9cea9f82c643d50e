import { createHash } from 'node:crypto';
import { transform } from 'esbuild';
import source from './sw.js?raw';
import siteCss from '../styles/site.css?raw';
import type { SiteSettings } from '../model/schemas.ts';

/** True unless the settings turn offline reading off (`offline: false`, the kill switch). */
export function offlineReading(settings: Pick<SiteSettings, 'offline'>): boolean {
  return settings.offline !== false;
}

/**
 * The service worker published in place of Loa's when offline reading is turned off: it deletes
 * every cache Loa's worker made and unregisters itself, so that readers' phones are back to
 * plain pages at their next visit (browsers look for a new sw.js at every visit).
 */
export const REMOVING_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('loa-')).map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  ),
);
`;

/**
 * The text of `<base>sw.js` for a site served at `base`, minified: Loa's worker (sw.js) with the site's base path
 * and locales, and a version that changes with the worker's code, the stylesheet pages carry and
 * those settings (its cache is named by it; older ones are emptied into it, then deleted); or,
 * with offline reading turned off, the worker that removes itself. Minified by esbuild's service,
 * which the build has started already: its synchronous API would start a process of its own.
 */
export async function serviceWorkerScript(settings: Pick<SiteSettings, 'offline' | 'locales'>, base: string): Promise<string> {
  if (!offlineReading(settings)) return (await transform(REMOVING_WORKER, { minify: true })).code;
  const config = { base, locales: settings.locales.map((l) => l.code) };
  const version = createHash('sha256').update(source).update(siteCss).update(JSON.stringify(config)).digest('hex').slice(0, 12);
  const code = `const LOA = ${JSON.stringify({ version, ...config })};\n${source}`;
  return (await transform(code, { minify: true, target: 'es2020' })).code;
}
