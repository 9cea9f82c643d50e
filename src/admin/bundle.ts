import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The fonts the editor's stylesheet loads from a CDN (jsDelivr's copy of Fontsource), each with
 * the file of the same font installed from npm, which the build serves from admin/fonts/ instead:
 * Source Sans 3 for text and Material Symbols for the icons (without it, every icon shows as its
 * name, "bookmark_manager"). Noto Mono (code fields, which Loa's editor has none of) is left to
 * the policy to block; the browser then uses its own monospace font.
 */
export const EDITOR_FONTS = [
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    file: 'source-sans-3-latin-wght-normal.woff2',
    from: '@fontsource-variable/source-sans-3',
  },
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    file: 'material-symbols-outlined-latin-wght-normal.woff2',
    from: '@fontsource-variable/material-symbols-outlined',
  },
] as const;

/** The installed Sveltia CMS script (pinned in package.json). */
export function sveltiaBundlePath(): string {
  return join(dirname(require.resolve('@sveltia/cms')), '..', 'dist', 'sveltia-cms.js');
}

/** The installed file of one of EDITOR_FONTS. */
export function editorFontPath(file: string): string {
  const font = EDITOR_FONTS.find((f) => f.file === file);
  if (!font) throw new Error(`No editor font ${file}`);
  return join(dirname(require.resolve(`${font.from}/package.json`)), 'files', font.file);
}

/**
 * The editor's script as the site serves it: the installed bundle with its CDN font addresses
 * pointing to the copies under `fontsBase` (admin/fonts/ of the site). A new Sveltia version
 * that loads other fonts fails the build here rather than sending editors to the CDN.
 */
export function sveltiaBundle(fontsBase: string): string {
  let code = readFileSync(sveltiaBundlePath(), 'utf8');
  for (const font of EDITOR_FONTS) {
    if (!code.includes(font.cdn)) throw new Error(`The Sveltia CMS bundle no longer loads ${font.cdn}: update EDITOR_FONTS in src/admin/bundle.ts`);
    code = code.replaceAll(font.cdn, `${fontsBase}${font.file}`);
  }
  return code;
}
