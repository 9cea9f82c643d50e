import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedContent } from '../model/load-content.ts';
import type { Problem } from '../model/problems.ts';
import { parseYaml, splitFrontMatter } from '../model/front-matter.ts';
import { undrawable } from './coverage.ts';

/** A piece of text that share images or posters draw, and where it is written. */
interface DrawnText {
  file: string;
  /** Its path in the file's YAML (front matter for pages), to find its line; or its line, for body text. */
  at: (string | number)[] | number;
  field: string;
  text: string;
}

/** Fields of a poster file that are printed on the poster. */
const POSTER_TEXT = ['headline', 'subline', 'cta', 'steps'];

/** Settings that share images and posters show: the campaign's name and promise, the issuer. */
const SETTINGS_TEXT = [['name'], ['tagline'], ['organisation', 'name']];

/** Every string in a YAML value, with its path: a label, a per-locale map, a list. */
function* strings(value: unknown, path: (string | number)[]): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** The text of a site that share images and posters draw, with where each piece is written. */
function* drawnText({ settings, ui, entries, posters }: LoadedContent): Generator<DrawnText> {
  const field = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  if (settings)
    for (const path of SETTINGS_TEXT) {
      const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], settings);
      for (const s of strings(value, path)) yield { file: 'content/site.yaml', at: s.path, field: field(s.path), text: s.text };
    }
  for (const [code, labels] of Object.entries(ui))
    for (const s of strings(labels, [])) yield { file: `content/${code}/ui.yaml`, at: s.path, field: field(s.path), text: s.text };
  for (const entry of entries) {
    yield { file: entry.file, at: ['title'], field: 'title', text: entry.data.title };
    yield { file: entry.file, at: ['summary'], field: 'summary', text: entry.data.summary };
    // Any step may be a poster's key step.
    for (const step of entry.parsed.steps) yield { file: entry.file, at: entry.bodyLine + (step.line ?? 1) - 1, field: `step ${step.n}`, text: step.text };
  }
  for (const poster of posters)
    for (const key of POSTER_TEXT)
      for (const s of strings(poster[key as keyof typeof poster], [key])) yield { file: poster.file, at: s.path, field: field(s.path), text: s.text };
}

/** The line of a YAML path in a settings, labels or poster file, or in a page's front matter. */
function lineIn(siteDir: string, file: string, path: (string | number)[]): number | undefined {
  const source = readFileSync(join(siteDir, file), 'utf8');
  if (!file.endsWith('.md') && !file.endsWith('.mdx')) return parseYaml(source).lineOf(path);
  const split = splitFrontMatter(source);
  return parseYaml(split.yaml ?? '', split.yamlLine).lineOf(path);
}

/** How a character is named in a message: itself and its code point, `"ꙮ" (U+A66E)`. */
const named = (char: string) => `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;

/**
 * Every character of the text share images and posters draw that no shipped font has. These are
 * errors, not warnings: a share image would spread empty boxes, and a printed poster cannot be
 * taken back. The line is looked up only for text that has such characters.
 */
export function drawableProblems(content: LoadedContent, siteDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const piece of drawnText(content)) {
    const missing = undrawable(piece.text);
    if (missing.length === 0) continue;
    const line = typeof piece.at === 'number' ? piece.at : lineIn(siteDir, piece.file, piece.at);
    problems.push({
      file: piece.file,
      line,
      field: piece.field,
      message: `no font Loa ships can draw ${missing.map(named).join(', ')}, so share images and posters would show empty boxes; write it without ${missing.length === 1 ? 'this character' : 'these characters'} (the fonts are listed in README.md, "Fonts")`,
    });
  }
  return problems;
}
