import { FINGERPRINT_LENGTH, fingerprintText } from '../../model/fingerprint.ts';

/** A page's texts as the editor holds them: front-matter fields and the Markdown body. */
export type PageData = Record<string, unknown>;

/**
 * The fingerprint `npm run translations` computes (src/model/translations.ts), with the
 * browser's SHA-256, so a translation saved in the editor records the source it follows.
 */
export async function pageFingerprint(page: PageData): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(fingerprintText(page)));
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, FINGERPRINT_LENGTH);
}

/** Whether a page has any text yet: a new entry, or a locale just added to one, has none. */
export function hasText(page: PageData | undefined): boolean {
  return Boolean(page && fingerprintText(page).trim());
}

/**
 * The locale a page's translations are written from, as `npm run translations` picks it: the
 * first in the site's order (default locale first) that has the page published, else the first
 * that has it at all.
 */
export function sourceLocale(pages: Record<string, PageData | undefined>, order: readonly string[]): string | undefined {
  const present = order.filter((locale) => hasText(pages[locale]));
  return present.find((locale) => pages[locale]!.draft !== true) ?? present[0];
}
