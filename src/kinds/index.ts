import type { z } from 'astro/zod';
import type { PageKind } from './kind.ts';
import { guide } from './guide/kind.ts';
import { message } from './message/kind.ts';

/**
 * Every kind of page editors write, in the order they are read and shown. A new kind is a
 * folder under src/kinds/ with its declaration (kind.ts) and pages, and a line here.
 */
export const KINDS = [guide, message] as const;

/** A kind's folder name: `guides`, `messages`. */
export type Kind = (typeof KINDS)[number]['folder'];

/** The front matter of a page of kind `K`, as checked. */
export type DataOf<K extends Kind> = K extends Kind ? z.output<Extract<(typeof KINDS)[number], { folder: K }>['schema']> : never;

/** The declaration of a kind, by its folder name, for code that serves every kind alike. */
export function kindOf(folder: Kind): PageKind {
  return KINDS.find((kind) => kind.folder === folder)!;
}

/** True for the folder name of a kind. */
export function isKind(folder: string): folder is Kind {
  return KINDS.some((kind) => kind.folder === folder);
}
