/**
 * How the editor reads and writes the settings and UI strings files (`content/site.yaml`,
 * `content/<locale>/ui.yaml`): as YAML documents changed in place. Sveltia would write such a
 * file anew from its fields, dropping the comments that guide editors, reordering maps and
 * losing what it has no field for; here only the values the editor changed are written into the
 * file as it was, everything else stays as written. Label keys with a dot (`platform.android`),
 * which Sveltia refuses as field names, are fields named with `__` instead.
 */
import { isCollection, parse, parseDocument, type Document } from 'yaml';

/** The format's name in the configuration. */
export const YAML_FORMAT = 'loa-yaml';
/** A hidden field carrying the file as it was read, for `toFile` to change in place. */
export const SOURCE_FIELD = 'loaSource';

/** A label key as a field name: `platform.android` → `platform__android`. */
export const fieldName = (key: string) => key.replaceAll('.', '__');
const keyOf = (name: string) => name.replaceAll('__', '.');

type Data = Record<string, unknown>;
const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The file's data for the editor, its top-level keys as field names, with the file itself in SOURCE_FIELD. */
export function fromFile(text: string): Data {
  const data = (parse(text) ?? {}) as Data;
  return { ...Object.fromEntries(Object.entries(data).map(([key, value]) => [fieldName(key), value])), [SOURCE_FIELD]: text };
}

/**
 * The file the editor saves: the file as it was read with each changed value set in place, and
 * each text the editor emptied (left out when saved) removed. Maps and lists the editor left out
 * are kept: Sveltia leaves out values it cannot show, never only because they were emptied.
 */
export function toFile(data: Data): string {
  const { [SOURCE_FIELD]: source, ...fields } = data;
  const doc = parseDocument(typeof source === 'string' ? source : '');
  const after = Object.fromEntries(Object.entries(fields).map(([name, value]) => [keyOf(name), value]));
  change(doc, [], (doc.toJS() ?? {}) as Data, after);
  // Flow collections written as the file writes them: `[vi]` or `{ vi: B }`.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: /[[{] \S/.test(String(source)) });
}

/** Writes into `doc` at `path` what differs between `before` and `after`, map by map and list item by list item. */
function change(doc: Document, path: (string | number)[], before: Data | unknown[], after: Data | unknown[]): void {
  for (const [key, value] of Object.entries(after)) {
    const at = [...path, Array.isArray(after) ? Number(key) : key];
    const old = (before as Data)[key];
    const nested = (isObject(value) && isObject(old)) || (Array.isArray(value) && Array.isArray(old) && value.length === old.length);
    if (nested && isCollection(doc.getIn(at, true))) change(doc, at, old as Data, value as Data);
    else if (!same(value, old)) doc.setIn(at, doc.createNode(value));
  }
  if (Array.isArray(before)) return;
  for (const [key, old] of Object.entries(before)) if (!(key in after) && !isObject(old) && !Array.isArray(old)) doc.deleteIn([...path, key]);
}
