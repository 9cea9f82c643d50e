/*
 * A large campaign can be built in shards: each build renders some of the site's locales
 * (`npm run build -- --locales vi,en`), on a machine of its own, and scripts/merge-shards.ts joins
 * their outputs into one site. Pages without a locale (the root, posters, short links, status,
 * sitemap) are rendered by every shard alike; the merge checks that they agree.
 */

/** How scripts/build.ts tells the pages' process which locales it renders. */
export const SHARD_VARIABLE = 'LOA_SHARD_LOCALES';

/** The locale codes `--locales` names (`vi,en`), in the order given; none for an empty list. */
export function parseLocaleList(list: string): string[] {
  return list
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The locales this build renders: those of its shard, or undefined when it renders them all. */
export function shardLocales(): ReadonlySet<string> | undefined {
  const codes = parseLocaleList(process.env[SHARD_VARIABLE] ?? '');
  return codes.length ? new Set(codes) : undefined;
}

/** Whether this build renders the pages of a locale, so that the build lists only its shard's share images and pages. */
export function rendersLocale(locale: string): boolean {
  return shardLocales()?.has(locale) ?? true;
}

/** A locale route's paths (what its getStaticPaths returns) without those of locales another shard renders. */
export function inThisShard<P extends { params: { locale: string } }>(paths: P[]): P[] {
  const shard = shardLocales();
  return shard ? paths.filter((path) => shard.has(path.params.locale)) : paths;
}

/** What is wrong with a shard's list of locales, given the site's: codes it does not know, one message each. */
export function shardProblems(shard: ReadonlySet<string>, siteLocales: readonly string[]): string[] {
  return [...shard]
    .filter((code) => !siteLocales.includes(code))
    .map((code) => `--locales names "${code}", which is not one of the site's locales in content/site.yaml (${siteLocales.join(', ')})`);
}
