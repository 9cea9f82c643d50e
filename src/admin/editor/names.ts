/**
 * What the editor's configuration (src/admin/cms-config.ts) and its script (src/admin/editor/)
 * must agree on: the field types Loa draws itself, and where pictures live.
 */
export const FOLLOWS_FIELD = 'loa-follows';
export const DRAFT_FIELD = 'loa-draft';

/** Where images live, and how a page two folders down (content/<locale>/<kind>/) refers to them. */
export const MEDIA_FOLDER = 'content/images';
export const PAGE_IMAGE_PATH = '../../images';
