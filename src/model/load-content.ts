import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseYaml, splitFrontMatter, type ParsedYaml } from './front-matter.ts';
import { describeValue, type Problem } from './problems.ts';
import { didYouMean } from './did-you-mean.ts';
import { SLUG, siteSettingsSchema, uiStrings, type SiteSettings } from './schemas.ts';
import { zodProblems } from './zod-problems.ts';
import { findFallbackCycles, resolveLocales, type Locale } from '../i18n/locales.ts';
import { isUiKey, UI_DEFAULTS, type UiLabels } from '../i18n/ui-strings.ts';
import type { Label } from '../i18n/plural.ts';
import { labelIssues } from '../i18n/check-labels.ts';
import { checkPosters, loadPosterFiles, type Poster, type PublishedLink } from '../posters/load-posters.ts';
import { readBody, type ParsedBody } from '../markdown/read-body.ts';
import { diskMemo, type DiskMemo } from '../lib/disk-memo.ts';
import { buildCacheDir } from '../lib/engine-version.ts';
import { refIssues, type SiteRefs } from '../markdown/check-refs.ts';
import { KINDS, kindOf, type DataOf, type Kind } from '../kinds/index.ts';
import { listContentFiles } from './content-files.ts';
import { layoutProblems } from './content-layout.ts';
import { checkImages } from './check-images.ts';
import { topicSettingProblems, unknownTopicProblems } from '../kinds/message/check-topics.ts';
import { drawableProblems } from '../fonts/check-drawable.ts';
import { posterDesignProblems } from '../posters/check-poster-design.ts';
import { broadcastProblems } from '../broadcast/check-broadcast.ts';
import { placeholderProblems } from './placeholders.ts';

/** Folders in `content/` that are not locales. */
export const SHARED_FOLDERS = ['images', 'posters', 'audio'];

/** One page file: a guide, a message, … (see src/kinds/); of any kind, one of them by its `kind`. */
export type ContentEntry<K extends Kind = Kind> = K extends Kind ? EntryOf<K> : never;

/** One page file of kind `K`. */
interface EntryOf<K extends Kind> {
  kind: K;
  locale: string;
  slug: string;
  /** Path relative to the site folder, with forward slashes. */
  file: string;
  data: DataOf<K>;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** What the body's one parse gave: steps, links, images, plain text, HTML (see readBody). */
  parsed: ParsedBody;
}

/** Everything in the content folder, and every problem found in it. */
export interface LoadedContent extends LoadedSite {
  /** The pages to publish: every valid page but the drafts. What the site, feeds, search, posters and status read. */
  entries: ContentEntry[];
  /** Pages with `draft: true`: checked like the others (their problems are in `problems`), never published. */
  drafts: ContentEntry[];
  posters: Poster[];
  published: PublishedLink[];
}

/** Settings that may be overridden when building (`SITE_URL`, `BASE_PATH`). */
export interface Overrides {
  site?: string;
  base?: string;
  /** A build for local preview only (`LOA_LOCAL_PREVIEW=1`): an `http://` site address is accepted. */
  localPreview?: boolean;
}

/** Reads the overrides from the environment. */
export function overridesFromEnv(env: NodeJS.ProcessEnv = process.env): Overrides {
  return { site: env.SITE_URL || undefined, base: env.BASE_PATH || undefined, localPreview: env.LOA_LOCAL_PREVIEW === '1' };
}

/** Site settings, locales and UI strings, with the problems found in them. */
export interface LoadedSite {
  settings?: SiteSettings;
  locales: Locale[];
  /** UI strings as written, per locale code. */
  ui: UiLabels;
  problems: Problem[];
}

/** Reads and checks `content/site.yaml` and each locale's `ui.yaml`: what a command needs that does not read the pages. */
export function loadSite(siteDir: string, overrides: Overrides = overridesFromEnv()): LoadedSite {
  const contentDir = join(siteDir, 'content');
  const rel = (path: string) => relative(siteDir, path).split(sep).join('/');
  const problems: Problem[] = [];
  const site: LoadedSite = { locales: [], ui: {}, problems };
  const settingsFile = join(contentDir, 'site.yaml');
  if (!existsSync(settingsFile)) {
    problems.push({ file: rel(settingsFile), message: 'missing; expected the site settings file' });
    return site;
  }
  const settings = readSettings(settingsFile, rel(settingsFile), overrides, problems);
  if (!settings) return site;
  site.settings = settings;
  site.locales = resolveLocales(settings.locales, settings.defaultLocale);
  for (const { code } of settings.locales) {
    const uiFile = join(contentDir, code, 'ui.yaml');
    if (existsSync(uiFile)) site.ui[code] = readUi(uiFile, rel(uiFile), code, problems);
  }
  return site;
}

