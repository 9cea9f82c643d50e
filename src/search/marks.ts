/** Marks where the plain spellings added for search begin in a page's indexed text. */
export const SPELLINGS_MARK = '⁂';
