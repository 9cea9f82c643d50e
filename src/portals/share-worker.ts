/**
 * Draws share images into the build cache on a thread of its own, so that the build goes on
 * meanwhile (started by `drawShareImages` with the images to draw).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { shareImage } from './share-image.ts';
import type { ShareImage } from './share-images.ts';

// One libvips thread: the images are small, and the other core builds pages.
sharp.concurrency(1);
// No cache of operations: each image is drawn from new text, so it would only hold memory (about 20 MB).
sharp.cache(false);
const jobs = workerData as ShareImage[];
let next = 0;
// Two at a time: while one title is drawn by sharp's threads, the other is painted and encoded here.
const lane = async () => {
  while (next < jobs.length) {
    const job = jobs[next++]!;
    writeFileSync(`${job.cached}.tmp`, await shareImage(job.title, job.campaign, job.lang, job.rtl));
    renameSync(`${job.cached}.tmp`, job.cached);
  }
};
await Promise.all([lane(), lane()]);
