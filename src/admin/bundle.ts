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

/**
 * Sveltia's own dependencies that its bundle imports while it runs, from unpkg.com unless served
 * here: Immutable.js, in which it hands entries to custom fields, previews and save hooks (Loa's
 * `follows` and Draft fields and preview, src/admin/editor/), and Turndown, which turns formatted
 * text pasted into a Markdown field into Markdown. npm installed both with Sveltia, in the
 * versions its package.json asks for. The others it names (maps, image conversion, SVG
 * optimisation) serve widgets Loa's editor does not offer; they are never fetched.
 */
export const EDITOR_MODULES = [
  { name: 'immutable', file: 'dist/immutable.es.js' },
  { name: 'turndown', file: 'lib/turndown.browser.es.js' },
] as const;

/** Where the bundle looks for a dependency module, in its own words: unpkg.com, then the package name and version. */
const UNPKG_MODULE = 'https://unpkg.com/${e}';

/** A module of EDITOR_MODULES with the path the bundle asks for under admin/modules/ (`immutable@5.1.9/dist/immutable.es.js`) and its installed file. */
export function editorModules(): { path: string; installed: string }[] {
  const manifest = join(dirname(sveltiaBundlePath()), '..', 'package.json');
  const wanted = (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  return EDITOR_MODULES.map(({ name, file }) => ({
    // As the bundle spells the version: the range in its package.json without its leading ^ or ~.
    path: `${name}@${wanted[name]!.replace(/^\D/, '')}/${file}`,
    installed: join(dirname(require.resolve(`${name}/package.json`, { paths: [dirname(sveltiaBundlePath())] })), file),
  }));
}

/** React DOM, which the bundle loads from its own folder (chunks/react-dom.js beside the script) to draw custom fields and previews. */
export function reactDomChunkPath(): string {
  return join(dirname(sveltiaBundlePath()), 'chunks', 'react-dom.js');
}

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
 * pointing to the copies under `fontsBase` (admin/fonts/ of the site) and its modules imported
 * from `modulesBase` (admin/modules/, see EDITOR_MODULES) instead of unpkg.com. A new Sveltia
 * version that loads them otherwise fails the build here rather than sending editors to a CDN.
 */
export function sveltiaBundle(fontsBase: string, modulesBase: string): string {
  let code = readFileSync(sveltiaBundlePath(), 'utf8');
  for (const font of EDITOR_FONTS) {
    if (!code.includes(font.cdn)) throw new Error(`The Sveltia CMS bundle no longer loads ${font.cdn}: update EDITOR_FONTS in src/admin/bundle.ts`);
    code = code.replaceAll(font.cdn, `${fontsBase}${font.file}`);
  }
  if (!code.includes(`\`${UNPKG_MODULE}\``))
    throw new Error('The Sveltia CMS bundle no longer imports its modules from unpkg.com as expected: update EDITOR_MODULES in src/admin/bundle.ts');
  return code.replaceAll(`\`${UNPKG_MODULE}\``, `\`${modulesBase}\${e}\``);
}
