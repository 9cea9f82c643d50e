import type { ContentFiles } from './content-files.ts';
import { looksLikeImage } from './check-images.ts';
import type { Problem } from './problems.ts';
import { KINDS } from '../kinds/index.ts';
import { closest, editDistance } from '../posters/target.ts';
import { acceptedExtensions, isRecordingName } from '../broadcast/audio-facts.ts';

/** Files at the top of content/. */
const TOP_FILES = ['site.yaml', 'published-links.yaml'];
/** Folders at the top of content/ besides the locales. */
const TOP_FOLDERS = ['images', 'posters', 'audio'];
/** Where an image found elsewhere belongs. */
const IMAGES_GO = '; images go in content/images/, or beside the pages that show them';
/** Extensions an editor may give a page by mistake: renamed to .md, it is one. */
const PAGE_LIKE = /\.(markdown|mdown|mkdn|mkd|mdwn|txt|text|md|mdx)$/i;

/**
 * Finds every file and folder under content/ that Loa would not read, so a typo (`content/en/guide/`,
 * `install.markdown`, `site.yml`) is reported instead of silently leaving a page out. What may be
 * where: `site.yaml` and `published-links.yaml` at the top; `images/` (images, in folders of any
 * depth); `posters/*.yaml`; a folder per locale with `ui.yaml` and a folder per kind of page,
 * holding pages (`.md`, `.mdx`) and images. Whether an image is a good one is checkImages' job.
 */
export function layoutProblems(listing: ContentFiles, locales: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const kinds = KINDS.map((k) => k.folder as string);
  const refused: string[] = [];
  const under = (path: string) => refused.some((folder) => path.startsWith(folder + '/'));
  const refuse = (folder: string, message: string) => {
    refused.push(folder);
    problems.push({ file: `content/${folder}/`, message });
  };

  for (const folder of listing.folders) {
    if (under(folder)) continue;
    const [top = '', second, ...rest] = folder.split('/');
    if (second === undefined) {
      if (!TOP_FOLDERS.includes(top) && !locales.includes(top)) refuse(folder, unknownTopFolder(top, locales));
    } else if (top === 'posters') refuse(folder, 'a folder in content/posters/, which is not read; poster files go in content/posters/ itself');
    else if (top === 'images' || top === 'audio') continue;
    else if (rest.length === 0 && !kinds.includes(second)) {
      const hint =
        second === 'images' ? '; images go in content/images/, or beside the pages that show them' : didYouMean(second, kinds, (k) => `content/${top}/${k}/`);
      refuse(folder, `unknown folder; expected ${list(kinds.map((k) => `content/${top}/${k}/`))}${hint}`);
    } else if (rest.length > 0)
      refuse(
        folder,
        `a folder in content/${top}/${second}/, which is not read; pages go in content/${top}/${second}/ itself, and images may go in content/images/`,
      );
  }

  for (const path of listing.files) {
    if (under(path)) continue;
    const parts = path.split('/');
    const name = parts.at(-1)!;
    const file = `content/${path}`;
    const top = parts[0]!;
    if (parts.length === 1) {
      if (!TOP_FILES.includes(name))
        problems.push({
          file,
          message: `unknown file at the top of content/; expected ${list(TOP_FILES)} there${didYouMean(name, TOP_FILES)}${elsewhere(name, locales)}`,
        });
    } else if (top === 'images') {
      if (!looksLikeImage(name)) problems.push({ file, message: `not an image; content/images/ holds images (.png, .jpg, .jpeg, .webp, .gif, .avif)` });
    } else if (top === 'audio') {
      if (!isRecordingName(name)) problems.push({ file, message: `not a recording; content/audio/ holds recordings of messages (${acceptedExtensions()})` });
    } else if (top === 'posters') {
      if (!/\.ya?ml$/.test(name))
        problems.push({
          file,
          message: `not a poster file; poster files end in .yaml${looksLikeImage(name) ? IMAGES_GO : ` (rename it to ${stem(name)}.yaml if it is one)`}`,
        });
    } else if (parts.length === 2) {
      if (name !== 'ui.yaml')
        problems.push({
          file,
          message: `unknown file in a locale folder; expected ui.yaml, with pages in ${list(kinds.map((k) => `content/${top}/${k}/`))}${looksLikeImage(name) ? IMAGES_GO : didYouMean(name, ['ui.yaml'])}`,
        });
    } else if (!/\.mdx?$/.test(name) && !looksLikeImage(name)) {
      const page = PAGE_LIKE.exec(name)?.[1]?.toLowerCase();
      const rename = page ? `; to make it a page, rename it to ${stem(name).toLowerCase()}.${page === 'mdx' ? 'mdx' : 'md'}` : '';
      problems.push({ file, message: `unknown kind of file; expected pages (.md or .mdx) or images${rename}` });
    }
  }
  return problems;
}

/** The message for a folder at the top of content/ that is neither a locale nor images/ or posters/. */
function unknownTopFolder(name: string, locales: readonly string[]): string {
  const shared = nearest(name, TOP_FOLDERS);
  if (shared) return `unknown folder; did you mean content/${shared}/?`;
  const locale = nearest(name, locales);
  return `locale folder not in the settings; ${locale ? `did you mean content/${locale}/? ` : ''}expected one of ${locales.join(', ')} (or add "${name}" to locales in content/site.yaml)`;
}

/** For a page or image put at the top of content/: where it belongs. */
function elsewhere(name: string, locales: readonly string[]): string {
  if (looksLikeImage(name)) return IMAGES_GO;
  if (/\.mdx?$/i.test(name)) return `; pages go in a locale folder, in the folder of their kind, such as content/${locales[0] ?? 'en'}/${KINDS[0].folder}/`;
  if (/\.ya?ml$/i.test(name) && !TOP_FILES.some((t) => editDistance(name, t) <= 2))
    return `; posters go in content/posters/, UI strings in content/<locale>/ui.yaml`;
  return '';
}

/** ` (did you mean x?)` when a candidate is close to what was written, else nothing. */
function didYouMean(wanted: string, candidates: readonly string[], show: (c: string) => string = (c) => c): string {
  const near = nearest(wanted, candidates);
  return near ? `; did you mean ${show(near)}?` : '';
}

/** The one candidate closest to `wanted`, when it is close enough to be a typo of it (or the same in other capitals); none when two are as close. */
function nearest(wanted: string, candidates: readonly string[]): string | undefined {
  const near = closest(wanted.toLowerCase(), candidates);
  if (near === undefined || near === wanted) return undefined;
  const distance = editDistance(wanted.toLowerCase(), near);
  const tied = candidates.some((c) => c !== near && editDistance(wanted.toLowerCase(), c) === distance);
  return distance <= 2 && distance < wanted.length && !tied ? near : undefined;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');
const list = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));
