import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from './build-index.ts';
import { searchClientBundle } from './client-bundle.ts';

/**
 * Search for the built site: bundles the in-page search script (written to `search.js`, its
 * version given to pages as `import.meta.env.LOA_SEARCH_VERSION`) and builds the Pagefind index
 * when Astro has written the site. Any error fails the build.
 */
export function search(): AstroIntegration {
  let base = '/';
  let client: { code: string; version: string };
  return {
    name: 'loa-search',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        client = await searchClientBundle();
        updateConfig({ vite: { define: { 'import.meta.env.LOA_SEARCH_VERSION': JSON.stringify(client.version) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        writeFileSync(join(fileURLToPath(dir), 'search.js'), client.code);
        const started = performance.now();
        const { pages, errors } = await buildSearchIndex(fileURLToPath(dir), base);
        if (errors.length) throw new Error(`The search index could not be built:\n${errors.join('\n')}`);
        logger.info(`Search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