/** Told of each valid page that is no draft as soon as it is read, so that a build can start on it (its share image) while the others are read. */
export type OnEntry = (entry: ContentEntry, site: LoadedSite & { settings: SiteSettings }) => void;

/** Reads and checks `content/` of a site folder: settings, UI strings, guides and messages. */
export function loadContent(siteDir: string, overrides: Overrides = overridesFromEnv(), onEntry?: OnEntry): LoadedContent {
  const contentDir = join(siteDir, 'content');
  const rel = (path: string) => relative(siteDir, path).split(sep).join('/');
  const listing = listContentFiles(siteDir);
  // Nothing is read while a file under content/ leads outside the site folder or is no file at all.
  if (listing.unsafe.length) return { locales: [], ui: {}, problems: listing.unsafe, entries: [], drafts: [], posters: [], published: [] };
  const site = loadSite(siteDir, overrides);
  const problems = site.problems;
  const result: LoadedContent = { ...site, entries: [], drafts: [], posters: [], published: [] };
  const settings = site.settings;
  if (!settings) return result;
  const codes = new Set(settings.locales.map((l) => l.code));
  const pages: PageFile[] = [];
  const cacheDir = buildCacheDir(siteDir);
  const readings = diskMemo<PageReading>(join(cacheDir, 'page-files'));
  const told = { ...site, settings };
  // Folders and files Loa does not read (a locale not in the settings, a typo) are reported here.
  problems.push(...layoutProblems(listing, [...codes]));

  for (const name of readdirSync(contentDir).sort()) {
    const dir = join(contentDir, name);
    if (!statSync(dir).isDirectory() || SHARED_FOLDERS.includes(name) || !codes.has(name)) continue;
    for (const { folder: kind } of KINDS) {
      const kindDir = join(dir, kind);
      if (!existsSync(kindDir) || !statSync(kindDir).isDirectory()) continue;
      const seen = new Map<string, string>();
      // Each entry's type comes with the listing: a stat for each of thousands of files took 0.15 s.
      const isFile = (entry: Dirent) => entry.isFile() || (entry.isSymbolicLink() && statSync(join(kindDir, entry.name)).isFile());
      for (const entry of readdirSync(kindDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const fileName = entry.name;
        const match = /^(.*)\.(md|mdx)$/.exec(fileName);
        if (!match || !isFile(entry)) continue;
        const slug = match[1]!;
        const path = join(kindDir, fileName);
        const file = rel(path);
        if (!SLUG.test(slug)) {
          problems.push({ file, field: 'file name', message: `expected lowercase letters, digits and hyphens (e.g. install-android.md); found "${fileName}"` });
          continue;
        }
        if (seen.has(slug)) {
          problems.push({ file, field: 'slug', message: `duplicate slug "${slug}": ${seen.get(slug)} has the same one; rename or remove one of them` });
          continue;
        }
        seen.set(slug, file);
        const page = readPage(kind, name, slug, path, file, problems, readings);
        pages.push(page);
        if (!page.data) continue;
        result.entries.push(page as ContentEntry);
        if (!isDraft(page)) onEntry?.(page as ContentEntry, told);
      }
    }
  }
  readings.save();
  // Every page to be published, valid or not, as locale/kind/slug: what posters may point at (a draft is not).
  const written = new Set(pages.filter((p) => !isDraft(p)).map((p) => `${p.locale}/${p.kind}/${p.slug}`));
  checkReferences(pages, result.locales, settings, siteDir, problems);
  for (const page of pages) if (page.data && !isDraft(page)) problems.push(...placeholderProblems(kindOf(page.kind), { ...page, data: page.data }));
  problems.push(...checkImages(pages, listing, siteDir));
  checkOldSlugs(result.entries, problems);
  checkTopics(pages, settings, problems);
  problems.push(...broadcastProblems(pages, settings, siteDir, cacheDir));
  const posters = loadPosterFiles(siteDir);
  problems.push(...posters.problems);
  const drafts = new Set(pages.filter(isDraft).map((p) => `${p.locale}/${p.kind}/${p.slug}`));
  problems.push(
    ...checkPosters(posters, {
      pages: written,
      locales: result.locales,
      site: settings.site,
      base: settings.base,
      localPreview: process.env.LOA_LOCAL_PREVIEW === '1',
    }).map((problem) => draftTargetProblem(problem, posters.posters, result.locales, drafts)),
  );
  result.posters = posters.posters;
  result.published = posters.published;
  problems.push(...drawableProblems(result, siteDir));
  problems.push(...posterDesignProblems(result, siteDir));
  return publishedOnly(result);
}

/** True for a page whose front matter says `draft: true`. */
const isDraft = (page: { data?: { draft?: boolean } }) => page.data?.draft === true;

/**
 * The one place drafts are held back from publishing: once every page has been checked, drafts
 * leave `entries` (which every page, feed, sitemap, search index, share image, poster and the
 * translation status read) for `drafts`. A draft translation leaves its locale to fall back, as
 * if it were not written.
 */
function publishedOnly(content: LoadedContent): LoadedContent {
  const all = content.entries;
  return { ...content, entries: all.filter((e) => !isDraft(e)), drafts: all.filter(isDraft) };
}

/** A poster whose target is found only among the drafts gets a problem saying so, instead of "no such page". */
function draftTargetProblem(problem: Problem, posters: readonly Poster[], locales: readonly Locale[], drafts: ReadonlySet<string>): Problem {
  const poster = problem.field === 'target' ? posters.find((p) => p.file === problem.file) : undefined;
  if (!poster || !problem.message.startsWith('no ')) return problem;
  const { locale, kind, slug } = poster.target;
  const chain = locales.find((l) => l.code === locale)?.chain ?? [];
  const draft = chain.map((code) => `${code}/${kind}/${slug}`).find((key) => drafts.has(key));
  if (!draft) return problem;
  return {
    ...problem,
    message: `targets content/${draft}, a draft (draft: true), which is not published: the printed code would lead to a missing page; publish the page first (remove draft: true) or point the poster at a published one`,
  };
}

function readSettings(path: string, file: string, overrides: Overrides, problems: Problem[]): SiteSettings | undefined {
  const yaml = parseYaml(readFileSync(path, 'utf8'));
  for (const error of yaml.errors) problems.push({ file, line: error.line, message: `malformed YAML: ${error.message}` });
  if (yaml.errors.length) return undefined;
  if (yaml.data !== null && yaml.data !== undefined && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    problems.push({ file, line: yaml.lineOf([]), message: `expected settings written as name: value lines; found ${describeValue(yaml.data)}` });
    return undefined;
  }
  const raw = { ...(yaml.data as object) } as Record<string, unknown>;
  if (overrides.site) raw.site = overrides.site;
  if (overrides.base) raw.base = overrides.base;
  const schema = siteSettingsSchema(overrides.localPreview);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error, raw, file, yaml.lineOf, schema)) {
      const overridden = (p.field === 'site' && overrides.site) || (p.field === 'base' && overrides.base);
      problems.push(overridden ? { ...p, file: p.field === 'site' ? 'SITE_URL (environment)' : 'BASE_PATH (environment)', line: undefined } : p);
    }
    return undefined;
  }
  const settings = parsed.data; // base normalised by the schema (normalizeBase), for every consumer
  const before = problems.length;
  const codes = settings.locales.map((l) => l.code);
  settings.locales.forEach((locale, i) => {
    if (codes.indexOf(locale.code) !== i)
      problems.push({ file, line: yaml.lineOf(['locales', i, 'code']), field: `locales[${i}].code`, message: `duplicate locale "${locale.code}"` });
    locale.fallback.forEach((next, j) => {
      if (!codes.includes(next))
        problems.push({
          file,
          line: yaml.lineOf(['locales', i, 'fallback', j]),
          field: `locales[${i}].fallback[${j}]`,
          message: `fallback to an undefined locale; expected one of ${codes.join(', ')}, found "${next}"`,
        });
    });
  });
  if (!codes.includes(settings.defaultLocale))
    problems.push({
      file,
      line: yaml.lineOf(['defaultLocale']),
      field: 'defaultLocale',
      message: `expected one of the locales (${codes.join(', ')}); found "${settings.defaultLocale}"`,
    });
  problems.push(...topicSettingProblems(settings, file, yaml.lineOf));
  for (const cycle of findFallbackCycles(settings.locales)) {
    const i = codes.indexOf(cycle[0]!);
    problems.push({
      file,
      line: yaml.lineOf(['locales', i, 'fallback']),
      field: `locales[${i}].fallback`,
      message: `fallback cycle: ${cycle.join(' → ')}; a chain must end`,
    });
  }
  return problems.length === before ? settings : undefined;
}

