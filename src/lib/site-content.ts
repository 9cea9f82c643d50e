import { loadContent, type LoadedContent } from '../model/load-content.ts';
import { siteDir } from './site-dir.ts';

// One slot per process. Vite bundles the pages apart from the build script and the integration,
// so a module-level variable would be a different one for each; a registered symbol on
// globalThis is shared.
const SLOT = Symbol.for('loa.site-content');
type Holder = { [SLOT]?: LoadedContent };

/**
 * Keeps the content that was loaded and checked, so the pages use it instead of reading every
 * file again. The live preview calls it again after each edit: everything worked out from the
 * content (see `perContent`) is then worked out anew.
 */
export function keepSiteContent(content: LoadedContent): void {
  (globalThis as Holder)[SLOT] = content;
}

/** The site's content: what was kept, or else loaded from the site folder once. */
export function siteContent(): LoadedContent {
  const holder = globalThis as Holder;
  holder[SLOT] ??= loadContent(siteDir());
  return holder[SLOT];
}

/**
 * Memoises something worked out from the content: made once per content, and made again when
 * the live preview has kept newer content.
 */
export function perContent<T>(make: (content: LoadedContent) => T): () => T {
  let made: { content: LoadedContent; value: T } | undefined;
  return () => {
    const content = siteContent();
    if (made?.content !== content) made = { content, value: make(content) };
    return made.value;
  };
}
