/**
 * Draws share images into the build cache on a thread of its own, so that Astro renders pages
 * on the main thread meanwhile (started by the share-images integration with the jobs to do).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { shareImage } from './share-image.ts';
import type { DrawJob } from './share-integration.ts';

// One libvips thread: the images are small, and the other core renders pages.
sharp.concurrency(1);
const jobs = workerData as DrawJob[];
let next = 0;
// Two at a time: while one title is drawn by sharp's threads, the other is painted and encoded here.
const lane = async () => {
  while (next < jobs.length) {
    const job = jobs[next++]!;
    writeFileSync(`${job.cached}.tmp`, await shareImage(job.title, job.campaign, job.lang));
    renameSync(`${job.cached}.tmp`, job.cached);
  }
};
await Promise.all([lane(), lane()]);
