import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { cmsConfig, LOA_FIELDS, READ_ONLY_FIELDS, type CmsConfig } from '../../src/admin/cms-config.ts';
import { DRAFT_FIELD, FOLLOWS_FIELD } from '../../src/admin/editor/names.ts';
import { SOURCE_FIELD, YAML_FORMAT } from '../../src/admin/editor/yaml-file.ts';
import { fieldFromSchema, unwrap } from '../../src/admin/zod-fields.ts';
import { adminNetlifyRule, adminNginxHeaders } from '../../src/admin/host-headers.ts';
import { adminContentSecurityPolicy } from '../../src/admin/security-policy.ts';
import { UI_DEFAULTS } from '../../src/i18n/ui-strings.ts';
import { KINDS } from '../../src/kinds/index.ts';
import { posterData, siteSettings, siteSettingsSchema, type SiteSettings } from '../../src/model/schemas.ts';

// Locales listed in another order than their default: the editor puts the default first, then the settings' order.
const settings: SiteSettings = siteSettings.parse({
  site: 'https://example.org',
  defaultLocale: 'vi',
  name: { vi: 'Chiến dịch', en: 'Campaign' },
  organisation: { name: 'Sở Y tế' },
  locales: [
    { code: 'km', name: 'ខ្មែរ' },
    { code: 'vi', name: 'Tiếng Việt' },
    { code: 'en', name: 'English', fallback: ['vi'] },
  ],
  topics: { vaccination: { vi: 'Tiêm chủng' }, app: 'App' },
});
const pages = [
  { locale: 'vi', kind: 'guides', slug: 'dang-ky-tiem', title: 'Đăng ký tiêm' },
  { locale: 'en', kind: 'messages', slug: 'opening', title: 'Opening' },
];
const config = cmsConfig({ settings, pages });

