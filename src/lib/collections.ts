import { getCollection, type CollectionEntry } from 'astro:content';
import { resolvePages, type ResolvedPage } from './pages.ts';
import { getSite } from './site.ts';

export type Guide = CollectionEntry<'guides'>;
export type Message = CollectionEntry<'messages'>;

/** A collection entry with the locale and slug read from its path (`vi/guides/x`). */
export interface Located<E> {
  locale: string;
  slug: string;
  entry: E;
}

function locate<E extends { id: string }>(entry: E): Located<E> {
  const parts = entry.id.split('/');
  return { locale: parts[0]!, slug: parts[parts.length - 1]!, entry };
}

/** Guides in reading order: by `order`, then by title. */
export function sortGuides<E extends { entry: Guide }>(guides: E[]): E[] {
  return guides.sort((a, b) => (a.entry.data.order ?? 1e9) - (b.entry.data.order ?? 1e9) || a.entry.data.title.localeCompare(b.entry.data.title));
}

/** Messages newest first. */
export function sortMessages<E extends { slug: string; entry: Message }>(messages: E[]): E[] {
  return messages.sort((a, b) => b.entry.data.date.localeCompare(a.entry.data.date) || a.slug.localeCompare(b.slug));
}

/** Every guide page of every locale, fallbacks included. */
export async function guidePages(): Promise<ResolvedPage<Located<Guide>>[]> {
  return resolvePages((await getCollection('guides')).map(locate), getSite().locales);
}

/** Every message page of every locale, fallbacks included. */
export async function messagePages(): Promise<ResolvedPage<Located<Message>>[]> {
  return resolvePages((await getCollection('messages')).map(locate), getSite().locales);
}
