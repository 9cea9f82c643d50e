import type { z } from 'astro/zod';

/** The parts of a zod schema's definition that say where its fields are. */
interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  valueType?: z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** The schemas a value at this level may have, wrappers (optional, default, pipe, union) looked through. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe') return [...(def.in ? unwrap(def.in) : []), ...(def.out ? unwrap(def.out) : [])];
  if (def.type === 'union') return (def.options ?? []).flatMap(unwrap);
  return [schema];
}

/**
 * The field names a schema allows at `path` (`['organisation']` → name, address, phone, email), for
 * a did-you-mean on an unknown field; empty when no object schema is found there.
 */
export function fieldsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let level = unwrap(schema);
  for (const key of path) {
    level = level.flatMap((s) => {
      const def = defOf(s);
      if (def.type === 'object' && typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key)) return unwrap(def.shape[key]!);
      if (def.type === 'array' && typeof key === 'number' && def.element) return unwrap(def.element);
      if (def.type === 'record' && def.valueType) return unwrap(def.valueType);
      return [];
    });
  }
  return [...new Set(level.flatMap((s) => (defOf(s).type === 'object' ? Object.keys(defOf(s).shape ?? {}) : [])))];
}
