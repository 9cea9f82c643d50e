import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFileFacts, builtPages } from '../build/built-file-facts.ts';
import { isRunningBuild } from '../build/processes.ts';
import { filesIn } from '../lib/files-in.ts';
import { linkOrCopy } from '../lib/link-or-copy.ts';
import { escapeXml } from '../lib/xml.ts';
import { plainSpellings } from './fold.ts';
import { unspacedWords } from './unspaced-words.ts';
import { SPELLINGS_MARK } from './marks.ts';
import { joinPagefindEntries, type PagefindEntry } from './pagefind-entry.ts';

/** What indexing did. */
export interface IndexResult {
  pages: number;
  errors: string[];
  /** The languages indexed anew; the others' indexes were unchanged, taken from the build cache. */
  indexed: string[];
}

/**
 * What Pagefind needs of a page: its `<html>` tag (for the language) and the article marked
 * `data-pagefind-body` (text, meta and filters), without the header, styles and footer it would
 * only parse to skip. Plain spellings of words with undecomposable letters (đ → d, …) are added
 * at the end of the article, so "duong" finds "Đường", and so are the words of Thai, Lao,
 * Burmese and Khmer text, one by one, which Pagefind would otherwise only find at the start of a
 * run of text between spaces; only the index sees them. Undefined for a page without such an article.
 * With `url`, the document names the page's address as Pagefind's `url` meta, which a result
 * gives in place of the address of the document's own file (see withDocuments).
 */
export function searchDocument(html: string, url?: string): string | undefined {
  const start = html.search(/<article[^>]*\sdata-pagefind-body[\s>=]/);
  const close = html.lastIndexOf('</article>');
  if (start === -1 || close < start) return undefined;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '<html>';
  const article = html.slice(start, close);
  const text = article.replace(/<[^>]+>/g, ' ');
  const lang = /\slang="([^"]+)"/.exec(htmlTag)?.[1] ?? 'und';
  const spellings = [...plainSpellings(text), ...unspacedWords(text, lang)];
  const added = spellings.length ? `<p data-pagefind-weight="0.5">${SPELLINGS_MARK} ${spellings.join(' ')}</p>` : '';
  const address = url === undefined ? '' : `<span data-pagefind-meta="url[data-url]" data-url="${escapeXml(url)}"></span>`;
  return `<!DOCTYPE html>${htmlTag}<body>${article}${added}${address}</article></body></html>`;
}

/** A page as Pagefind is given it: its address, and its search document (searchDocument). */
export interface SearchDocument {
  url: string;
  content: string;
}

/** A page's search document, with a hash of it; its content is read only when needed. */
type LanguageDocument = SearchDocument & { hash: string };

/** A page Pagefind indexes, as builtFileFacts keeps it: its language and a hash of its search document. */
interface Indexed {
  lang: string;
  hash: string;
}

/**
 * The search documents of a built site's pages under `base`, by language (the `lang` of each
 * page's `<html>`, as Pagefind groups them), in the order of their paths: each with a hash of its
 * document, and the document itself on demand. Kept in `memoFile`, so that a rebuild reads only
 * the pages it wrote anew (see builtFileFacts), and the others only for a language indexed again.
 */
function documentsByLanguage(dir: string, base: string, memoFile: string, files: string[]): SearchDocuments {
  const read = new Map<string, string>();
  const urlOf = (file: string) =>
    base +
    file
      .split(sep)
      .join('/')
      .replace(/index\.html$/, '');
  const facts = builtFileFacts(dir, files, memoFile, (html, file): Indexed | null => {
    const content = searchDocument(html, urlOf(file));
    if (!content) return null;
    read.set(file, content);
    // Pagefind names its languages in lower case: zh-Hant and zh-hant are one.
    const lang = (/^<!DOCTYPE html><html[^>]*\slang="([^"]+)"/.exec(content)?.[1] ?? 'und').toLowerCase();
    return { lang, hash: createHash('sha256').update(content).digest('hex') };
  });
  const byLanguage = new Map<string, LanguageDocument[]>();
  for (const [file, found] of facts) {
    if (!found) continue;
    const url = urlOf(file);
    const document = {
      url,
      hash: found.hash,
      get content() {
        return read.get(file) ?? searchDocument(readFileSync(join(dir, file), 'utf8'), url)!;
      },
    };
    if (!byLanguage.has(found.lang)) byLanguage.set(found.lang, []);
    byLanguage.get(found.lang)!.push(document);
  }
  return byLanguage;
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string })
  .version;

