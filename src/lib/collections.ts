import type { ContentEntry } from '../model/load-content.ts';
import { resolvePages, type ResolvedPage } from './pages.ts';
import { getSite } from './site.ts';
import { perContent } from './site-content.ts';

export type Guide = ContentEntry<'guides'>;
export type Message = ContentEntry<'messages'>;

/** An entry with the locale and slug it belongs to. */
export interface Located<E> {
  locale: string;
  slug: string;
  entry: E;
}

/** Guides in reading order: by `order`, then by title. */
export function sortGuides<E extends { entry: Guide }>(guides: E[]): E[] {
  return guides.sort((a, b) => (a.entry.data.order ?? 1e9) - (b.entry.data.order ?? 1e9) || a.entry.data.title.localeCompare(b.entry.data.title));
}

/** Messages newest first. */
export function sortMessages<E extends { slug: string; entry: Message }>(messages: E[]): E[] {
  return messages.sort((a, b) => b.entry.data.date.localeCompare(a.entry.data.date) || a.slug.localeCompare(b.slug));
}

/** Every page of one kind in every locale, fallbacks included (worked out once per content). */
function pagesOf<K extends ContentEntry['kind']>(kind: K): () => Promise<ResolvedPage<Located<ContentEntry<K>>>[]> {
  return perContent((content) => {
    const entries = content.entries.filter((e): e is ContentEntry<K> => e.kind === kind);
    return Promise.resolve(resolvePages(entries.map((entry) => ({ locale: entry.locale, slug: entry.slug, entry })), getSite().locales));
  });
}

/** Every guide page of every locale, fallbacks included. */
export const guidePages = pagesOf('guides');

/** Every message page of every locale, fallbacks included. */
export const messagePages = pagesOf('messages');
