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

let guides: Promise<ResolvedPage<Located<Guide>>[]> | undefined;
let messages: Promise<ResolvedPage<Located<Message>>[]> | undefined;

/** Every guide page of every locale, fallbacks included (worked out once per build). */
export function guidePages(): Promise<ResolvedPage<Located<Guide>>[]> {
  guides ??= getCollection('guides').then((entries) => resolvePages(entries.map(locate), getSite().locales));
  return guides;
}

/** Every message page of every locale, fallbacks included (worked out once per build). */
export function messagePages(): Promise<ResolvedPage<Located<Message>>[]> {
  messages ??= getCollection('messages').then((entries) => resolvePages(entries.map(locate), getSite().locales));
  return messages;
}
