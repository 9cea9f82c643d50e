import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchClientBundle } from './client-bundle.ts';

/**
 * The in-page search script: bundled when Astro starts, its version given to pages as
 * `import.meta.env.LOA_SEARCH_VERSION`, written to `search.js` when the site is built. The
 * index it reads is built afterwards, by scripts/build.ts (see buildSearchIndex).
 */
export function search(): AstroIntegration {
  let client: { code: string; version: string };
  return {
    name: 'loa-search',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        client = await searchClientBundle();
        updateConfig({ vite: { define: { 'import.meta.env.LOA_SEARCH_VERSION': JSON.stringify(client.version) } } });
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), 'search.js'), client.code);
      },
    },
  };
}
