/**
 * Draws share images into the build cache on a thread of its own, so that the build goes on
 * meanwhile (started by `startDrawingShareImages`, which posts the images to draw as it learns
 * of them, then 'done').
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { shareImage } from './share-image.ts';
import type { ShareImage } from './share-images.ts';

// One libvips thread: the images are small, and the other core builds pages.
sharp.concurrency(1);
// No cache of operations: each image is drawn from new text, so it would only hold memory (about 20 MB).
sharp.cache(false);
const jobs: ShareImage[] = [];
let next = 0;
let done = false;
/** Lanes waiting for images to be posted. */
let waiting: (() => void)[] = [];
parentPort!.on('message', (message: ShareImage[] | 'done') => {
  if (message === 'done') {
    done = true;
    parentPort!.unref(); // the thread ends when the last image is drawn
  } else jobs.push(...message);
  for (const wake of waiting) wake();
  waiting = [];
});
// Two at a time: while one title is drawn by sharp's threads, the other is painted and encoded here.
const lane = async () => {
  for (;;) {
    if (next === jobs.length) {
      if (done) return;
      await new Promise<void>((wake) => waiting.push(wake));
      continue;
    }
    const job = jobs[next++]!;
    writeFileSync(`${job.cached}.tmp`, await shareImage(job.title, job.campaign, job.lang, job.rtl));
    renameSync(`${job.cached}.tmp`, job.cached);
  }
};
await Promise.all([lane(), lane()]);
