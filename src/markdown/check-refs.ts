import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { didYouMean } from '../model/did-you-mean.ts';
import type { BodyIssue } from './body-issue.ts';
import type { BodyRef } from './body-refs.ts';
import { classifyLink, pageFileLink, pageOfPath, relativeSitePath, STEP_ANCHOR, type LinkContext } from './link-policy.ts';
import { decodeTarget } from './targets.ts';

/** What the check knows of the whole site when it follows a body's links and images. */
export interface SiteRefs {
  /** The site's address and base path (see LinkContext). */
  site: string;
  base: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Each locale's fallback chain, itself first. */
  chains: ReadonlyMap<string, readonly string[]>;
  /** Every page file written, by `locale/kind/slug`: its file's extension and its step anchors. */
  pages: ReadonlyMap<string, { ext: string; steps: readonly string[] }>;
  /** The kinds' folder names: `guides`, `messages`. */
  kinds: readonly string[];
}

/** A body as the reference check sees it: where it is inside content/ and its own step anchors. */
export interface RefSource {
  /** `vi/guides/x.md` */
  path: string;
  steps: readonly string[];
}

/**
 * What is wrong with one link or image of a body: links and anchors that lead nowhere, schemes a
 * page may not have, addresses of this site that should be the page's Markdown file, images that
 * are not files in the content folder. Each message says what to write instead.
 */
export function refIssues(ref: BodyRef, from: RefSource, site: SiteRefs): BodyIssue[] {
  return ref.kind === 'image' ? imageIssues(ref, from, site) : linkIssues(ref, from, site);
}

function linkIssues(ref: BodyRef, from: RefSource, site: SiteRefs): BodyIssue[] {
  const issue = (message: string): BodyIssue[] => [{ line: ref.line, field: 'link', message }];
  const context: LinkContext = { path: from.path, site: site.site, base: site.base };
  const link = classifyLink(ref.target, context);
  switch (link.type) {
    case 'external':
      return [];
    case 'refused':
      return issue(link.message);
    case 'fragment':
      return anchorIssue(link.id, from.steps, '#').flatMap(issue);
    case 'page-file': {
      const resolved = posix.normalize(posix.join(posix.dirname(from.path), link.file));
      const parts = resolved.split('/');
      const [toLocale = '', kind = '', file = ''] = parts;
      const page = parts.length === 3 ? shownPage(site, toLocale, kind, file.replace(/\.mdx?$/, '')) : undefined;
      if (!page) {
        const guess = parts.length === 3 ? closestPage(site, toLocale, kind, file.replace(/\.mdx?$/, '')) : undefined;
        const hint = guess ? `did you mean ${pageFileLink(from.path, guess.locale, kind, guess.slug, site.pages.get(guess.key)!.ext)}?` : '';
        return issue(
          `links to ${link.file}, which is not a guide or message in content/ (in this locale or its fallbacks); ${hint || 'expected a path such as ../messages/some-message.md'}`,
        );
      }
      return link.hash ? anchorIssue(link.hash, page.steps, `${link.file}#`).flatMap(issue) : [];
    }
    case 'site-path': {
      const target = pageOfPath(link.path, site.kinds);
      const written = decodeTarget(ref.target);
      if (target) {
        const page = shownPage(site, target.locale, target.kind, target.slug);
        if (page) {
          const file = pageFileLink(from.path, target.locale, target.kind, target.slug, page.ext, link.hash);
          return issue(
            `links to ${written}, a page of this site written as an address; write its Markdown file instead, [${ref.text}](${file}): it is checked, and works in every language and under any base path`,
          );
        }
        const guess = closestPage(site, target.locale, target.kind, target.slug);
        const hint = guess
          ? `; did you mean ${pageFileLink(from.path, guess.locale, target.kind, guess.slug, site.pages.get(guess.key)!.ext, link.hash)}?`
          : '';
        return issue(`links to ${written}, which is not a page of this site${hint}`);
      }
      if (link.spelling === 'relative') return [];
      const hash = link.hash ? `#${link.hash}` : '';
      return issue(
        `links to ${written}, written from the site's root, which breaks when the site lives under a base path; write it relative to this page: ${relativeSitePath(from.path, link.path)}${hash}`,
      );
    }
  }
}

/** A step anchor that the page linked to does not have, with the closest one it has. */
function anchorIssue(id: string, steps: readonly string[], prefix: string): string[] {
  if (!STEP_ANCHOR.test(id) || steps.includes(id)) return [];
  const guess = didYouMean(id, steps);
  const has = steps.length ? `it has ${steps[0]} to ${steps[steps.length - 1]}` : 'it has no numbered steps';
  return [`links to ${prefix}${id}, a step that page does not have (${has})${guess ? `; did you mean ${prefix}${guess}?` : ''}`];
}

/** The page a locale shows for kind/slug: its own, or the first one along its fallback chain. */
function shownPage(site: SiteRefs, locale: string, kind: string, slug: string) {
  for (const code of site.chains.get(locale) ?? []) {
    const page = site.pages.get(`${code}/${kind}/${slug}`);
    if (page) return page;
  }
  return undefined;
}

/** The page of that kind, shown in that locale, whose slug is closest to a mistyped one. */
function closestPage(site: SiteRefs, locale: string, kind: string, slug: string): { locale: string; slug: string; key: string } | undefined {
  const shown = new Map<string, string>(); // slug → locale it comes from
  for (const code of [...(site.chains.get(locale) ?? [])].reverse())
    for (const key of site.pages.keys()) {
      const [l, k, s] = key.split('/');
      if (l === code && k === kind) shown.set(s!, code);
    }
  const guess = didYouMean(slug, shown.keys());
  return guess ? { locale, slug: guess, key: `${shown.get(guess)}/${kind}/${guess}` } : undefined;
}

/** The candidate closest to a mistyped name, when it is close enough to be what was meant. */
function imageIssues(ref: BodyRef, from: RefSource, site: SiteRefs): BodyIssue[] {
  const written = decodeTarget(ref.target);
  const issues: BodyIssue[] = [];
  const issue = (message: string) => issues.push({ line: ref.line, field: 'image', message });
  const images = posix.relative(posix.dirname(from.path), 'images');
  if (/^[a-z][a-z0-9+.-]*:|^[\\/]{2}/i.test(written.trim()))
    issue(
      `image ${written} is on another site; a page may load nothing from elsewhere: save the picture in the content folder (e.g. content/images/) and write its path relative to this file, ![${ref.text || 'description'}](${images}/name.png)`,
    );
  else if (written.startsWith('/'))
    issue(
      `image ${written} is written from the site's root; write its path relative to this file: ${posix.relative(posix.dirname(from.path), written.slice(1))}`,
    );
  else if (written.trim() === '') issue(`an image without a file; write ![description](${images}/name.png)`);
  else {
    const inContent = posix.normalize(posix.join(posix.dirname(from.path), written));
    if (inContent.startsWith('../')) issue(`image ${written} is outside the content folder; images must be files in content/, such as ${images}/name.png`);
    else if (!existsSync(join(site.contentDir, inContent))) issue(`image ${written} not found; expected a file path relative to this file`);
  }
  if (ref.text.trim() === '')
    issue(`image ${written} has no alt text; expected a description of it in this page's language, written as ![description](${written})`);
  return issues;
}
