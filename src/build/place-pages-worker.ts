/**
 * Puts the reused pages' files from the last build into the new one on a thread of its own, so
 * that the pages process's thread goes on with Astro meanwhile (started by placeReusedPages with
 * the files and both folders). Sends back the files it linked rather than copied.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { linkOrCopy } from '../lib/link-or-copy.ts';

const { files, from, into } = workerData as { files: string[]; from: string; into: string };
const folders = new Set<string>();
const linked: string[] = [];
for (const file of files) {
  const folder = dirname(join(into, file));
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  if (linkOrCopy(join(from, file), join(into, file))) linked.push(file);
}
parentPort!.postMessage(linked);
