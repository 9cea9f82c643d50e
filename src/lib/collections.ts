import type { ContentEntry } from '../model/load-content.ts';
import { kindOf, KINDS, type Kind } from '../kinds/index.ts';
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

/** Every page of every kind in every locale, fallbacks included (worked out once per content). */
const allPages = perContent((content) => {
  const byKind = new Map<Kind, ResolvedPage<Located<ContentEntry>>[]>();
  for (const { folder } of KINDS) {
    const entries = content.entries.filter((e) => e.kind === folder);
    byKind.set(
      folder,
      resolvePages(
        entries.map((entry) => ({ locale: entry.locale, slug: entry.slug, entry })),
        getSite().locales,
      ),
    );
  }
  return byKind;
});

/** Every page of one kind in every locale, fallbacks included. */
export function kindPages<K extends Kind>(kind: K): Promise<ResolvedPage<Located<ContentEntry<K>>>[]> {
  return Promise.resolve(allPages().get(kind) as unknown as ResolvedPage<Located<ContentEntry<K>>>[]);
}

/** Every guide page of every locale, fallbacks included. */
export const guidePages = () => kindPages('guides');

/** Every message page of every locale, fallbacks included. */
export const messagePages = () => kindPages('messages');

/** The pages of a kind shown in a locale, own or fallback, in the kind's order; `shown` is the locale they are written in. */
export async function pagesIn<K extends Kind>(kind: K, locale: string): Promise<{ slug: string; entry: ContentEntry<K>; shown: string }[]> {
  const declaration = kindOf(kind);
  const pages = (await kindPages(kind)).filter((p) => p.locale === locale).map((p) => ({ slug: p.slug, entry: p.entry.entry, shown: p.entry.locale }));
  return pages.sort((a, b) => declaration.compare({ slug: a.slug, data: a.entry.data }, { slug: b.slug, data: b.entry.data }));
}