/** Reads a locale's `ui.yaml`: known labels, their placeholders and, for labels that count, the plural forms of the locale's language. */
function readUi(path: string, file: string, locale: string, problems: Problem[]): Record<string, Label> {
  const yaml = parseYaml(readFileSync(path, 'utf8'));
  for (const error of yaml.errors) problems.push({ file, line: error.line, message: `malformed YAML: ${error.message}` });
  if (yaml.errors.length) return {};
  const data = yaml.data ?? {};
  const parsed = uiStrings.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, data, file, yaml.lineOf, uiStrings));
    return {};
  }
  for (const [key, label] of Object.entries(parsed.data)) {
    if (!isUiKey(key)) {
      const suggestion = didYouMean(key, Object.keys(UI_DEFAULTS));
      const hint = suggestion ? `did you mean ${suggestion}?` : 'check its spelling';
      problems.push({ file, line: yaml.lineOf([key]), field: key, message: `unknown UI string; ${hint} (see src/i18n/ui-strings.ts for the list)` });
    } else {
      for (const issue of labelIssues(key, label, locale))
        problems.push({ file, line: yaml.lineOf([key, ...issue.path]), field: [key, ...issue.path].join('.'), message: issue.message });
    }
  }
  return parsed.data;
}

/**
 * A page file as read, whether or not its front matter is valid; `itemLines` has the line of each
 * item of each list in its front matter, for checks made against the whole site (topics).
 */
