/**
 * Loa's additions to the web editor, registered with Sveltia CMS once its script has run (the
 * editor page loads it first): the `follows` and Draft fields, the preview of guides and
 * messages in the site's look, pictures written as pages refer to them, and the settings and UI
 * strings files changed in place. The configuration names the field types (src/admin/cms-config.ts).
 */
import { draftControl } from './draft-field.ts';
import { DRAFT_FIELD, FOLLOWS_FIELD } from './names.ts';
import { withPagePicturePaths } from './picture-paths.ts';
import { fromFile, toFile, YAML_FORMAT } from './yaml-file.ts';
import { followsControl } from './follows-field.ts';
import { previewTemplate } from './preview.ts';
import { sveltia } from './sveltia.ts';

sveltia.CMS.registerFieldType(FOLLOWS_FIELD, followsControl());
sveltia.CMS.registerFieldType(DRAFT_FIELD, draftControl());
sveltia.CMS.registerPreviewStyle(`${import.meta.env.BASE_URL}admin/preview.css`);
sveltia.CMS.registerPreviewTemplate('guides', previewTemplate('guide'));
sveltia.CMS.registerPreviewTemplate('messages', previewTemplate('message'));
sveltia.CMS.registerCustomFormat(YAML_FORMAT, 'yaml', { fromFile, toFile });
sveltia.CMS.registerEventListener({ name: 'preSave', handler: withPagePicturePaths });
