/**
 * Indexes one language's pages with Pagefind on a thread of its own, into the folder given
 * (started by buildSearchIndex): each thread's Pagefind is a process of its own, so languages
 * are indexed on every core at once. Answers with the errors Pagefind reported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchDocument } from './build-index.ts';

const { documents, outputPath } = workerData as { documents: SearchDocument[]; outputPath: string };
const errors: string[] = [];
const created = await pagefind.createIndex({});
errors.push(...created.errors);
if (created.index) {
  const index = created.index;
  try {
    // A batch at a time, so that Pagefind indexes one page while the next are sent.
    for (let start = 0; start < documents.length; start += 64)
      await Promise.all(
        documents.slice(start, start + 64).map(async ({ url, content }) => {
          const added = await index.addHTMLFile({ url, content });
          errors.push(...added.errors.map((e) => `${url}: ${e}`));
        }),
      );
    errors.push(...(await index.writeFiles({ outputPath })).errors);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
parentPort!.postMessage(errors);
