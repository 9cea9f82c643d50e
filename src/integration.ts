import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import mdx from '@astrojs/mdx';
import { buildCacheDir } from './lib/engine-version.ts';
import { keepSiteContent, siteContent } from './lib/site-content.ts';
import { siteDir } from './lib/site-dir.ts';
import { bodyMarkdown } from './markdown/satteri-plugin.ts';
import { loadContent } from './model/load-content.ts';
import { formatProblems } from './model/problems.ts';
import { searchClientBundle } from './search/client-bundle.ts';
import { livePreview } from './dev/live-preview.ts';
import { KINDS } from './kinds/index.ts';

/**
 * Loa as one Astro integration, so that the live preview (`astro dev`) and the build read the
 * same content and settings and render the same pages: it loads and checks the content, sets
 * the site address and base path from the settings, and adds the Markdown processor, MDX and the
 * in-page search script. In the live preview it also watches the content (see livePreview).
 */
export default function loa(): AstroIntegration {
  let search: { code: string; version: string };
  let restartMarker = '';
  return {
    name: 'loa',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, addWatchFile, injectRoute }) => {
        const dir = siteDir();
        process.env.LOA_SITE_DIR = dir; // for the pages, bundled apart from this module
        // The build has loaded and checked the content already (scripts/build-pages.ts); the
        // live preview loads it anew at every start, a restart included.
        if (command === 'dev') keepSiteContent(loadContent(dir));
        const content = siteContent();
        if (command === 'build' && (content.problems.length || !content.settings)) throw new Error(formatProblems(content.problems));
        search = await searchClientBundle();
        const cacheDir = buildCacheDir(dir);
        restartMarker = join(cacheDir, 'restart-preview');
        addWatchFile(restartMarker);
        // Each kind of page brings its own pages (src/kinds/<kind>/).
        for (const kind of KINDS)
          for (const [pattern, file] of Object.entries(kind.routes))
            injectRoute({ pattern, entrypoint: new URL(`./kinds/${kind.noun}/${file}`, import.meta.url), prerender: true });
        updateConfig({
          // Without valid settings the live preview still starts, to show what is wrong.
          site: content.settings?.site ?? 'http://localhost/',
          base: content.settings?.base ?? '/',
          trailingSlash: 'always',
          // Folders as URLs: Astro has resolved its configuration before integrations change it.
          publicDir: pathToFileURL(join(dir, 'public/')),
          // Each site folder keeps its own cache, so fixture and benchmark sites never share it, and
          // each version of the engine its own, so changed code never reuses what older code made.
          cacheDir: pathToFileURL(`${cacheDir}/`),
          build: { format: 'directory', inlineStylesheets: 'never', concurrency: 32 },
          // Markdown bodies are read once by src/markdown/read-body.ts; MDX ones are compiled by
          // Astro with this processor, which shapes them the same way.
          markdown: { processor: bodyMarkdown, syntaxHighlight: false },
          vite: {
            resolve: { alias: { '@loa-content': join(dir, 'content') } },
            define: {
              'import.meta.env.LOA_SEARCH_VERSION': JSON.stringify(search.version),
              // The build cache, for what pages keep there (poster fonts).
              'import.meta.env.LOA_CACHE_DIR': JSON.stringify(cacheDir),
            },
            // A bundled script is always a file of its own, never inlined into its page: the web
            // editor's policy allows scripts from the site only (src/admin/security-policy.ts).
            build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) },
          },
          integrations: [mdx()],
          devToolbar: { enabled: false },
          image: { responsiveStyles: false },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        livePreview({ server, logger, siteDir: siteDir(), searchScript: search.code, restartMarker });
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), 'search.js'), search.code);
      },
    },
  };
}
