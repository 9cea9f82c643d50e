import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parseYaml } from '../model/front-matter.ts';
import { kindOf } from '../kinds/index.ts';
import type { Problem } from '../model/problems.ts';
import { posterData, publishedLink, type PosterData } from '../model/schemas.ts';
import { zodProblems } from '../model/zod-problems.ts';
import type { Locale } from '../i18n/locales.ts';
import { shownAlongChain } from '../lib/pages.ts';
import { codeProblem } from './code.ts';
import { codeSizeProblem } from './poster-code.ts';
import { closest, parseTarget, type PosterTarget } from './target.ts';

/** A poster as described in `content/posters/`. */
export interface Poster extends Omit<PosterData, 'target'> {
  /** Path of its file, relative to the site folder. */
  file: string;
  target: PosterTarget;
  /** Lines of the fields written in its file that a problem with its code points at. */
  lines?: { paper?: number; level?: number };
}

/** A short link that went to print. */
export interface PublishedLink {
  code: string;
  date: string;
}

/** Where the ledger of printed short links lives, relative to the site folder. */
export const LEDGER_FILE = 'content/published-links.yaml';

/** Posters and the ledger as read, with the problems found in each file on its own. */
export interface LoadedPosters {
  posters: Poster[];
  published: PublishedLink[];
  problems: Problem[];
}

/** Reads `content/posters/*.yaml` and the ledger, checking each file on its own. */
export function loadPosterFiles(siteDir: string): LoadedPosters {
  const problems: Problem[] = [];
  const posters: Poster[] = [];
  const folder = join(siteDir, 'content', 'posters');
  const files = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of files) {
    const file = `content/posters/${name}`;
    // Every poster field is text: read codes such as 2e3 or 4567 as written.
    const yaml = parseYaml(readFileSync(join(folder, name), 'utf8'), 1, true);
    for (const error of yaml.errors) problems.push({ file, line: error.line, message: `malformed YAML: ${error.message}` });
    if (yaml.errors.length) continue;
    const parsed = posterData.safeParse(yaml.data ?? {});
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, yaml.data, file, yaml.lineOf, posterData));
      continue;
    }
    const codeIssue = codeProblem(parsed.data.code);
    if (codeIssue) problems.push({ file, line: yaml.lineOf(['code']), field: 'code', message: codeIssue });
    const target = parseTarget(parsed.data.target);
    if ('problem' in target) problems.push({ file, line: yaml.lineOf(['target']), field: 'target', message: target.problem });
    // Only fields written in the file have a line; lineOf would give the file's first one.
    const lineOf = (key: string) => (Object.hasOwn(yaml.data as object, key) ? yaml.lineOf([key]) : undefined);
    const lines = { paper: lineOf('paper'), level: lineOf('level') };
    if (!codeIssue && !('problem' in target)) posters.push({ ...parsed.data, file, target, lines });
  }
  return { posters, published: readLedger(siteDir, problems), problems };
}

function readLedger(siteDir: string, problems: Problem[]): PublishedLink[] {
  const path = join(siteDir, LEDGER_FILE);
  if (!existsSync(path)) return [];
  const yaml = parseYaml(readFileSync(path, 'utf8'), 1, true);
  for (const error of yaml.errors) problems.push({ file: LEDGER_FILE, line: error.line, message: `malformed YAML: ${error.message}` });
  if (yaml.errors.length) return [];
  const parsed = z.array(publishedLink).safeParse(yaml.data ?? []);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, yaml.data, LEDGER_FILE, yaml.lineOf));
    return [];
  }
  return parsed.data;
}

/** What the poster checks need to know about the rest of the site. */
export interface SiteFacts {
  /** Every page written, as `locale/kind/slug`. */
  pages: ReadonlySet<string>;
  locales: readonly Locale[];
  /** The site URL the codes will encode. */
  site: string;
  /** The base path the site lives under (default `/`): codes encode short links in capitals only at the root. */
  base?: string;
  /** True for a build meant only for local preview, which may use an http or localhost address. */
  localPreview: boolean;
}

/**
 * Checks posters against the site: targets that exist, unique codes, the ledger, the site URL,
 * and codes that can be printed large enough to scan from their paper's distance.
 */
export function checkPosters({ posters, published }: LoadedPosters, facts: SiteFacts): Problem[] {
  const problems: Problem[] = [];
  const chains = new Map(facts.locales.map((l) => [l.code, l.chain]));
  const byCode = new Map<string, Poster>();
  for (const poster of posters) {
    const first = byCode.get(poster.code);
    if (first)
      problems.push({
        file: poster.file,
        field: 'code',
        message: `duplicate code "${poster.code}": ${first.file} has the same one; each poster needs its own`,
      });
    else byCode.set(poster.code, poster);
    const { locale, kind, slug } = poster.target;
    const chain = chains.get(locale);
    if (!chain) {
      problems.push({ file: poster.file, field: 'target', message: `unknown locale "${locale}"; expected one of ${[...chains.keys()].join(', ')}` });
      continue;
    }
    if (!shownAlongChain(facts.pages, chain, kind, slug)) {
      const slugs = [...facts.pages].filter((p) => p.split('/')[1] === kind).map((p) => p.split('/')[2]!);
      const suggestion = closest(slug, new Set(slugs));
      problems.push({
        file: poster.file,
        field: 'target',
        message: `no ${kindOf(kind).noun} "${slug}" in ${locale} or its fallbacks${suggestion ? `; did you mean ${locale}/${kind}/${suggestion}?` : ''}`,
      });
    }
  }
  for (const link of published) {
    if (!byCode.has(link.code))
      problems.push({
        file: LEDGER_FILE,
        field: link.code,
        message: `published short link /p/${link.code}/ has no poster; a printed link must keep working, so restore its poster file (set status: retired to send readers to the home page)`,
      });
  }
  if (posters.length > 0 && !facts.localPreview) {
    const url = new URL(facts.site);
    if (url.protocol !== 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
      problems.push({
        file: 'content/site.yaml',
        field: 'site',
        message: `posters encode the site address, so it must be the public https:// address; found "${facts.site}" (build with LOA_LOCAL_PREVIEW=1 for a local preview)`,
      });
  }
  for (const poster of posters) {
    const tooBig = codeSizeProblem(poster, facts.site, facts.base ?? '/');
    if (!tooBig) continue;
    // The line of the paper, which is what usually changes; of the level when only it is written.
    const field = poster.lines?.paper === undefined && poster.lines?.level !== undefined ? 'level' : 'paper';
    problems.push({ file: poster.file, line: poster.lines?.[field], field, message: tooBig });
  }
  return problems;
}
