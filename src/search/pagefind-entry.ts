/** Pagefind's entry file (`pagefind/pagefind-entry.json`), which lists the languages of a bundle. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, unknown>;
}

/**
 * One entry file for bundles indexed apart (each language by the build, each shard's languages by
 * the merge of shards): every language of each, in the order of their codes, so that the same
 * languages give the same file however they were indexed. A language in two bundles, or bundles
 * of two Pagefind versions, cannot be joined: those are the errors.
 */
export function joinPagefindEntries(entries: readonly PagefindEntry[]): { entry: PagefindEntry | undefined; errors: string[] } {
  const errors: string[] = [];
  const languages: [string, unknown][] = [];
  for (const own of entries) {
    if (own.version !== entries[0]!.version)
      errors.push(`Search indexes of two Pagefind versions (${entries[0]!.version} and ${own.version}) cannot be joined`);
    for (const [code, language] of Object.entries(own.languages)) {
      if (languages.some(([other]) => other === code)) errors.push(`Two groups of pages are indexed as the language "${code}"`);
      else languages.push([code, language]);
    }
  }
  languages.sort(([a], [b]) => (a < b ? -1 : 1));
  return { entry: entries[0] && { ...entries[0], languages: Object.fromEntries(languages) }, errors };
}
