/**
 * Topics of messages: declared once in `content/site.yaml` with a label per locale, used by slug
 * in a message's `topics:`, and shown to readers by their label in their own language (message
 * pages, feeds, the search filter). The check is check-topics.ts.
 */
import type { LocalizedText } from '../../model/schemas.ts';

/** The declared topics: slug → label, one text for every locale or one per locale. */
export type Topics = Record<string, LocalizedText>;

/** A topic's label for a reader, and the locale it is written in (undefined for one text used by every locale). */
export interface TopicLabel {
  text: string;
  lang?: string;
}

/**
 * The label of a topic for a reader whose locale has `chain`: the first locale of the chain with
 * a label. The check makes sure the default locale, the end of every chain, has one; the slug
 * stands in only for content that was never checked.
 */
export function topicLabel(topics: Topics | undefined, slug: string, chain: readonly string[]): TopicLabel {
  const label = topics && Object.hasOwn(topics, slug) ? topics[slug] : undefined;
  if (typeof label === 'string') return { text: label };
  for (const code of chain) if (label && Object.hasOwn(label, code)) return { text: label[code]!, lang: code };
  return { text: slug };
}

/** The labels of a page's topics for a reader, for feeds (`<category>`, `tags`); none for a kind of page without topics. */
export function topicTags(data: object, topics: Topics | undefined, chain: readonly string[]): string[] {
  const slugs = 'topics' in data && Array.isArray(data.topics) ? (data.topics as string[]) : [];
  return slugs.map((slug) => topicLabel(topics, slug, chain).text);
}
