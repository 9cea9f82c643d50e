/** The kinds of pages editors write, each a folder under a locale. */
export const KINDS = ['guides', 'messages'] as const;
export type Kind = (typeof KINDS)[number];
