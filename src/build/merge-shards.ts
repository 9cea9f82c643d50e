import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteSettings } from '../model/schemas.ts';
import { joinPagefindEntries, type PagefindEntry } from '../search/pagefind-entry.ts';
import { writeHeaderFiles } from './header-files.ts';
import { filesIn } from '../lib/files-in.ts';
import { linkOrCopy } from '../lib/link-or-copy.ts';

/** Pagefind's list of languages, joined from every shard's (see joinPagefindEntries). */
const SEARCH_ENTRY = 'pagefind/pagefind-entry.json';
/** Files written anew for the joined pages (see writeHeaderFiles): each shard's allows only its own pages' inline code. */
const HEADER_FILES = new Set(['_headers', 'nginx-headers.conf']);
/** How many differing files a failed merge names; the rest are counted. */
const NAMED = 20;

/** Whether two files hold the same bytes: the same file linked twice (both from one build cache), or equal contents. */
function sameFile(a: string, b: string): boolean {
  const [left, right] = [statSync(a), statSync(b)];
  if (left.ino === right.ino && left.dev === right.dev) return true;
  return left.size === right.size && readFileSync(a).equals(readFileSync(b));
}

/** Puts a file into the site being made: a hard link (instant, no second copy on disk), or a copy across file systems. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  linkOrCopy(from, to);
}

/**
 * Joins the outputs of a site's shards (builds of some of its locales each, see src/lib/shard.ts)
 * into `into`, as one build of every locale makes the site: each file from the shard that has it,
 * Pagefind's languages from all, and the security headers written again for the joined pages.
 * A file two shards both have (pages without a locale, styles, Pagefind's code) must be the same in
 * each: if not, the shards were built from different content, settings or engines, and joining
 * them would publish a mix. Returns what is wrong, everything at once; `into` is then incomplete.
 */
export function mergeShards(shards: readonly string[], into: string, settings: Pick<SiteSettings, 'base' | 'editor' | 'locales'>): string[] {
  const problems: string[] = [];
  const missing = shards.filter((shard) => !existsSync(join(shard, SEARCH_ENTRY)));
  for (const shard of missing) problems.push(`${shard}: not a built site (no ${SEARCH_ENTRY}); expected the output folder of npm run build -- --locales …`);
  if (missing.length || shards.length === 0) return problems.length ? problems : ['No shard given: name the output folders of the shards to join'];

  const from = new Map<string, string>(); // a file of the joined site: the shard it was taken from
  const differing: string[] = [];
  for (const shard of shards)
    for (const file of filesIn(shard)) {
      if (file === SEARCH_ENTRY || HEADER_FILES.has(file)) continue;
      const first = from.get(file);
      if (first === undefined) {
        from.set(file, shard);
        place(join(shard, file), join(into, file));
      } else if (!sameFile(join(first, file), join(shard, file))) differing.push(`${file} (${first} and ${shard})`);
    }
  if (differing.length)
    problems.push(
      `${differing.length} ${differing.length > 1 ? 'files differ' : 'file differs'} between shards, which were not built from the same content, settings and engine: ${differing.slice(0, NAMED).join(', ')}${differing.length > NAMED ? `, and ${differing.length - NAMED} more` : ''}`,
    );

  const unrendered = settings.locales.filter(({ code }) => !from.has(`${code}/index.html`)).map(({ code }) => code);
  if (unrendered.length)
    problems.push(
      `No shard built the locale${unrendered.length > 1 ? 's' : ''} ${unrendered.join(', ')}: build ${unrendered.length > 1 ? 'them' : 'it'} with --locales too`,
    );

  const entries = shards.map((shard) => JSON.parse(readFileSync(join(shard, SEARCH_ENTRY), 'utf8')) as PagefindEntry);
  const joined = joinPagefindEntries(entries);
  problems.push(...joined.errors.map((error) => `${error}: did two shards build the same locale?`));
  if (problems.length) return problems;
  writeFileSync(join(into, SEARCH_ENTRY), JSON.stringify(joined.entry));
  for (const warning of writeHeaderFiles(into, settings)) console.warn(warning);
  return [];
}