type PageFile = Omit<ContentEntry, 'data'> & {
  data?: ContentEntry['data'];
  itemLines?: Record<string, (number | undefined)[]>;
  /** The line of a front-matter field, for checks of fields inside fields (broadcast schedules). */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
};

/** A page file as last read, by path: the live preview reloads the content after every edit, and only changed files are read again. */
const lastRead = new Map<string, { file: string; text: string; page: PageFile; problems: Problem[] }>();

/** What reading a page file's text gives, before its fields are checked: kept on disk between builds (see diskMemo). */
interface PageReading {
  parsed: ParsedBody;
  /** What the body and the front matter's syntax have wrong. */
  problems: Problem[];
  /** The front matter, when it parsed: its value, and the line of each item of each list. */
  front?: { data: unknown; itemLines: Record<string, (number | undefined)[]> };
}
type Readings = DiskMemo<PageReading>;

/** Reads a page file (front matter and body), or gives what it gave last time when its text is unchanged. */
function readPage(kind: Kind, locale: string, slug: string, path: string, file: string, problems: Problem[], readings: Readings): PageFile {
  const text = readFileSync(path, 'utf8');
  let read = lastRead.get(path);
  if (read?.text !== text || read.file !== file) {
    const found: Problem[] = [];
    read = { file, text, page: parsePage(kind, locale, slug, text, file, found, readings), problems: found };
    lastRead.set(path, read);
  } else readings.keep([kind, file, text]);
  problems.push(...read.problems);
  return read.page;
}

function parsePage(kind: Kind, locale: string, slug: string, text: string, file: string, problems: Problem[], readings: Readings): PageFile {
  const split = splitFrontMatter(text);
  const reading = readings.get([kind, file, text], () => readPageText(kind, split, file));
  problems.push(...reading.problems);
  const page: PageFile = { kind, locale, slug, file, body: split.body, bodyLine: split.bodyLine, parsed: reading.parsed };
  if (!reading.front) return page;
  // Lines are only needed to report a problem: the front matter is parsed again then.
  let yaml: ParsedYaml | undefined;
  const lineOf = (path: readonly PropertyKey[]) => (yaml ??= parseYaml(split.yaml!, split.yamlLine)).lineOf(path);
  const data = reading.front.data;
  const parsedData = kindOf(kind).schema.safeParse(data);
  if (!parsedData.success) {
    const found = zodProblems(parsedData.error, data, file, lineOf, kindOf(kind).schema);
    problems.push(...found.map((p) => (p.line === undefined ? { ...p, line: 1 } : p)));
    return page;
  }
  return { ...page, data: parsedData.data as ContentEntry['data'], itemLines: reading.front.itemLines, lineOf };
}

/** Parses a page file's body and front matter: what its fields' check starts from. */
function readPageText(kind: Kind, split: ReturnType<typeof splitFrontMatter>, file: string): PageReading {
  const problems: Problem[] = [];
  const parsed = parseBodyOf(kind, split.body, split.bodyLine, file, problems);
  if (split.unclosed) {
    problems.push({ file, line: 1, message: 'malformed front matter: the opening --- has no closing --- line' });
    return { parsed, problems };
  }
  if (split.yaml === undefined) {
    problems.push({ file, line: 1, message: 'missing front matter; expected the file to start with --- and the fields title, summary, …' });
    return { parsed, problems };
  }
  const yaml = parseYaml(split.yaml, split.yamlLine);
  for (const error of yaml.errors) problems.push({ file, line: error.line, message: `malformed front matter: ${error.message}` });
  if (yaml.errors.length) return { parsed, problems };
  const data = yaml.data ?? {};
  const itemLines: Record<string, (number | undefined)[]> = {};
  for (const [field, value] of Object.entries(data)) if (Array.isArray(value)) itemLines[field] = value.map((_, i) => yaml.lineOf([field, i]));
  return { parsed, problems, front: { data, itemLines } };
}

