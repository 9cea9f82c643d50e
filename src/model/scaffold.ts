import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, Scalar, stringify } from 'yaml';
import type { LoadedContent } from './load-content.ts';
import { fingerprint, translationReport } from './translations.ts';
import { frontMatterBlock, splitFrontMatter } from './front-matter.ts';
import { codeProblem, newCode } from '../posters/code.ts';
import { parseTarget } from '../posters/target.ts';
import { shownAlongChain } from '../lib/pages.ts';
import { SLUG } from './schemas.ts';
import type { PageKind } from '../kinds/kind.ts';
import { KINDS } from '../kinds/index.ts';

/** A file to create, or why it cannot be. */
export type Scaffold = { file: string; text: string } | { error: string };

/** Front matter for `data`; a fingerprint is quoted so that one such as 1e345678 stays text. */
function frontMatter(data: Record<string, unknown>): string {
  const doc = new Document(data);
  const follows = doc.get('follows', true);
  if (follows instanceof Scalar) follows.type = Scalar.QUOTE_DOUBLE;
  return frontMatterBlock(doc);
}
const words = (slug: string) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * A new page of a kind in the default locale, for the editor to fill in; dated `today` where the
 * kind has dates. It starts as a draft: its placeholder text passes the check only while it is one.
 */
export function scaffoldPage(content: LoadedContent, kind: PageKind, slug: string | undefined, today: string): Scaffold {
  if (!slug || !SLUG.test(slug))
    return { error: `Give the ${kind.noun} a slug of lowercase letters, digits and hyphens, e.g. npm run new -- ${kind.noun} opening-hours` };
  const locale = content.settings!.defaultLocale;
  const { data, body } = kind.starter(content.entries, today);
  return { file: `content/${locale}/${kind.folder}/${slug}.md`, text: frontMatter({ title: words(slug), draft: true, ...data }) + '\n' + body };
}

/** A new poster for a page of the site; `code` may be `auto` for a fresh random one. */
export function scaffoldPoster(content: LoadedContent, code: string | undefined, target: string | undefined, today: string): Scaffold {
  const taken = new Set(content.posters.map((p) => p.code));
  if (!code || !target) return { error: 'Give a code (or auto) and a target, e.g. npm run new -- poster auto vi/guides/install-android' };
  const chosen = code === 'auto' ? newCode(taken) : code;
  const problem = codeProblem(chosen);
  if (problem) return { error: `The code "${code}" has ${problem}` };
  if (taken.has(chosen)) return { error: `The code "${chosen}" is already used by ${content.posters.find((p) => p.code === chosen)!.file}` };
  const parsed = parseTarget(target);
  if ('problem' in parsed) return { error: `The target: ${parsed.problem}` };
  const pages = new Set(content.entries.map((e) => `${e.locale}/${e.kind}/${e.slug}`));
  const chain = content.locales.find((l) => l.code === parsed.locale)?.chain ?? [];
  const exists = shownAlongChain(pages, chain, parsed.kind, parsed.slug);
  const drafts = new Set(content.drafts.map((e) => `${e.locale}/${e.kind}/${e.slug}`));
  if (!exists && shownAlongChain(drafts, chain, parsed.kind, parsed.slug))
    return { error: `${target} is a draft (draft: true): a poster's code must lead to a published page; publish the page first` };
  if (!exists)
    return {
      error: `No page ${target} on the site; targets look like ${content.entries[0] ? `${content.entries[0].locale}/${content.entries[0].kind}/${content.entries[0].slug}` : 'vi/guides/install-android'}`,
    };
  return {
    file: `content/posters/${chosen}.yaml`,
    text: stringify(
      { code: chosen, target: `${parsed.locale}/${parsed.kind}/${parsed.slug}`, paper: 'A4', orientation: 'portrait', place: 'Where it hangs', date: today },
      { lineWidth: 0 },
    ),
  };
}

/**
 * A translation into `locale` of the page at `path` (`guides/<slug>` or a file path), starting
 * from the source text and recording the fingerprint of the source it follows. It starts as a
 * draft, so the locale keeps showing its fallback until the translation is done.
 */
export function scaffoldTranslation(content: LoadedContent, siteDir: string, locale: string | undefined, path: string | undefined): Scaffold {
  const codes = content.locales.map((l) => l.code);
  if (!locale || !codes.includes(locale))
    return { error: `Name the locale to translate into (${codes.join(', ')}), e.g. npm run new -- translate ${codes[1] ?? 'en'} guides/install-android` };
  const match = new RegExp(`(?:^|/)(${KINDS.map((k) => k.folder).join('|')})/([a-z0-9-]+)(?:\\.mdx?)?/?$`).exec(path ?? '');
  if (!match) return { error: `Name the page as ${KINDS.map((k) => `${k.folder}/<slug>`).join(' or ')}, e.g. guides/install-android` };
  const [, kind, slug] = match;
  const row = translationReport(content).rows.find((r) => r.kind === kind && r.slug === slug);
  const source = row && [...content.entries, ...content.drafts].find((e) => e.locale === row.source && e.kind === kind && e.slug === slug);
  if (!source) return { error: `There is no ${kind}/${slug} to translate` };
  const split = splitFrontMatter(readFileSync(join(siteDir, source.file), 'utf8'));
  const data: Record<string, unknown> = { ...(source.data as Record<string, unknown>), draft: true, follows: fingerprint(source) };
  for (const [key, value] of Object.entries(data))
    if (value === undefined || (Array.isArray(value) && value.length === 0 && key === 'prerequisites')) delete data[key];
  if (data.broadcast === false) delete data.broadcast;
  return { file: `content/${locale}/${kind}/${slug}${source.file.endsWith('.mdx') ? '.mdx' : '.md'}`, text: frontMatter(data) + split.body };
}

/** Writes a scaffold unless its file exists; returns what happened, for the editor. */
export function writeScaffold(siteDir: string, scaffold: Scaffold): { ok: boolean; message: string } {
  if ('error' in scaffold) return { ok: false, message: scaffold.error };
  const path = join(siteDir, scaffold.file);
  if (existsSync(path)) return { ok: false, message: `${scaffold.file} already exists; nothing was written. Edit it, or remove it first.` };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, scaffold.text);
  return { ok: true, message: `Created ${scaffold.file}` };
}
