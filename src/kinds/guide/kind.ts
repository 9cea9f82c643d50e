import { z } from 'astro/zod';
import { PLATFORMS, pageFields, text } from '../../model/schemas.ts';
import { pageKind } from '../kind.ts';

/** Step-by-step guides: numbered steps, optionally one section per platform (see src/markdown/steps.ts). */
export const guide = pageKind({
  folder: 'guides',
  noun: 'guide',
  schema: z.strictObject({
    ...pageFields,
    app: text,
    platforms: z.array(z.enum(PLATFORMS)).min(1, 'expected at least one platform'),
    minutes: z.number().int().positive('expected a whole number of minutes'),
    prerequisites: z.array(text).default([]),
    order: z.number().int().optional(),
  }),
  intro: 'guidesIntro',
  // Reading order: by `order`, then by title.
  compare: (a, b) => (a.data.order ?? 1e9) - (b.data.order ?? 1e9) || a.data.title.localeCompare(b.data.title),
  date: () => undefined,
  // Every guide: portals repost from the catalogue, and it changes little.
  routes: {
    '/[locale]/guides': 'GuideListPage.astro',
    '/[locale]/guides/[slug]': 'GuidePage.astro',
    '/[locale]/embed/guides/[slug]': 'EmbedCard.astro',
    '/[locale]/embed': 'EmbedListPage.astro',
  },
  starter: (pages) => ({
    data: {
      summary: 'One or two sentences on what the reader will be able to do.',
      // The app the site's guides are about, most likely the new one's too.
      app: (pages.find((page) => page.kind === 'guides')?.data as { app?: string } | undefined)?.app ?? 'The app',
      platforms: ['android'],
      minutes: 5,
    },
    body: 'A short introduction.\n\n1. The first step, one short sentence.\n2. The second step.\n3. The third step.\n',
  }),
});
