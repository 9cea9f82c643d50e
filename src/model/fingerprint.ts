/**
 * What a translation's `follows:` fingerprint is taken of: the source page's title, summary and
 * body. One definition for the build (translations.ts, with Node's hash) and the web editor
 * (src/admin/editor/, with the browser's), so a fingerprint the editor records is the one
 * `npm run translations` compares.
 */
export function fingerprintText(page: { title?: unknown; summary?: unknown; body?: unknown }): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return [text(page.title), text(page.summary), text(page.body).trim()].join('\n');
}

/** How many hex digits of the text's SHA-256 a fingerprint keeps: short enough to read, long enough never to collide within a site. */
export const FINGERPRINT_LENGTH = 12;
