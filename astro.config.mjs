// @ts-check
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { bodyMarkdown } from './src/markdown/satteri-plugin.ts';
import { loadSiteConfig } from './src/model/site-config.ts';
import { siteDir } from './src/lib/site-dir.ts';
import { buildCacheDir } from './src/lib/engine-version.ts';
import { search } from './src/search/integration.ts';

const dir = siteDir();
const { site, base } = loadSiteConfig(dir);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  publicDir: join(dir, 'public'),
  // Each site folder keeps its own cache, so fixture and benchmark sites never share it, and
  // each version of the engine its own, so changed code never reuses what older code made.
  cacheDir: buildCacheDir(dir),
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 32 },
  // Bodies are rendered by src/markdown/render-body.ts (MDX ones by Astro) with the same processor.
  markdown: { processor: bodyMarkdown, syntaxHighlight: false },
  vite: { resolve: { alias: { '@loa-content': join(dir, 'content') } } },
  integrations: [mdx(), search()],
  devToolbar: { enabled: false },
  image: { responsiveStyles: false },
});
