import type { z } from 'astro/zod';
import { KINDS } from '../kinds/index.ts';
import { posterData, siteSettingsSchema, type SiteSettings } from '../model/schemas.ts';
import { UI_DEFAULTS } from '../i18n/ui-strings.ts';
import { fieldFromSchema, labelOf, type CmsField, type FieldContext } from './zod-fields.ts';
import { DRAFT_FIELD, FOLLOWS_FIELD, MEDIA_FOLDER, PAGE_IMAGE_PATH } from './editor/names.ts';
import { editorBackend } from './git-backend.ts';
import { fieldName, SOURCE_FIELD, YAML_FORMAT } from './editor/yaml-file.ts';

/**
 * Fields the editor shows but must not change, with why: the slugs a page had before, kept so
 * old links still work, are written when a page is renamed.
 */
export const READ_ONLY_FIELDS: Record<string, string> = {
  previously: 'The slugs this page had before, kept so old links still work; written when a page is renamed.',
};

/**
 * Fields drawn by Loa's own controls (src/admin/editor/), with what the editor reads under them.
 * `follows` is recorded, never typed: typed by hand it would make an outdated translation look
 * current. Draft has no default: Sveltia would give it to existing pages too; its control
 * ticks it for a page without text instead.
 */
export const LOA_FIELDS: Record<string, Partial<CmsField> & { widget: string; hint: string }> = {
  follows: {
    widget: FOLLOWS_FIELD,
    hint: 'Recorded when this translation is edited and saved: the version of the source text it follows (npm run translations).',
  },
  draft: {
    widget: DRAFT_FIELD,
    default: undefined,
    hint: 'Ticked: saved and checked, not published. New pages and new translations start ticked; untick it to publish.',
  },
};

/** A page the site has, for the list a poster's target is chosen from. */
export interface TargetPage {
  locale: string;
  kind: string;
  slug: string;
  title: string;
}

/** What the configuration is built from: the site's settings and pages; the backend from the settings' `editor:` (see editorBackend) unless given. */
export interface CmsConfigInput {
  settings: SiteSettings;
  pages: readonly TargetPage[];
  backend?: { name: string; [option: string]: unknown };
}

/** The site's locale codes in the settings' order, the default locale first. */
function editorLocales(settings: SiteSettings): string[] {
  const codes = settings.locales.map((locale) => locale.code);
  return [settings.defaultLocale, ...codes.filter((code) => code !== settings.defaultLocale)];
}

