import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { plainSpellings } from './fold.ts';
import { unspacedWords } from './unspaced-words.ts';
import { SPELLINGS_MARK } from './marks.ts';

/** What indexing did. */
export interface IndexResult {
  pages: number;
  errors: string[];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

/**
 * What Pagefind needs of a page: its `<html>` tag (for the language) and the article marked
 * `data-pagefind-body` (text, meta and filters), without the header, styles and footer it would
 * only parse to skip. Plain spellings of words with undecomposable letters (đ → d, …) are added
 * at the end of the article, so "duong" finds "Đường", and so are the words of Thai, Lao,
 * Burmese and Khmer text, one by one, which Pagefind would otherwise only find at the start of a
 * run of text between spaces; only the index sees them. Undefined for a page without such an article.
 */
export function searchDocument(html: string): string | undefined {
  const start = html.search(/<article[^>]*\sdata-pagefind-body[\s>=]/);
  const close = html.lastIndexOf('</article>');
  if (start === -1 || close < start) return undefined;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '<html>';
  const article = html.slice(start, close);
  const text = article.replace(/<[^>]+>/g, ' ');
  const lang = /\slang="([^"]+)"/.exec(htmlTag)?.[1] ?? 'und';
  const spellings = [...plainSpellings(text), ...unspacedWords(text, lang)];
  const added = spellings.length ? `<p data-pagefind-weight="0.5">${SPELLINGS_MARK} ${spellings.join(' ')}</p>` : '';
  return `<!DOCTYPE html>${htmlTag}<body>${article}${added}</article></body></html>`;
}

/**
 * Builds the Pagefind index of a built site with Pagefind's Node API: the main content of real
 * guide and message pages (those marked `data-pagefind-body`), one index per `<html lang>`,
 * under the site's base path, into `<dir>/pagefind/`.
 */
export async function buildSearchIndex(dir: string, base: string): Promise<IndexResult> {
  const errors: string[] = [];
  const created = await pagefind.createIndex({});
  errors.push(...created.errors);
  const index = created.index;
  if (!index) return { pages: 0, errors };
  let pages = 0;
  try {
    // Pages go to Pagefind's process a batch at a time, so it indexes while the next are read.
    const files = htmlFiles(dir);
    for (let start = 0; start < files.length; start += 64) {
      const batch = files.slice(start, start + 64).map(async (file) => {
        const content = searchDocument(readFileSync(file, 'utf8'));
        if (!content) return;
        const path = relative(dir, file)
          .split(sep)
          .join('/')
          .replace(/index\.html$/, '');
        const added = await index.addHTMLFile({ url: base + path, content });
        errors.push(...added.errors.map((e) => `${path}: ${e}`));
        pages++;
      });
      await Promise.all(batch);
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    errors.push(...written.errors);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return { pages, errors };
}
