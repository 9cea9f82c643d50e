import type { ContentEntry } from '../model/load-content.ts';
import type { Located } from './collections.ts';
import type { ResolvedPage } from './pages.ts';
import { inThisShard } from './shard.ts';

type EntryPage = ResolvedPage<Located<ContentEntry>>;

// One slot per process, shared by the build script and the bundled pages (see site-content.ts).
const SLOT = Symbol.for('loa.reused-pages');
type Holder = { [SLOT]?: ReadonlySet<string> };

/** A page of one entry, as the build's reuse of unchanged pages names it: `vi/guides/install-app`. */
export const entryPageId = (kind: string, locale: string, slug: string) => `${locale}/${kind}/${slug}`;

/**
 * The output file of a kind's one-entry route for one page, inside dist/: a page's route
 * (`/[locale]/guides/[slug]`, an .astro file) gives a folder with an index.html,
 * `vi/guides/install-app/index.html`; an endpoint's (`/[locale]/messages/[slug].txt`) the file itself.
 */
export const entryPageFile = (pattern: string, locale: string, slug: string, isPage: boolean) => {
  const path = pattern.replace('[locale]', locale).replace('[slug]', slug).replace(/^\//, '');
  return isPage ? `${path}/index.html` : path;
};

/**
 * Tells the pages which entry pages the build takes unchanged from the previous dist/ (see
 * src/build/reuse-pages.ts), so that Astro does not render them again.
 */
export function keepReusedPages(ids: ReadonlySet<string>): void {
  (globalThis as Holder)[SLOT] = ids;
}

/**
 * The paths of a kind's one-entry route (`/[locale]/guides/[slug]`): every page of the kind in
 * the locales this build renders, but those it reuses from the previous dist/. The live preview
 * renders them all.
 */
export function entryPagePaths<P extends EntryPage>(pages: readonly P[]): { params: { locale: string; slug: string }; props: { page: P } }[] {
  const reused = (globalThis as Holder)[SLOT];
  return inThisShard(
    pages
      .filter((page) => !reused?.has(entryPageId(page.entry.entry.kind, page.locale, page.slug)))
      .map((page) => ({ params: { locale: page.locale, slug: page.slug }, props: { page } })),
  );
}
