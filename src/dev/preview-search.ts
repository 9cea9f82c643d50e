import * as pagefind from 'pagefind';
import type { LoadedContent } from '../model/load-content.ts';
import { pagePath } from '../lib/urls.ts';
import { searchDocument } from '../search/build-index.ts';

let made: { version: number; files: Promise<Map<string, Uint8Array>> } | undefined;

/**
 * The preview's search index, in memory: the same index the build makes (searchDocument, one
 * index per language), of the pages as the preview shows them now, read from the preview itself.
 * Made when a reader first searches after an edit, then kept until the next edit.
 */
export function previewSearchFiles(content: LoadedContent, origin: string, version: number): Promise<Map<string, Uint8Array>> {
  if (made?.version !== version) made = { version, files: makeIndex(content, origin) };
  return made.files;
}

async function makeIndex(content: LoadedContent, origin: string): Promise<Map<string, Uint8Array>> {
  const base = content.settings?.base ?? '/';
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`The search index could not be made: ${errors.join('; ')}`);
  try {
    // A locale's own pages only, as in the build: pages shown from a fallback are not indexed.
    const paths = content.entries.map((entry) => pagePath(base, entry.locale, entry.kind, entry.slug));
    for (let start = 0; start < paths.length; start += 8) {
      await Promise.all(
        paths.slice(start, start + 8).map(async (path) => {
          const response = await fetch(origin + path);
          const document = response.ok ? searchDocument(await response.text()) : undefined;
          if (document) await index.addHTMLFile({ url: path, content: document });
        }),
      );
    }
    const { files } = await index.getFiles();
    return new Map(files.map((file) => [file.path.replace(/^\/+/, ''), file.content]));
  } finally {
    await index.deleteIndex();
  }
}
