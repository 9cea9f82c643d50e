import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KINDS } from '../kinds/index.ts';
import { entryPageFile, entryPageId } from '../lib/entry-paths.ts';
import { resolvePages } from '../lib/pages.ts';
import { rendersLocale } from '../lib/shard.ts';
import { PROJECT_ROOT } from '../lib/site-dir.ts';
import { overridesFromEnv, type LoadedContent } from '../model/load-content.ts';
import { listContentFiles } from '../model/content-files.ts';
import { filesIn } from '../lib/files-in.ts';
import { linkOrCopy } from '../lib/link-or-copy.ts';

/** An entry page's output file as the last build wrote it. */
interface Written {
  /** The page's inputs (see entryPageKeys). */
  key: string;
  /**
   * The file's size, time and a hash of its bytes, so that a file changed or replaced since is
   * never taken for it; the hash only counts when the time changed (a dist/ restored by a CI cache).
   */
  size: number;
  mtimeMs: number;
  sha256: string;
  /** The site's own files it loads (`_astro/…`: optimised images, the stylesheet), relative to dist/. */
  assets: string[];
}

/** What the last build of an output folder wrote for each entry page's file (see recordFile). */
export interface LastBuild {
  outDir: string;
  files: Record<string, Written>;
  /** The files of entry pages' routes it did not write, as the route shows only some pages (broadcast texts): the inputs' key of each. */
  absent: Record<string, string>;
}

/** One entry page: its output files (one per one-entry route of its kind) and a hash of its inputs, unless it is always rendered. */
export interface EntryPageInputs {
  key: string | undefined;
  files: string[];
}

const sha256 = () => createHash('sha256');
const hashOf = (bytes: Buffer) => sha256().update(bytes).digest('hex');

/**
 * A hash of everything an entry page is made from besides the body it shows: the engine and its
 * dependencies, Node, the settings (with SITE_URL, BASE_PATH and LOA_LOCAL_PREVIEW applied), every file of content/
 * and public/ that is no entry (images, recordings, UI strings, posters), and every entry's path
 * and front matter, which lists, language menus and links read. Changing any of these renders
 * every page again; changing an entry's body only the pages that show it.
 */
function siteDigest(content: LoadedContent, siteDir: string): string {
  const hash = sha256();
  hash.update(process.version);
  for (const file of ['package-lock.json', 'astro.config.mjs']) hash.update(readFileSync(join(PROJECT_ROOT, file)));
  hash.update(JSON.stringify([content.settings, overridesFromEnv()]));
  const entries = new Map([...content.entries, ...content.drafts].map((entry) => [entry.file, entry]));
  for (const file of listContentFiles(siteDir).files.map((f) => `content/${f}`)) {
    const entry = entries.get(file);
    hash.update(`\0${file}\0`).update(entry ? JSON.stringify(entry.data) : readFileSync(join(siteDir, file)));
  }
  for (const file of filesIn(join(siteDir, 'public'))) hash.update(`\0public/${file}\0`).update(readFileSync(join(siteDir, 'public', file)));
  return hash.digest('hex');
}

/**
 * Every page of a kind's one-entry routes (`/[locale]/guides/[slug]`, its embed card…) in the
 * locales this build renders (see shard.ts), by
 * entryPageId, with its files and the hash of its inputs: the site digest (see siteDigest), the
 * page's locale and slug, and the file and body of the entry it shows, its own or a fallback's.
 * The engine's version is the cache folder's name, so it needs no place here. Pages showing an
 * MDX body have no key: they are always rendered.
 */
export function entryPageKeys(content: LoadedContent, siteDir: string): Map<string, EntryPageInputs> {
  const digest = siteDigest(content, siteDir);
  const pages = new Map<string, EntryPageInputs>();
  for (const kind of KINDS) {
    const routes = Object.entries(kind.routes).filter(([pattern]) => pattern.includes('/[slug]'));
    const entries = content.entries.filter((entry) => entry.kind === kind.folder);
    for (const page of resolvePages(entries, content.locales)) {
      if (!rendersLocale(page.locale)) continue; // another shard's
      // An MDX body's images are bundled as files of their own, which Astro removes only once it
      // has made their optimised copies, that is when the page is rendered: such pages always are.
      const key = page.entry.file.endsWith('.mdx')
        ? undefined
        : sha256().update(digest).update(`\0${page.locale}\0${page.slug}\0${page.entry.file}\0`).update(page.entry.body).digest('hex');
      pages.set(entryPageId(kind.folder, page.locale, page.slug), {
        key,
        files: routes.map(([pattern, file]) => entryPageFile(pattern, page.locale, page.slug, file.endsWith('.astro'))),
      });
    }
  }
  return pages;
}

/** Where what the last build of `outDir` wrote is kept: one file per output folder. */
const recordFile = (cacheDir: string, outDir: string) => join(cacheDir, 'entry-pages', `${sha256().update(outDir).digest('hex').slice(0, 16)}.json`);

/** What the last build of `outDir` wrote for its entry pages, if it kept a record: read once per build. */
export function lastBuild(cacheDir: string, outDir: string): LastBuild | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(cacheDir, outDir), 'utf8')) as LastBuild;
  } catch {
    return undefined;
  }
}

/**
 * The entry pages the previous build of `outDir` wrote from the same inputs, whose files are
 * still there as it wrote them: these need not be rendered again.
 */