// Pagefind's own program, as its npm package finds it (the package exports no way to ask for it).
const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
  resolveBinaryPath: (names: string[]) => string;
};
const PAGEFIND = resolveBinaryPath(['pagefind_extended', 'pagefind']);

/** A language's search documents as Pagefind's command line reads them: a folder of pages at their addresses, and a note of what each holds. */
const NOTE = '.documents.json';

/**
 * Indexes one language's pages into `folder`, which appears only once complete. Pagefind's
 * command line indexes a folder of pages about twice as fast as its Node API is given the same
 * pages one message at a time, so the documents are kept as such a folder in `documentsDir`
 * (see withDocuments) and only those changed since are written. A language with no pages (a site
 * with nothing to index) gets Pagefind's files from its Node API: the command line refuses an
 * empty folder.
 */
async function indexLanguage(documents: LanguageDocument[], folder: string, documentsDir: string, lang: string): Promise<string[]> {
  const partial = `${folder}.tmp-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const errors = documents.length ? await withDocuments(documentsDir, lang, documents, (site) => runPagefind(site, partial)) : await writeEmptyIndex(partial);
  if (errors.length === 0) renameSync(partial, folder);
  else rmSync(partial, { recursive: true, force: true });
  return errors;
}

/**
 * Runs `use` on a folder holding exactly the language's documents. The folder kept in `dir` from
 * the last build is taken for the time (renamed, so that another build indexing the same
 * language at once makes its own) and brought up to date: only the documents whose hash changed
 * are written, those of pages gone removed. Its note is rewritten last, so a folder a killed build
 * left is never trusted.
 */
async function withDocuments<T>(dir: string, lang: string, documents: LanguageDocument[], use: (site: string) => Promise<T>): Promise<T> {
  const kept = join(dir, lang);
  const mine = `${kept}.tmp-${process.pid}`;
  rmSync(mine, { recursive: true, force: true });
  let note: Record<string, string> = {};
  try {
    renameSync(kept, mine);
    note = JSON.parse(readFileSync(join(mine, NOTE), 'utf8')) as Record<string, string>;
    rmSync(join(mine, NOTE));
  } catch {
    rmSync(mine, { recursive: true, force: true });
  }
  // A file a page, named by its address (`/vi/guides/x/` in `vi/guides/x.html`) rather than in a
  // folder of its own: a folder costs as much to make as a file, and a document names its page's
  // address itself (see searchDocument).
  const fileOf = (url: string) => join(mine, `${url.replace(/\/$/, '')}.html`);
  const now: Record<string, string> = {};
  const folders = new Set<string>();
  for (const document of documents) {
    now[document.url] = document.hash;
    if (note[document.url] === document.hash) continue;
    const file = fileOf(document.url);
    if (!folders.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    folders.add(dirname(file));
    writeFileSync(file, document.content);
  }
  for (const url of Object.keys(note)) if (!(url in now)) rmSync(fileOf(url), { force: true });
  try {
    return await use(mine);
  } finally {
    writeFileSync(join(mine, NOTE), JSON.stringify(now));
    try {
      renameSync(mine, kept);
    } catch {
      rmSync(mine, { recursive: true, force: true }); // another build put its own back first
    }
  }
}

/**
 * At most this many fragment files a language (Pagefind's `--max-fragments`): the pages of a
 * larger language share files of a few pages each. A search result then loads a few pages' text
 * compressed together (about 0.65 KB for four of the bench's guides, against 0.4 KB for one), and
 * a language of 2,000 pages has 1,500 fewer files to write, link and deploy; Pagefind indexes it
 * about a fifth faster. Sites of up to 500 pages a language keep a file for each page.
 */
export const MAX_FRAGMENTS = 500;

/** Has Pagefind's command line index the pages in `site` into `output`; answers with what it reported if it failed. */
async function runPagefind(site: string, output: string): Promise<string[]> {
  // Run in the pages' folder, where no pagefind.yml can change what it does, and without PAGEFIND_ settings from outside.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  const child = spawn(PAGEFIND, ['--site', '.', '--output-path', resolve(output), '--max-fragments', String(MAX_FRAGMENTS), '--silent'], {
    cwd: site,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  if (status === 0) return [];
  const lines = said.split('\n').filter((line) => line.trim());
  return lines.length ? [...new Set(lines)] : [`Pagefind stopped with exit code ${status}`];
}

/** Pagefind's files for a language with no pages, written by its Node API into `output`. */
async function writeEmptyIndex(output: string): Promise<string[]> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return errors;
  try {
    return (await index.writeFiles({ outputPath: output })).errors;
  } finally {
    await pagefind.close();
  }
}

/** Removes what killed builds left half-written in a folder: names ending in `.tmp-<pid>` of a process no longer building. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const writer = Number(/\.tmp-(\d+)$/.exec(name)?.[1]);
    if (writer && writer !== process.pid && !isRunningBuild(writer)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Puts a language's index files from the cache into the site's bundle: hard links where possible, else copies. The entry file is merged apart. */
function placeLanguage(folder: string, bundle: string): void {
  for (const file of filesIn(folder)) {
    const from = join(folder, file);
    const to = join(bundle, file);
    if (file === 'pagefind-entry.json' || existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    linkOrCopy(from, to);
  }
}

/** A built site's search documents, by language (see documentsByLanguage). */
export type SearchDocuments = Map<string, LanguageDocument[]>;

/**
 * The search documents of the pages of a built site in `dir` (see buildSearchIndex): apart from
 * the indexing, so that a build works them out while its pages' process still writes the
 * security policy (reading every page of a cold build takes about a second at 6,000 pages).
 */
export function searchDocuments(dir: string, base: string, cacheDir: string, pages = builtPages(dir)): SearchDocuments {
  return documentsByLanguage(dir, base, `${cacheDir}-pages.v8`, pages);
}

/**
 * Builds the Pagefind index of a built site: the main content of real guide and message pages
 * (those marked `data-pagefind-body`), one index per `<html lang>`, under the site's base path,
 * into `<dir>/pagefind/`. Pagefind indexes each language apart from the others (its files are
 * named by language), so each is indexed on its own, up to one per core at a time, and kept in
 * `cacheDir` under a hash of its pages: a rebuild indexes again only the languages whose pages
 * changed. The bundles are merged as one: every file, and one entry file listing every language.
 * `pages` are the site's pages, when listed already (see builtPages), and `documents` their
 * search documents, when worked out already (see searchDocuments).
 */
export async function buildSearchIndex(
  dir: string,
  base: string,
  cacheDir: string,
  pages = builtPages(dir),
  documents = searchDocuments(dir, base, cacheDir, pages),
): Promise<IndexResult> {
  const languages = [...documents].sort(([a], [b]) => (a < b ? -1 : 1));
  // A site with no page to index still gets Pagefind's files, which its search page loads.
  if (languages.length === 0) languages.push(['none', []]);
  const jobs = languages.map(([lang, documents]) => {
    const hash = createHash('sha256').update(PAGEFIND_VERSION);
    for (const { url, hash: document } of documents) hash.update(`\0${url}\0${document}`);
    return { lang, documents, folder: join(cacheDir, `${lang}-${hash.digest('hex').slice(0, 20)}`) };
  });
  const documentsDir = `${cacheDir}-documents`;
  for (const folder of [cacheDir, documentsDir]) mkdirSync(folder, { recursive: true });
  removeLeftovers(documentsDir);
  const missing = jobs.filter((job) => !existsSync(job.folder));
  const indexed = missing.map((job) => job.lang);
  const errors: string[] = [];
  const lanes = Array.from({ length: Math.min(availableParallelism(), missing.length) }, async () => {
    for (let job = missing.shift(); job; job = missing.shift()) errors.push(...(await indexLanguage(job.documents, job.folder, documentsDir, job.lang)));
  });
  // The languages kept from the last build are placed while Pagefind indexes the others.
  const bundle = join(dir, 'pagefind');
  for (const { lang, folder } of jobs) if (!indexed.includes(lang)) placeLanguage(folder, bundle);
  await Promise.all(lanes);
  const count = jobs.reduce((sum, job) => sum + job.documents.length, 0);
  if (errors.length) return { pages: count, errors, indexed };
  for (const { lang, folder } of jobs) if (indexed.includes(lang)) placeLanguage(folder, bundle);
  const joined = joinPagefindEntries(jobs.map(({ folder }) => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry));
  errors.push(...joined.errors);
  writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify(joined.entry));
  // What older builds indexed and this one did not use is removed, and so is what killed builds left half-written.
  const used = new Set(jobs.map((job) => job.folder));
  removeLeftovers(cacheDir);
  for (const name of readdirSync(cacheDir))
    if (!used.has(join(cacheDir, name)) && !/\.tmp-\d+$/.test(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  return { pages: count, errors, indexed };
}
