import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';

/** Every HTML file of a built site, as paths relative to it (`vi/guides/x/index.html`). */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** Every file of a folder (a built site), by its path inside it, with a hash of its bytes: two sites are the same when these are. */
export function fileHashes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()))
    files[relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')] = createHash('sha256')
      .update(readFileSync(join(entry.parentPath, entry.name)))
      .digest('hex');
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Loads a built page for querying. */
export function page(dir: string, file: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(dir, file), 'utf8'));
}

/** The text of the file a page's address points to (`/base/_astro/x.css`), read from the site built in `dir` under `base`. */
export function linkedFile(dir: string, address: string, base = '/'): string {
  return readFileSync(join(dir, address.slice(base.length)), 'utf8');
}

/** The stylesheets a built page links, read from the site built in `dir` under `base`: what a browser loads with the page. */
export function linkedStylesheets(dir: string, $: cheerio.CheerioAPI, base = '/'): string[] {
  return $('link[rel=stylesheet]')
    .map((_, el) => linkedFile(dir, $(el).attr('href')!, base))
    .get();
}

/** The site path a built file answers at, under `base`: `vi/guides/x/index.html` → `/base/vi/guides/x/`. */
export function urlPathOf(file: string, base = '/'): string {
  return base + file.replace(/index\.html$/, '');
}
