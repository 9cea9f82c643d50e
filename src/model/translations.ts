import { createHash } from 'node:crypto';
import type { ContentEntry, LoadedContent } from './load-content.ts';
import type { Kind } from '../kinds/index.ts';
import { FINGERPRINT_LENGTH, fingerprintText } from './fingerprint.ts';

/** Where a page stands in one locale; `draft` is written but not published (`draft: true`), shown so translators see it. */
export type TranslationState = 'source' | 'current' | 'outdated' | 'unknown' | 'missing' | 'draft';

/** One page (kind and slug) across all locales. */
export interface TranslationRow {
  kind: Kind;
  slug: string;
  /** The locale the page is translated from: the default locale when it has the page. */
  source: string;
  states: Record<string, TranslationState>;
}

/** What the status needs of a page: where it is, its front matter and its text. */
export type PageText = Pick<ContentEntry, 'kind' | 'locale' | 'slug' | 'data' | 'body'>;

/** The translation status of a whole site. */
export interface TranslationReport {
  locales: string[];
  rows: TranslationRow[];
  /** Per locale, how many pages are in each state. */
  counts: Record<string, Record<TranslationState, number>>;
}

/**
 * A short fingerprint of what a translation follows: the source page's title, summary and
 * body. When the source changes, translations recording an older fingerprint are outdated.
 */
export function fingerprint(entry: Pick<ContentEntry, 'data' | 'body'>): string {
  const text = fingerprintText({ title: entry.data.title, summary: entry.data.summary, body: entry.body });
  return createHash('sha256').update(text).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * Compares every translation with its source: current when it records the source's present
 * fingerprint (`follows:`), outdated when it records an older one, unknown when it records none.
 * Drafts count as drafts, never as published; the source is the first published page along the
 * default locale and the site's order (a draft only when no locale has the page published).
 */
export function translationReport(
  content: { entries: readonly PageText[]; drafts?: readonly PageText[] } & Pick<LoadedContent, 'locales' | 'settings'>,
): TranslationReport {
  const locales = content.locales.map((l) => l.code);
  const order = [content.settings?.defaultLocale ?? locales[0]!, ...locales];
  const pages = new Map<string, Map<string, PageText>>();
  const drafts = new Set(content.drafts ?? []);
  for (const entry of [...content.entries, ...drafts]) {
    const key = `${entry.kind}/${entry.slug}`;
    if (!pages.has(key)) pages.set(key, new Map());
    pages.get(key)!.set(entry.locale, entry);
  }
  const counts = Object.fromEntries(locales.map((l) => [l, { source: 0, current: 0, outdated: 0, unknown: 0, missing: 0, draft: 0 }]));
  const rows: TranslationRow[] = [];
  for (const [key, byLocale] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
    const source = order.find((l) => byLocale.has(l) && !drafts.has(byLocale.get(l)!)) ?? order.find((l) => byLocale.has(l))!;
    const current = fingerprint(byLocale.get(source)!);
    const states: Record<string, TranslationState> = {};
    for (const locale of locales) {
      const entry = byLocale.get(locale);
      const follows = entry?.data.follows;
      states[locale] =
        entry && drafts.has(entry)
          ? 'draft'
          : locale === source
            ? 'source'
            : !entry
              ? 'missing'
              : !follows
                ? 'unknown'
                : follows === current
                  ? 'current'
                  : 'outdated';
      counts[locale]![states[locale]]++;
    }
    const [kind, slug] = key.split('/') as [Kind, string];
    rows.push({ kind, slug, source, states });
  }
  return { locales, rows, counts };
}
