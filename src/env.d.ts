// Astro's types for import.meta.env and import.meta.glob, also before `astro sync` has written .astro/ (a fresh clone: ESLint's type-aware rules need them).
/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Version of the in-page search script, set by Loa's integration (src/integration.ts). */
  readonly LOA_SEARCH_VERSION: string;
  /** The site's build cache (`node_modules/.astro/<engine version>/`), set by the same integration. */
  readonly LOA_CACHE_DIR: string;
}

// subset-font ships no types: the one call poster fonts make (src/fonts/poster-fonts.ts).
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options: { targetFormat: 'woff2' | 'woff' | 'truetype' | 'sfnt' }): Promise<Buffer>;
}
