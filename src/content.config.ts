import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideData, messageData } from './model/schemas.ts';
import { siteDir } from './lib/site-dir.ts';

// Content is checked, with every problem listed, before Astro reads it (see scripts/build.ts);
// the schemas here are the same ones.
const base = pathToFileURL(join(siteDir(), 'content') + '/');
const generateId = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  guides: defineCollection({ loader: glob({ pattern: '*/guides/*.{md,mdx}', base, generateId }), schema: guideData }),
  messages: defineCollection({ loader: glob({ pattern: '*/messages/*.{md,mdx}', base, generateId }), schema: messageData }),
};
