import type { z } from 'astro/zod';

/** One field of the web editor's configuration (Sveltia CMS, Decap-compatible), as plain data. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  readonly?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  type?: 'date';
  format?: string;
  fields?: CmsField[];
  field?: CmsField;
  i18n?: boolean | 'duplicate' | 'none';
  [option: string]: unknown;
}

/** What a schema's own definition says, read through zod's public `_zod.def` (zod 4). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue: object) => unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((check) => check._zod.def);
const messageOf = (check: CheckDef, fallback: string): string => {
  const message = typeof check.error === 'function' ? check.error({}) : undefined;
  return typeof message === 'string' ? message : fallback;
};

/** A schema with its wrappers (optional, default, refinements' pipes) taken off, and what they said. */
export interface Unwrapped {
  schema: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
}

/** Takes off `optional`, `default`, `nullable` and the input side of pipes (preprocess, transform), keeping whether the field may be left out. */
export function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') optional = true;
    else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      defaultValue ??= def.defaultValue;
    } else if (def.type === 'pipe') {
      // A preprocess is a pipe from a transform to the real schema; a transform after a schema is a pipe the other way.
      const inner = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
      current = inner;
      continue;
    } else return { schema: current, optional, defaultValue };
    current = def.innerType!;
  }
}

/** True for a union that accepts a date (Loa's `isoDate`: text written as YYYY-MM-DD, or a YAML date). */
const isDateUnion = (def: Def) => def.type === 'union' && def.options!.some((option) => defOf(option).type === 'date');

/** True for a union of text and a per-locale record of text (Loa's `localizedText`). */
const isLocalizedUnion = (def: Def) =>
  def.type === 'union' &&
  def.options!.some((option) => defOf(unwrap(option).schema).type === 'record') &&
  def.options!.some((option) => defOf(option).type === 'string');

/** The label shown for a field: its name with words spaced, `minutes` → `Minutes`, `defaultLocale` → `Default locale`. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the field generator needs to know beyond the schema. */
export interface FieldContext {
  /** The site's locale codes, default first: a per-locale text becomes one sub-field per locale. */
  locales: readonly string[];
}

/**
 * The editor field for one schema field, read from the zod schema itself so that a field added to
 * a kind appears in the editor without a change here: required unless optional or defaulted,
 * enumerations as selects, dates as date inputs, lists as lists, objects as groups of fields,
 * regular expressions as the editor's pattern with the schema's own message.
 */
export function fieldFromSchema(name: string, schema: z.ZodType, context: FieldContext): CmsField {
  const { schema: inner, optional, defaultValue } = unwrap(schema);
  const def = defOf(inner);
  const field: CmsField = { name, label: labelOf(name), widget: 'string', required: !optional };
  // Only a single value is offered as the default: a list or object default (every day of the week) is what leaving the field out means already.
  if (defaultValue !== undefined && typeof defaultValue !== 'object') field.default = defaultValue;
  switch (def.type) {
    case 'string': {
      const regex = checksOf(inner).find((check) => check.format === 'regex' && check.pattern);
      if (regex) field.pattern = [regex.pattern!.source, messageOf(regex, `expected text matching ${regex.pattern!.source}`)];
      return field;
    }
    case 'number': {
      field.widget = 'number';
      const checks = checksOf(inner);
      field.value_type = checks.some((check) => check.format === 'safeint' || check.format === 'int32') ? 'int' : 'float';
      for (const check of checks) {
        if (check.check === 'greater_than') field.min = check.value! + (check.inclusive ? 0 : field.value_type === 'int' ? 1 : 0);
        if (check.check === 'less_than') field.max = check.value! - (check.inclusive ? 0 : field.value_type === 'int' ? 1 : 0);
      }
      return field;
    }
    case 'boolean':
      field.widget = 'boolean';
      return field;
    case 'enum':
      field.widget = 'select';
      field.options = Object.values(def.entries!);
      return field;
    case 'array': {
      const element = unwrap(def.element!).schema;
      const checks = checksOf(inner);
      const min = checks.find((check) => check.check === 'min_length')?.minimum;
      const max = checks.find((check) => check.check === 'max_length')?.maximum;
      if (min !== undefined) field.min = min;
      if (max !== undefined) field.max = max;
      if (defOf(element).type === 'enum') {
        field.widget = 'select';
        field.multiple = true;
        field.options = Object.values(defOf(element).entries!);
        return field;
      }
      field.widget = 'list';
      const item = fieldFromSchema('item', def.element!, context);
      // A list of objects lists their fields (Sveltia writes nothing for a list whose one field is an object).
      if (item.widget === 'object') field.fields = item.fields;
      else field.field = item;
      return field;
    }
    case 'object':
      field.widget = 'object';
      field.fields = Object.entries(def.shape!).map(([key, value]) => fieldFromSchema(key, value, context));
      return field;
    case 'union':
      if (isDateUnion(def)) {
        field.widget = 'datetime';
        field.type = 'date';
        field.format = 'YYYY-MM-DD';
        return field;
      }
      if (isLocalizedUnion(def)) {
        // Written per locale (`name: { vi: …, en: … }`), one text box per locale, the default locale's required.
        field.widget = 'object';
        field.hint = 'One text per language; a language left empty uses its fallback.';
        field.fields = context.locales.map((code, index) => ({ name: code, label: code, widget: 'string', required: index === 0 }));
        return field;
      }
      return field;
    case 'record':
      if (defOf(unwrap(def.valueType!).schema).type === 'string') {
        field.widget = 'keyvalue';
        return field;
      }
      // A map of maps (topics: slug → a label per locale) has no form in the editor: kept as the file has it, not shown.
      field.widget = 'hidden';
      field.hint = 'Edited in the file itself: the editor has no form for names that each have a text per language.';
      return field;
    default:
      return field;
  }
}
