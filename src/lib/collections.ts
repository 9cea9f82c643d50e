import type { ContentEntry } from '../model/load-content.ts';
import { resolvePages, type ResolvedPage } from './pages.ts';
import { getSite } from './site.ts';
import { siteContent } from './site-content.ts';

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

function pagesOf<K extends ContentEntry['kind']>(kind: K): ResolvedPage<Located<ContentEntry<K>>>[] {
  const entries = siteContent().entries.filter((e): e is ContentEntry<K> => e.kind === kind);
  return resolvePages(entries.map((entry) => ({ locale: entry.locale, slug: entry.slug, entry })), getSite().locales);
}

let guides: Promise<ResolvedPage<Located<Guide>>[]> | undefined;
let messages: Promise<ResolvedPage<Located<Message>>[]> | undefined;

/** Every guide page of every locale, fallbacks included (worked out once per build). */
export function guidePages(): Promise<ResolvedPage<Located<Guide>>[]> {
  guides ??= Promise.resolve(pagesOf('guides'));
  return guides;
}

/** Every message page of every locale, fallbacks included (worked out once per build). */
export function messagePages(): Promise<ResolvedPage<Located<Message>>[]> {
  messages ??= Promise.resolve(pagesOf('messages'));
  return messages;
}