export function reusablePages(pages: Map<string, EntryPageInputs>, outDir: string, last: LastBuild | undefined): Set<string> {
  const reusable = new Set<string>();
  if (last?.outDir !== outDir) return reusable;
  // Thousands of pages load the same few site files: each is looked for once.
  const assetThere = new Map<string, boolean>();
  const there = (asset: string) => assetThere.get(asset) ?? assetThere.set(asset, existsSync(join(outDir, asset))).get(asset)!;
  const unchanged = (file: string, key: string) => {
    if (last.absent[file] === key) return !existsSync(join(outDir, file));
    const written = last.files[file];
    if (written?.key !== key) return false;
    try {
      const { size, mtimeMs } = statSync(join(outDir, file));
      const same = size === written.size && (mtimeMs === written.mtimeMs || hashOf(fileBytes(join(outDir, file))) === written.sha256);
      return same && written.assets.every(there);
    } catch {
      return false;
    }
  };
  for (const [id, { key, files }] of pages) if (key && files.every((file) => unchanged(file, key))) reusable.add(id);
  return reusable;
}

/**
 * Puts the reused pages' files from the previous `outDir` into the new build at `into`: hard
 * links (instant, no second copy), or copies where links are not possible. It runs while Astro
 * renders the other pages (which writes none of these), on a thread of its own
 * (place-pages-worker.ts): thousands of links cost the pages process's thread no time. Settles
 * with the files linked: the very files the last build recorded (see recordEntryPages).
 */
export function placeReusedPages(
  reused: Set<string>,
  pages: Map<string, EntryPageInputs>,
  outDir: string,
  into: string,
  last: LastBuild | undefined,
): Promise<Set<string>> {
  const files = [...reused].flatMap((id) => pages.get(id)!.files).filter((file) => last?.absent[file] === undefined);
  if (files.length === 0) return Promise.resolve(new Set());
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./place-pages-worker.ts', import.meta.url), { workerData: { files, from: outDir, into } });
    worker.once('message', (linked: string[]) => done(new Set(linked)));
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`Placing the unchanged pages stopped with exit code ${code}`)));
  });
}

/**
 * Once Astro is done: the site files the reused pages load that this build did not write (an
 * optimised image only they show), from the previous `outDir`.
 */
export function placeReusedAssets(reused: Set<string>, pages: Map<string, EntryPageInputs>, outDir: string, into: string, last: LastBuild | undefined): void {
  const assets = new Set([...reused].flatMap((id) => pages.get(id)!.files.flatMap((file) => last?.files[file]?.assets ?? [])));
  for (const asset of assets) {
    if (existsSync(join(into, asset))) continue;
    mkdirSync(dirname(join(into, asset)), { recursive: true });
    linkOrCopy(join(outDir, asset), join(into, asset));
  }
}

// Bytes that end an address in HTML: white space, quotes, brackets, commas, tags.
const ADDRESS_END = new Set([...' \t\n\r"\'(),<>'].map((c) => c.charCodeAt(0)));

/**
 * The site's `_astro/` files a page loads, by its addresses under `base` (also inside absolute
 * ones). Read from the bytes, each name a string of its own: a slice of the page's text would keep
 * the whole text alive, tens of thousands of pages of it.
 */
function assetsOf(html: Buffer, base: string): string[] {
  const prefix = Buffer.from(`${base}_astro/`);
  const assets = new Set<string>();
  for (let at = html.indexOf(prefix); at !== -1; at = html.indexOf(prefix, at + 1)) {
    let end = at + prefix.length;
    while (end < html.length && !ADDRESS_END.has(html[end]!)) end++;
    assets.add(html.toString('utf8', at + Buffer.byteLength(base), end));
  }
  return [...assets].sort();
}

/** The bytes of a file, read into one buffer kept between calls: reading every page allocates nothing per page. */
let buffer = Buffer.alloc(1 << 20);
function fileBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (buffer.length < size) buffer = Buffer.alloc(size);
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n) n = readSync(fd, buffer, read, size - read, read);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Remembers what this build wrote for each entry page at `dir`, which is to become `outDir`: the
 * next build of `outDir` reuses the files whose inputs have not changed (see reusablePages). A
 * file `linked` from the last build keeps its record as it is.
 */
export function recordEntryPages(
  pages: Map<string, EntryPageInputs>,
  dir: string,
  outDir: string,
  base: string,
  cacheDir: string,
  last: LastBuild | undefined,
  linked: ReadonlySet<string>,
): void {
  const files: Record<string, Written> = {};
  const absent: Record<string, string> = {};
  for (const { key, files: pageFiles } of pages.values()) {
    if (!key) continue;
    for (const file of pageFiles) {
      if (linked.has(file) && last?.files[file]) {
        files[file] = last.files[file];
        continue;
      }
      const stat = statSync(join(dir, file), { throwIfNoEntry: false });
      if (!stat) {
        absent[file] = key;
        continue;
      }
      const { size, mtimeMs } = stat;
      const before = last?.files[file];
      // A reused file is the same file as before: it need not be read again.
      if (before?.key === key && before.size === size && before.mtimeMs === mtimeMs) {
        files[file] = before;
        continue;
      }
      const bytes = fileBytes(join(dir, file));
      files[file] = { key, size, mtimeMs, sha256: hashOf(bytes), assets: assetsOf(bytes, base) };
    }
  }
  const record = recordFile(cacheDir, outDir);
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(`${record}.${process.pid}`, JSON.stringify({ outDir, files, absent } satisfies LastBuild));
  renameSync(`${record}.${process.pid}`, record);
}