/** One editor field per field of a z.object schema, the read-only ones marked (see READ_ONLY_FIELDS), Loa's own drawn by its controls (LOA_FIELDS). */
function fieldsOf(schema: z.ZodType, context: FieldContext): CmsField[] {
  const shape = (schema as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;
  return Object.entries(shape).map(([name, value]) => {
    const field = fieldFromSchema(name, value, context);
    if (READ_ONLY_FIELDS[name]) Object.assign(field, { readonly: true, hint: READ_ONLY_FIELDS[name] });
    // The site's locales in order, the default first, for the control to find a translation's source.
    if (LOA_FIELDS[name]) Object.assign(field, LOA_FIELDS[name], name === 'follows' ? { locales: context.locales } : {});
    return field;
  });
}

/**
 * Loa's own fields (LOA_FIELDS) first: a page's status opens the form, and their controls are
 * drawn as it opens (Sveltia draws fields further down only once scrolled to), so `follows`
 * sees the text as it was before any edit.
 */
const loaFieldsFirst = (fields: CmsField[]) => [...fields.filter((f) => LOA_FIELDS[f.name]), ...fields.filter((f) => !LOA_FIELDS[f.name])];

/** The body of a page: Markdown, required, its images written into the content image folder. */
const bodyField = (): CmsField => ({
  name: 'body',
  label: 'Body',
  widget: 'markdown',
  required: true,
  hint: 'Number the steps (1. 2. 3.). Every image needs a description (its alt text); npm run check refuses an image without one.',
});

/** A message's topics: chosen from the site's topics (site.yaml), not typed. */
function withTopics(fields: CmsField[], settings: SiteSettings): CmsField[] {
  const topics = Object.keys(settings.topics ?? {});
  return fields.map((field) =>
    field.name === 'topics' && field.widget === 'list' ? { ...field, widget: 'select', multiple: true, options: topics, field: undefined } : field,
  );
}

/** A poster's target chosen from the site's pages (`vi/guides/install-android`), not typed. */
function withTargets(fields: CmsField[], pages: readonly TargetPage[]): CmsField[] {
  const options = pages.map((page) => ({ label: `${page.title} (${page.locale}, ${page.kind})`, value: `${page.locale}/${page.kind}/${page.slug}` }));
  return fields.map((field) =>
    field.name === 'target'
      ? { ...field, widget: 'select', options, hint: 'The page the poster’s code leads to. A page saved since the last build appears after the next one.' }
      : field,
  );
}

/** Drops keys whose value is undefined, so the YAML written from the configuration has no empty options. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object' && !(value instanceof RegExp))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    ) as T;
  return value;
}

/** The plural forms a locale's labels that count are written with: one text when the language has one form (vi, zh, km). */
function pluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/**
 * The fields of one locale's UI strings file: every label of UI_DEFAULTS, optional (a missing one
 * falls back), English as the hint; a key with a dot is a field named with `__` (fieldName).
 */
function uiFields(locale: string): CmsField[] {
  return Object.entries(UI_DEFAULTS).map(([key, english]): CmsField => {
    const forms = pluralForms(locale);
    if (typeof english === 'object' && forms.length > 1)
      return {
        name: fieldName(key),
        label: key,
        widget: 'object',
        required: false,
        fields: forms.map((form) => ({ name: form, label: form, widget: 'string', required: false, hint: (english as Record<string, string>)[form] })),
      };
    const hint = typeof english === 'string' ? english : Object.values(english as Record<string, string>).join(' / ');
    return { name: fieldName(key), label: key, widget: 'string', required: false, hint };
  });
}

/**
 * The web editor's configuration (Sveltia CMS, Decap-compatible), built from Loa's own schemas
 * and the site's settings so that it cannot drift from what `npm run check` accepts: one
 * collection per kind of page (`content/<locale>/<kind>/<slug>.md`, locales side by side), the
 * posters, the site settings and each locale's UI strings.
 */
export function cmsConfig({ settings, pages, backend = editorBackend(settings.editor).backend }: CmsConfigInput) {
  const locales = editorLocales(settings);
  const context: FieldContext = { locales };
  const kinds = KINDS.map((kind) => {
    let fields = fieldsOf(kind.schema, context);
    fields = withTopics(fields, settings);
    return {
      name: kind.folder,
      label: labelOf(kind.folder),
      label_singular: labelOf(kind.noun),
      folder: `content/{{locale}}/${kind.folder}`,
      extension: 'md',
      format: 'frontmatter',
      create: true,
      identifier_field: 'title',
      slug: '{{title}}',
      // Pictures go to content/images/, written as the page's relative path to it (../../images/x.png).
      media_folder: PAGE_IMAGE_PATH,
      public_folder: PAGE_IMAGE_PATH,
      i18n: { structure: 'multiple_folders', locales, default_locale: settings.defaultLocale, initial_locales: 'default' },
      fields: [...loaFieldsFirst(fields).map((field) => ({ ...field, i18n: true })), { ...bodyField(), i18n: true }],
    };
  });
  const posters = {
    name: 'posters',
    label: 'Posters',
    label_singular: 'Poster',
    folder: 'content/posters',
    extension: 'yaml',
    format: 'yaml',
    create: true,
    identifier_field: 'code',
    slug: '{{code}}',
    fields: withTargets(fieldsOf(posterData, context), pages),
  };
  return clean({
    backend,
    // Sveltia wants an absolute public folder here; pages get the relative path they use (bodyField).
    media_folder: MEDIA_FOLDER,
    public_folder: `/${MEDIA_FOLDER}`,
    // Lowercase ASCII slugs, accents taken off: Đăng ký tiêm → dang-ky-tiem (the form `npm run check` requires of file names).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', lowercase: true, trim: true },
    i18n: { structure: 'multiple_folders', locales, default_locale: settings.defaultLocale },
    // An optional field left empty is left out of the file, as Loa's schemas expect: Sveltia would
    // otherwise write `follows: ''` and `order: null`, which npm run check refuses.
    output: { omit_empty_optional_fields: true },
    // Pictures come from the site's own images or the editor's computer, never from stock photo
    // services on other origins (which the editor's policy would refuse anyway).
    media_libraries: { stock_assets: false },
    collections: [...kinds, posters, settingsCollection(settings), uiStringsCollection(settings)],
  });
}

/**
 * A YAML file as a collection file, read and written in place (yaml-file.ts): only what the editor
 * changes is written, comments and all else stay as they were.
 */
const yamlFile = (name: string, label: string, file: string, fields: CmsField[]) => ({
  name,
  label,
  file,
  format: YAML_FORMAT,
  extension: 'yaml',
  fields: [...fields, { name: SOURCE_FIELD, label: SOURCE_FIELD, widget: 'hidden', required: false }],
});

/** The site settings (`content/site.yaml`) as an editor collection: a field per setting, per-locale texts one box per locale. */
function settingsCollection(settings: SiteSettings) {
  const context: FieldContext = { locales: editorLocales(settings) };
  return { name: 'settings', label: 'Site settings', files: [yamlFile('site', 'Site settings', 'content/site.yaml', fieldsOf(siteSettingsSchema(), context))] };
}

/** Each locale's UI strings (`content/<locale>/ui.yaml`) as an editor collection: every label, optional, the English text as its hint. */
function uiStringsCollection(settings: SiteSettings) {
  return {
    name: 'ui',
    label: 'Interface texts',
    files: editorLocales(settings).map((code) => yamlFile(`ui-${code}`, `Interface texts (${code})`, `content/${code}/ui.yaml`, uiFields(code))),
  };
}

/** The configuration's type, for tests and the page that serves it. */
export type CmsConfig = ReturnType<typeof cmsConfig>;