/**
 * The body read once (see readBody); what it may not contain (see bodyIssues), and MDX that does
 * not parse, are problems at their lines.
 */
function parseBodyOf(kind: Kind, body: string, bodyLine: number, file: string, problems: Problem[]): ParsedBody {
  try {
    const parsed = readBody(body, { path: file.replace(/^content\//, ''), kind });
    for (const issue of parsed.issues) problems.push({ file, line: bodyLine + (issue.line ?? 1) - 1, field: issue.field, message: issue.message });
    return parsed;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):\d+: /.exec(message);
    problems.push({
      file,
      line: at ? bodyLine + Number(at[1]) - 1 : bodyLine,
      message: `MDX that does not parse: ${at ? message.slice(at[0].length) : message}`,
    });
    return { platforms: [], steps: [], refs: [], text: '', issues: [] };
  }
}

/**
 * Checks every link and image of every body against the whole site (see refIssues): pages and
 * step anchors that exist (a page the locale does not have is fine when a locale along its
 * fallback chain has it), schemes a page may have, images that are files in content/.
 */
function checkReferences(entries: PageFile[], locales: Locale[], settings: SiteSettings, siteDir: string, problems: Problem[]): void {
  const refsTo = (pages: PageFile[]): SiteRefs => ({
    site: settings.site,
    base: settings.base,
    contentDir: resolve(siteDir, 'content'),
    chains: new Map(locales.map((l) => [l.code, l.chain])),
    pages: new Map(pages.map((p) => [`${p.locale}/${p.kind}/${p.slug}`, { ext: extname(p.file).slice(1), steps: p.parsed.steps.map((s) => s.id) }])),
    kinds: KINDS.map((k) => k.folder),
  });
  // A draft may link to other drafts; a published page only to published pages (a draft would be a 404).
  const all = refsTo(entries);
  const published = refsTo(entries.filter((p) => !isDraft(p)));
  for (const entry of entries) {
    const from = { path: entry.file.replace(/^content\//, ''), steps: entry.parsed.steps.map((s) => s.id) };
    const site = isDraft(entry) ? all : published;
    for (const ref of entry.parsed.refs) {
      const issues = refIssues(ref, from, site);
      // Found only among the drafts: say so, rather than "no such page".
      const toDraft = site === published && issues.length > 0 && refIssues(ref, from, all).length === 0;
      for (const issue of toDraft ? issues.slice(0, 1) : issues)
        problems.push({
          file: entry.file,
          line: entry.bodyLine + (issue.line ?? 1) - 1,
          field: issue.field,
          message: toDraft
            ? `links to ${ref.target}, a draft (draft: true), which is not published: a reader would find no page there; publish it first (remove draft: true) or remove the link`
            : issue.message,
        });
    }
  }
}

/** Checks that every topic a page lists is declared in `site.yaml` (see unknownTopicProblems), at the topic's line. */
function checkTopics(pages: PageFile[], settings: SiteSettings, problems: Problem[]): void {
  for (const page of pages) {
    const topics = page.data && 'topics' in page.data ? page.data.topics : [];
    problems.push(...unknownTopicProblems(topics, settings.topics, page.file, page.itemLines?.topics));
  }
}

/**
 * Checks the slugs pages had before (`previously:`): each may be claimed by one page only, and
 * none may be the slug of a live page, so every old link still leads to exactly one page.
 */
function checkOldSlugs(entries: ContentEntry[], problems: Problem[]): void {
  const live = new Set(entries.map((e) => `${e.kind}/${e.slug}`));
  const claimed = new Map<string, ContentEntry>();
  for (const entry of entries) {
    for (const old of entry.data.previously) {
      const key = `${entry.kind}/${old}`;
      const other = claimed.get(key);
      if (live.has(key))
        problems.push({
          file: entry.file,
          field: 'previously',
          message: `old slug "${old}" is the slug of a live page (${key}); an old slug must no longer be in use`,
        });
      else if (other && other.slug !== entry.slug)
        problems.push({
          file: entry.file,
          field: 'previously',
          message: `old slug "${old}" is also claimed by ${other.file}; each old slug can lead to one page only`,
        });
      else claimed.set(key, entry);
    }
  }
}
