import { posix } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { ContentEntry } from '../model/load-content.ts';
import { perContent } from '../lib/site-content.ts';
import { screenshotSize } from './screenshot-size.ts';

/**
 * The modules of an `import.meta.glob` of the content folder (`@loa-content`, set in
 * astro.config.mjs), by path inside content/: `images/x.png`, `vi/guides/x.mdx`.
 */
export function byContentPath<M>(modules: Record<string, () => Promise<M>>): Record<string, () => Promise<M>> {
  return Object.fromEntries(Object.entries(modules).map(([key, load]) => [key.slice(key.lastIndexOf('/content/') + '/content/'.length), load]));
}

/** Where an entry's file is inside content/: `vi/guides/x.md`. */
export function contentPath(entry: ContentEntry): string {
  return entry.file.replace(/^content\//, '');
}

const contentImages = byContentPath(import.meta.glob<{ default: ImageMetadata }>('@loa-content/**/*.{png,jpg,jpeg,webp,gif,avif,svg}'));

const rendered = perContent(() => new Map<string, Promise<string>>());

/**
 * The HTML of a guide's or message's Markdown body, as written when the content was loaded (see
 * readBody), with its local images optimised through astro:assets. Done once per entry and
 * content, however many pages show it.
 */
export function renderBody(entry: ContentEntry): Promise<string> {
  let html = rendered().get(entry.file);
  if (!html) {
    html = render(entry);
    rendered().set(entry.file, html);
  }
  return html;
}

async function render(entry: ContentEntry): Promise<string> {
  if (entry.parsed.html === undefined) throw new Error(`${entry.file}: an MDX body is compiled by Astro (see EntryBody.astro), not rendered here`);
  return optimiseImages(entry.parsed.html, entry);
}

const IMAGE_MARK = /__ASTRO_IMAGE_="([^"]+)"/g;
const unescapeAttribute = (value: string) =>
  value
    .replace(/&(?:#x22|quot);/g, '"')
    .replace(/&(?:#x27|apos);/g, "'")
    .replace(/&(?:amp|#x26|#38);/g, '&');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Replaces the images the Markdown renderer marked with optimised ones: modern format, the width
 * and height they are shown at, and a `srcset` of sharper copies for screens with denser pixels.
 */
async function optimiseImages(html: string, entry: ContentEntry): Promise<string> {
  const replacements = new Map<string, string>();
  for (const [, mark] of html.matchAll(IMAGE_MARK)) {
    const { src, index: _index, ...props } = JSON.parse(unescapeAttribute(mark!)) as { src: string; index?: number; [key: string]: unknown };
    const path = posix.normalize(posix.join(posix.dirname(contentPath(entry)), src));
    const load = contentImages[path];
    if (!load) throw new Error(`${entry.file}: image "${src}" is not in the content folder`);
    const source = (await load()).default;
    // An SVG is drawn sharp at any size; other pictures get 1×, 2× and 3× copies (see screenshotSize).
    const size = source.format === 'svg' ? {} : screenshotSize(source.width, source.height);
    const image = await getImage({ ...props, ...size, src: source });
    const attributes = { ...image.attributes, src: image.src, ...(image.srcSet.values.length ? { srcset: image.srcSet.attribute } : {}) };
    replacements.set(
      mark!,
      Object.entries(attributes)
        .filter(([, value]) => value != null)
        .map(([key, value]) => `${key}="${escapeAttribute(String(value))}"`)
        .join(' '),
    );
  }
  return replacements.size ? html.replace(IMAGE_MARK, (whole, mark: string) => replacements.get(mark) ?? whole) : html;
}
