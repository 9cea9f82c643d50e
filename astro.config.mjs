// @ts-check
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { loaBodyPlugin } from './src/markdown/satteri-plugin.ts';
import { loadSiteConfig } from './src/model/site-config.ts';
import { siteDir } from './src/lib/site-dir.ts';

const dir = siteDir();
const { site, base } = loadSiteConfig(dir);
// Each site folder gets its own cache, so fixture sites never share content data.
const cacheKey = createHash('sha256').update(dir).digest('hex').slice(0, 10);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  publicDir: join(dir, 'public'),
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 2 },
  markdown: { processor: satteri({ hastPlugins: [loaBodyPlugin] }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  image: { responsiveStyles: false },
});
