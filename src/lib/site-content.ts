import { loadContent, type LoadedContent } from '../model/load-content.ts';
import { siteDir } from './site-dir.ts';

// One slot per process. Vite bundles the pages apart from the build script, so a module-level
// variable would be a different one for each; a registered symbol on globalThis is shared.
const SLOT = Symbol.for('loa.site-content');
type Holder = { [SLOT]?: LoadedContent };

/** Keeps content the build script has loaded and checked, so the pages use it instead of reading every file again. */
export function keepSiteContent(content: LoadedContent): void {
  (globalThis as Holder)[SLOT] = content;
}

/** The site's content: what the build script kept, or else loaded from the site folder once. */
export function siteContent(): LoadedContent {
  const holder = globalThis as Holder;
  holder[SLOT] ??= loadContent(siteDir());
  return holder[SLOT];
}
