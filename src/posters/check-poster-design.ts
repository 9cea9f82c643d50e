import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedContent } from '../model/load-content.ts';
import type { Problem } from '../model/problems.ts';
import { parseYaml } from '../model/front-matter.ts';
import { translator } from '../i18n/translate.ts';
import { PLATFORMS } from '../model/schemas.ts';
import { posterContent } from './poster-content.ts';
import { maxCodeMm } from './paper.ts';
import { posterCode } from './poster-code.ts';

/** The line of a field in a YAML file, or of the first of `fallbacks` present. */
function lineOf(siteDir: string, file: string, ...keys: string[]): number | undefined {
  const yaml = parseYaml(readFileSync(join(siteDir, file), 'utf8'), 1, true);
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  const key = keys.find((k) => k in data) ?? keys.at(-1)!;
  return yaml.lineOf([key]);
}

/**
 * What a poster's design asks of the content, checked before anything is built: the logo file
 * exists, a chosen platform is one the guide has steps for, and the text fits the sheet at the
 * sizes its reading distance asks for (see fitPoster), with file, line and what to change.
 */
export function posterDesignProblems(content: LoadedContent, siteDir: string): Problem[] {
  const { settings, entries, posters, locales, ui } = content;
  if (!settings) return [];
  const problems: Problem[] = [];
  const logo = settings.identity.logo;
  if (logo && !existsSync(join(siteDir, 'content', logo)))
    problems.push({
      file: 'content/site.yaml',
      line: lineOf(siteDir, 'content/site.yaml', 'identity'),
      field: 'identity.logo',
      message: `expected a file content/${logo}; there is none`,
    });
  // A retired poster is not printed again: only its short link matters.
  for (const poster of posters.filter((p) => p.status === 'active')) {
    const { locale, kind, slug } = poster.target;
    const chain = locales.find((l) => l.code === locale)?.chain ?? [locale];
    const shownIn = chain.find((code) => entries.some((e) => e.locale === code && e.kind === kind && e.slug === slug));
    const entry = entries.find((e) => e.locale === shownIn && e.kind === kind && e.slug === slug);
    // Unknown targets and codes too big for their paper are reported by checkPosters.
    if (!entry || posterCode(poster, settings.site, settings.base).widthMm > maxCodeMm(poster.paper)) continue;
    const platforms = new Set(entry.parsed.steps.flatMap((step) => (step.platform ? [step.platform] : [])));
    if (poster.platform && kind === 'guides' && !platforms.has(poster.platform)) {
      const has = PLATFORMS.filter((p) => platforms.has(p));
      problems.push({
        file: poster.file,
        line: lineOf(siteDir, poster.file, 'platform'),
        field: 'platform',
        message: has.length
          ? `the guide ${locale}/${kind}/${slug} has no steps for ${poster.platform}; expected one of ${has.join(', ')}`
          : `the guide ${locale}/${kind}/${slug} has no platform sections; leave platform out`,
      });
      continue;
    }
    const target = { kind, textLocale: entry.locale, title: entry.data.title, summary: entry.data.summary, parsed: entry.parsed };
    for (const fit of posterContent(poster, target, settings, chain, translator(ui, chain)).fit)
      problems.push({
        file: poster.file,
        line: lineOf(siteDir, poster.file, ...(fit.field === 'headline' ? ['headline', 'target'] : ['paper'])),
        field: fit.field === 'headline' && !poster.headline ? 'headline (the target’s title)' : fit.field,
        message: fit.message,
      });
  }
  return problems;
}
