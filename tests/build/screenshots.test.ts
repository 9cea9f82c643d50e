import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

const campaign = builtSite('campaign');

/** The candidates of a `srcset`: address and descriptor (`504w`). */
const candidates = (srcset: string) =>
  srcset.split(',').map((part) => {
    const [url = '', descriptor = ''] = part.trim().split(/\s+/);
    return { url, descriptor };
  });

describe('screenshots in guide bodies', () => {
  // The fixture's first screenshot is 360 × 640 pixels, its second 1,080 × 1,920 (drawn for 3× screens).
  const $ = page(campaign, 'vi/guides/alerts-on-android/index.html');
  const images = $('.body img')
    .toArray()
    .map((el) => $(el));

  it('are shown at a size that fits a phone’s first screen, written as width and height', () => {
    expect(images).toHaveLength(2);
    for (const img of images) {
      expect(img.attr('width')).toBe('252');
      expect(img.attr('height')).toBe('448');
      expect(img.attr('sizes')).toBe('(max-width: 284px) calc(100vw - 32px), 252px');
      expect(img.attr('decoding')).toBe('async');
    }
  });

  it('load the first at once and before other images, the rest when scrolled to', () => {
    expect(images.map((img) => [img.attr('loading'), img.attr('fetchpriority')])).toEqual([
      ['eager', 'high'],
      ['lazy', undefined],
    ]);
  });

  it('offer 1×, 2× and 3× copies in WebP, each as wide as its descriptor says', async () => {
    const srcset = images[1]!.attr('srcset')!;
    const found = candidates(srcset);
    expect(found.map((c) => c.descriptor)).toEqual(['252w', '504w', '756w']);
    for (const { url, descriptor } of found) {
      expect(url).toMatch(/^\/_astro\/.+\.webp$/);
      const meta = await sharp(join(campaign, url)).metadata();
      expect(meta.format).toBe('webp');
      expect(`${meta.width}w`).toBe(descriptor);
      expect(meta.height).toBe(Math.round((meta.width * 1920) / 1080));
    }
    // src is the 1× copy, for browsers without srcset.
    expect(images[1]!.attr('src')).toBe(found[0]!.url);
  });

  it('offer a file narrower than 2× at its own width, never enlarged', async () => {
    const found = candidates(images[0]!.attr('srcset')!);
    expect(found.map((c) => c.descriptor)).toEqual(['252w', '360w']);
    for (const { url, descriptor } of found) expect(`${(await sharp(join(campaign, url)).metadata()).width}w`).toBe(descriptor);
  });
});

describe('screenshots in MDX bodies', () => {
  // The minimal fixture's MDX guide shows a 1,080 × 1,920 screenshot, as Markdown guides do.
  const minimal = builtSite('minimal');
  const $ = page(minimal, 'en/guides/written-in-mdx/index.html');
  const img = $('.body img');

  it('get the same size and loading as in Markdown ones', () => {
    expect(img).toHaveLength(1);
    expect([img.attr('width'), img.attr('height'), img.attr('loading'), img.attr('fetchpriority'), img.attr('decoding')]).toEqual([
      '252',
      '448',
      'eager',
      'high',
      'async',
    ]);
    expect(img.attr('sizes')).toBe('(max-width: 284px) calc(100vw - 32px), 252px');
  });

  it('offer 1×, 2× and 3× copies in WebP, as Markdown ones do', async () => {
    const found = candidates(img.attr('srcset')!);
    expect(found.map((c) => c.descriptor)).toEqual(['252w', '504w', '756w']);
    for (const { url, descriptor } of found) {
      expect(url).toMatch(/^\/_astro\/.+\.webp$/);
      const meta = await sharp(join(minimal, url)).metadata();
      expect(`${meta.width}w`).toBe(descriptor);
      expect(meta.height).toBe(Math.round((meta.width * 1920) / 1080));
    }
    // src, for browsers without srcset, is a 1× copy too (MDX hands the widths over as text, so
    // Astro hashes it apart from the srcset's).
    expect(img.attr('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect((await sharp(join(minimal, img.attr('src')!)).metadata()).width).toBe(252);
  });

  it('carry the attributes Markdown ones carry, none of Astro’s layouts', () => {
    const names = (el: ReturnType<typeof $>) => Object.keys(el.attr() ?? {}).sort();
    const markdown = page(campaign, 'vi/guides/alerts-on-android/index.html');
    expect(names(img)).toEqual(names(markdown('.body img').first()));
    expect(names(img).filter((name) => name.startsWith('data-astro'))).toEqual([]);
  });
});
