/**
 * Pictures in a page's body as `npm run check` wants them: relative to the page. A picture
 * uploaded in the editor is written so already (the collections' media folder); one picked from
 * the site's images ("Global Assets") is written from the site's root, /content/images/x.png,
 * which the check refuses, so the save hook rewrites it.
 */
import { MEDIA_FOLDER, PAGE_IMAGE_PATH } from './names.ts';
import type { ImmutableMap } from './sveltia.ts';

/** A body with every picture written from the site's root rewritten as the page's relative path. */
export function pagePicturePaths(body: string): string {
  return body.replaceAll(`](/${MEDIA_FOLDER}/`, `](${PAGE_IMAGE_PATH}/`);
}

/** Sveltia's save hook: the entry with the bodies of all its locales rewritten (pagePicturePaths). */
export function withPagePicturePaths({ entry }: { entry: ImmutableMap }): ImmutableMap {
  const paths = [['data', 'body'], ...Object.keys(entry.toJS().i18n ?? {}).map((locale) => ['i18n', locale, 'data', 'body'])];
  return paths.reduce((next, path) => {
    const body = next.getIn(path);
    return typeof body === 'string' ? next.setIn(path, pagePicturePaths(body)) : next;
  }, entry);
}
