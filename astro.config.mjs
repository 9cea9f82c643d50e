// @ts-check
// Everything Loa needs is set by its integration (src/integration.ts), from the site's own
// settings (content/site.yaml), so that the live preview and the build are configured alike.
import { defineConfig } from 'astro/config';
import loa from './src/integration.ts';

export default defineConfig({
  integrations: [loa()],
});