type Collection = CmsConfig['collections'][number];
type Field = { name: string; widget: string; required?: boolean; [k: string]: unknown };
type WithFields = Collection & { fields?: Field[]; files?: { file: string; fields: Field[] }[] };
const built = config.collections as WithFields[];
const collection = (name: string) => built.find((c) => c.name === name)!;
const field = (fields: Field[] | undefined, name: string) => fields!.find((f) => f.name === name)!;
const shape = (schema: z.ZodType) => (schema as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;

describe("the web editor's configuration", () => {
  it('has one field for every front-matter field of every kind, required exactly when the schema requires it, and a Markdown body', () => {
    for (const kind of KINDS) {
      const fields = collection(kind.folder).fields as Field[];
      const names = Object.keys(shape(kind.schema));
      // Loa's own fields open the form (their controls are drawn as it opens), the body ends it.
      const own = names.filter((name) => name in LOA_FIELDS);
      expect(own).toEqual(['follows', 'draft']);
      expect(fields.map((f) => f.name)).toEqual([...own, ...names.filter((name) => !own.includes(name)), 'body']);
      for (const name of names) expect(field(fields, name).required, `${kind.folder}.${name}`).toBe(!unwrap(shape(kind.schema)[name]!).optional);
      expect(field(fields, 'body')).toMatchObject({ widget: 'markdown', required: true });
      // Pictures uploaded into a page go to content/images/, written as the page's path to them.
      expect(collection(kind.folder)).toMatchObject({ media_folder: '../../images', public_folder: '../../images' });
    }
  });

  it("writes each kind's pages as content/<locale>/<kind>/<slug>.md, locales default first then in the settings' order", () => {
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['vi', 'km', 'en'], default_locale: 'vi' });
    for (const kind of KINDS)
      expect(collection(kind.folder)).toMatchObject({
        folder: `content/{{locale}}/${kind.folder}`,
        extension: 'md',
        format: 'frontmatter',
        i18n: { structure: 'multiple_folders', locales: ['vi', 'km', 'en'], default_locale: 'vi' },
      });
  });

  it('maps types to widgets: enumerations as selects, dates as date inputs, lists as lists, numbers with their bounds, patterns with their message', () => {
    const guides = collection('guides').fields as Field[];
    expect(field(guides, 'platforms')).toMatchObject({ widget: 'select', multiple: true, options: ['android', 'ios', 'web'], min: 1, required: true });
    expect(field(guides, 'minutes')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, required: true });
    expect(field(guides, 'prerequisites')).toMatchObject({ widget: 'list', required: false, field: { widget: 'string' } });
    const messages = collection('messages').fields as Field[];
    expect(field(messages, 'date')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', required: true });
    expect(field(messages, 'broadcast')).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(field(messages, 'topics')).toMatchObject({ widget: 'select', multiple: true, options: ['vaccination', 'app'] });
    expect(field(messages, 'audio').pattern).toEqual([expect.stringContaining('mp3'), expect.stringContaining('content/audio/')]);
    const posters = collection('posters').fields as Field[];
    expect(field(posters, 'paper')).toMatchObject({ widget: 'select', options: ['A5', 'A4', 'A3'], default: 'A4', required: false });
    expect(field(posters, 'level')).toMatchObject({ widget: 'select', options: ['L', 'M', 'Q', 'H'] });
    expect(field(posters, 'status')).toMatchObject({ widget: 'select', options: ['active', 'retired'] });
    expect(field(posters, 'steps')).toMatchObject({ widget: 'list', min: 1, max: 4 });
  });

  it('picks up a field added to a schema without a change to the generator', () => {
    const added = z.strictObject({
      venue: z.enum(['hall', 'school']).optional(),
      seats: z.number().int().min(10).max(500),
      day: z.union([z.string(), z.date()]),
    });
    const fields = Object.entries(shape(added)).map(([name, schema]) => fieldFromSchema(name, schema, { locales: ['vi'] }));
    expect(fields).toMatchObject([
      { name: 'venue', widget: 'select', options: ['hall', 'school'], required: false },
      { name: 'seats', widget: 'number', min: 10, max: 500, required: true },
      { name: 'day', widget: 'datetime', type: 'date' },
    ]);
  });

  it("draws follows and Draft with Loa's own controls: follows recorded, never typed, knowing the locales' order; Draft without a default", () => {
    for (const kind of KINDS) {
      const fields = collection(kind.folder).fields as Field[];
      expect(field(fields, 'follows')).toMatchObject({ widget: FOLLOWS_FIELD, locales: ['vi', 'km', 'en'], hint: LOA_FIELDS.follows!.hint });
      expect(field(fields, 'follows')).not.toHaveProperty('readonly');
      expect(field(fields, 'draft')).toMatchObject({ widget: DRAFT_FIELD, hint: LOA_FIELDS.draft!.hint });
      expect(field(fields, 'draft')).not.toHaveProperty('default');
    }
  });

  it('shows the fields the editor must not change as read-only, saying why', () => {
    for (const kind of KINDS)
      for (const name of Object.keys(READ_ONLY_FIELDS))
        expect(field(collection(kind.folder).fields as Field[], name)).toMatchObject({ readonly: true, hint: READ_ONLY_FIELDS[name] });
  });

  it('keeps posters in content/posters, untranslated, with the target chosen from the pages the site has', () => {
    const posters = collection('posters');
    expect(posters).toMatchObject({ folder: 'content/posters', extension: 'yaml' });
    expect(posters).not.toHaveProperty('i18n');
    expect((posters.fields as Field[]).map((f) => f.name)).toEqual(Object.keys(shape(posterData)));
    expect(field(posters.fields as Field[], 'target')).toMatchObject({
      widget: 'select',
      required: true,
      options: [
        { value: 'vi/guides/dang-ky-tiem', label: 'Đăng ký tiêm (vi, guides)' },
        { value: 'en/messages/opening', label: 'Opening (en, messages)' },
      ],
    });
  });

  it('offers the pages, the posters, the settings and the UI strings files, these two changed in place (yaml-file.ts)', () => {
    expect(config.collections.map((c) => c.name)).toEqual([...KINDS.map((kind) => kind.folder), 'posters', 'settings', 'ui']);
    for (const file of [...collection('settings').files!, ...collection('ui').files!]) {
      expect(file).toMatchObject({ format: YAML_FORMAT, extension: 'yaml' });
      expect(file.fields.at(-1)).toMatchObject({ name: SOURCE_FIELD, widget: 'hidden' });
    }
  });

  it('edits content/site.yaml with a field per setting, per-locale texts as one box per locale', () => {
    const [file] = collection('settings').files!;
    expect(file!.file).toBe('content/site.yaml');
    expect(file!.fields.map((f) => f.name)).toEqual([...Object.keys(shape(siteSettingsSchema())), SOURCE_FIELD]);
    expect(field(file!.fields, 'name')).toMatchObject({
      widget: 'object',
      required: true,
      fields: [{ name: 'vi', required: true }, { name: 'km' }, { name: 'en' }],
    });
    expect(field(file!.fields, 'tagline').required).toBe(false);
    // A list of objects lists the objects' fields.
    expect(field(file!.fields, 'locales')).toMatchObject({
      widget: 'list',
      min: 1,
      fields: [{ name: 'code' }, { name: 'name' }, { name: 'dir' }, { name: 'fallback' }],
    });
    expect(field(file!.fields, 'locales')).not.toHaveProperty('field');
  });

  it("edits each locale's UI strings, every label optional, counted labels with the plural forms the language has", () => {
    const files = collection('ui').files!;
    expect(files.map((f) => f.file)).toEqual(['content/vi/ui.yaml', 'content/km/ui.yaml', 'content/en/ui.yaml']);
    // Sveltia refuses a dot in a field name (it would be a path into nested objects): such a label is a field named with __, labelled with its key.
    for (const file of files) {
      const labels = file.fields.slice(0, -1);
      expect(labels.map((f) => f.label)).toEqual(Object.keys(UI_DEFAULTS));
      expect(labels.map((f) => f.name)).toEqual(Object.keys(UI_DEFAULTS).map((key) => key.replaceAll('.', '__')));
      expect(labels.every((f) => f.required === false)).toBe(true);
    }
    expect(field(files[0]!.fields, 'platform__android')).toMatchObject({ label: 'platform.android', hint: 'Android' });
    // Vietnamese has one form (a plain text); English has one and other.
    expect(field(files[0]!.fields, 'stepCount').widget).toBe('string');
    expect(field(files[2]!.fields, 'stepCount')).toMatchObject({ widget: 'object', fields: [{ name: 'one' }, { name: 'other' }] });
  });

  it('makes lowercase ASCII slugs without accents, and uses the test backend unless told otherwise', () => {
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true, lowercase: true });
    expect(config.backend).toEqual({ name: 'test-repo' });
    // An optional field left empty is left out, not written as '' or null (which the schemas refuse).
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    expect(cmsConfig({ settings, pages, backend: { name: 'github', repo: 'org/site' } }).backend).toEqual({ name: 'github', repo: 'org/site' });
  });
});

describe("the web editor's security policy", () => {
  it('allows what Sveltia needs (inline styles, data: and blob: reads, a blob: worker and preview frame) and nothing from another origin, and frames the editor nowhere', () => {
    const policy = adminContentSecurityPolicy();
    expect(policy.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self' data: blob:",
      "worker-src 'self' blob:",
      "frame-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(policy).not.toMatch(/https?:|unsafe-eval/);
    expect(adminContentSecurityPolicy(['https://api.github.com'])).toContain("connect-src 'self' data: blob: https://api.github.com;");
  });

  it('is written as a _headers rule for admin/ under the base path, and as nginx lines', () => {
    expect(adminNetlifyRule('/campaign/').split('\n').slice(1, 3)).toEqual(['/campaign/admin/*', `  Content-Security-Policy: ${adminContentSecurityPolicy()}`]);
    expect(adminNginxHeaders()).toContain(`add_header Content-Security-Policy "${adminContentSecurityPolicy()}" always;`);
  });
});
