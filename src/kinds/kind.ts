import type { z } from 'astro/zod';
import type { UiKey } from '../i18n/ui-strings.ts';

/**
 * One kind of page editors write (guides, messages, …), declared once in a folder of its own
 * under src/kinds/ and registered in src/kinds/index.ts: its folder, its fields, how its lists are
 * ordered, what its feed items carry and which pages it has. Plain data and functions, so that
 * the content check (plain Node) and the pages (Astro) read the same declaration.
 */
export interface PageKind<Folder extends string = string, Schema extends z.ZodType = z.ZodType> {
  /** Its folder under each locale, and its pages' URL segment: `guides`. Also its list's label (UI string). */
  folder: Folder;
  /** One of them, in messages to editors, search filters (`type:guide`) and `npm run new -- guide`: `guide`. */
  noun: string;
  /** Its front matter's fields, `pageFields` among them. */
  schema: Schema;
  /** The introduction of its list page (a UI string). */
  intro: UiKey;
  /** The order of its lists and feeds. */
  compare(a: { slug: string; data: z.output<Schema> }, b: { slug: string; data: z.output<Schema> }): number;
  /**
   * How many of its pages, first in its order, its feeds hold; every page when absent. A feed
   * that portals poll every few minutes should carry what is new, not the whole archive, which
   * the list page and the sitemap hold.
   */
  feedItems?: number;
  /** The day (YYYY-MM-DD) its feed items carry, if it has one. */
  date(data: z.output<Schema>): string | undefined;
  /**
   * Its routes: URL pattern → Astro page or endpoint file in the kind's folder, added by the
   * integration. A route with `/[slug]` shows one page of the kind each (a page, or a file such as
   * a broadcast text) and lists its paths with entryPagePaths (src/lib/entry-paths.ts): a rebuild
   * renders only those whose inputs changed.
   */
  routes: Record<string, string>;
  /** A new page's fields (title aside) and body, valid as they are, for `npm run new -- <noun> <slug>`; `pages` are the site's. */
  starter(pages: readonly { kind: string; data: object }[], today: string): { data: Record<string, unknown>; body: string };
}

/** Declares a kind of page, keeping its folder's name as a type. */
export function pageKind<const Folder extends string, Schema extends z.ZodType>(kind: PageKind<Folder, Schema>): PageKind<Folder, Schema> {
  return kind;
}
