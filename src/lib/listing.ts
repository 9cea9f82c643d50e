import { guidePages, messagePages, sortGuides, sortMessages } from './collections.ts';

/** The guides shown in a locale, own or fallback, in reading order. */
export async function guidesIn(locale: string) {
  const pages = (await guidePages()).filter((p) => p.locale === locale);
  return sortGuides(pages.map((p) => ({ slug: p.slug, entry: p.entry.entry, shown: p.entry.locale })));
}

/** The messages shown in a locale, own or fallback, newest first. */
export async function messagesIn(locale: string) {
  const pages = (await messagePages()).filter((p) => p.locale === locale);
  return sortMessages(pages.map((p) => ({ slug: p.slug, entry: p.entry.entry, shown: p.entry.locale })));
}
