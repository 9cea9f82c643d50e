import { isAbsolute, join, relative } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { buildCacheDir } from '../lib/engine-version.ts';
import { keepSiteContent, siteContent } from '../lib/site-content.ts';
import { loadContent } from '../model/load-content.ts';
import { formatProblems } from '../model/problems.ts';
import { previewRoutes } from './preview-routes.ts';

/** What the live preview needs from the integration. */
export interface LivePreviewOptions {
  server: ViteDevServer;
  logger: AstroIntegrationLogger;
  siteDir: string;
  /** The in-page search script, served at `<base>search.js` as the build writes it. */
  searchScript: string;
  /** A file Astro restarts the preview for (see addWatchFile): the site address or base path changed. */
  restartMarker: string;
}

/**
 * The live preview (`npm run dev`): watches the site's content/, loads and checks it again after
 * every saved edit, and reloads the open pages, which then show the new content, or every
 * problem found in it until it is fixed. It also serves what the build makes after the pages:
 * the search script and index, and share images.
 */
export function livePreview({ server, logger, siteDir, searchScript, restartMarker }: LivePreviewOptions): void {
  const contentDir = join(siteDir, 'content');
  // The address and base path Astro was started with: it restarts when they change.
  const served = { site: siteContent().settings?.site ?? 'http://localhost/', base: siteContent().settings?.base ?? '/' };
  let version = 0;
  report(logger, 0);
  server.watcher.add(contentDir);

  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    const inside = relative(contentDir, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
    // An editor's save can be several file events: one reload for all of them.
    clearTimeout(timer);
    timer = setTimeout(reload, 25);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir']) server.watcher.on(event, changed);

  function reload() {
    const began = performance.now();
    const content = loadContent(siteDir);
    keepSiteContent(content);
    version++;
    const settings = content.settings;
    if (settings && (settings.site !== served.site || settings.base !== served.base)) {
      logger.info('The site address or base path changed: restarting the preview.');
      server.watcher.emit('change', restartMarker);
      return;
    }
    report(logger, performance.now() - began);
    // Astro keeps each route's pages until told the content changed; then the open pages reload.
    for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
    server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  }

  server.middlewares.use(
    previewRoutes({
      base: served.base,
      searchScript,
      shareCacheDir: join(buildCacheDir(siteDir), 'share-images'),
      version: () => version,
      origin: () => {
        const address = server.httpServer?.address();
        return address && typeof address === 'object' ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : '';
      },
    }),
  );
}

/** Prints the state of the content in the terminal: the same problems `npm run check` prints. */
function report(logger: AstroIntegrationLogger, ms: number): void {
  const content = siteContent();
  if (content.problems.length) logger.error(`\n${formatProblems(content.problems)}\nThe preview shows these problems until they are fixed.`);
  else if (ms > 0) logger.info(`Content reloaded: ${content.entries.length} pages, checked in ${Math.round(ms)} ms.`);
}
