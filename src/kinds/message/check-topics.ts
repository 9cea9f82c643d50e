import { didYouMean } from '../../model/did-you-mean.ts';
import type { Problem } from '../../model/problems.ts';
import { SLUG, type SiteSettings } from '../../model/schemas.ts';
import { quoteVisibly } from '../../model/visible-text.ts';
import type { Topics } from './topics.ts';

/**
 * Problems of the `topics:` of `site.yaml`: a name that is no slug (it could not be written in a
 * message's list), a label for a locale the site does not have (a typo would go unseen), and a
 * topic without a label in the default locale, which every locale falls back to in the end.
 */
export function topicSettingProblems(settings: SiteSettings, file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  const codes = settings.locales.map((l) => l.code);
  for (const [slug, label] of Object.entries(settings.topics ?? {})) {
    const at = (...path: string[]) => ({ file, line: lineOf(['topics', slug, ...path]), field: ['topics', slug, ...path].join('.') });
    if (!SLUG.test(slug))
      problems.push({
        ...at(),
        message: `expected a topic name of lowercase letters, digits and hyphens, as messages write it (topics: [${asSlug(slug)}]); found ${quoteVisibly(slug)}`,
      });
    if (typeof label === 'string') continue;
    for (const code of Object.keys(label)) {
      if (codes.includes(code)) continue;
      const suggestion = didYouMean(code, codes);
      problems.push({
        ...at(code),
        message: `not a locale of the site${suggestion ? `; did you mean ${suggestion}?` : ''} (expected one of ${codes.join(', ')})`,
      });
    }
    if (!Object.hasOwn(label, settings.defaultLocale))
      problems.push({
        ...at(),
        message: `expected a label in the default locale ${settings.defaultLocale}, which every locale falls back to; found labels for ${Object.keys(label).join(', ')}`,
      });
  }
  return problems;
}

/**
 * The topics of a message that `site.yaml` does not declare, as problems at the line of each:
 * a topic is shown by its label, so one that is not declared would have none (and a typo would
 * make a topic of its own in the search filter).
 */
export function unknownTopicProblems(
  topics: readonly string[],
  declared: Topics | undefined,
  file: string,
  lines: readonly (number | undefined)[] | undefined,
): Problem[] {
  const known = Object.keys(declared ?? {});
  const problems: Problem[] = [];
  topics.forEach((topic, i) => {
    if (known.includes(topic)) return;
    const where = { file, line: lines?.[i], field: `topics[${i}]` };
    if (!known.length) {
      problems.push({
        ...where,
        message: `topic ${quoteVisibly(topic)} is not declared; declare it under topics: in content/site.yaml with its label in each language (${topic}: { <locale>: … })`,
      });
      return;
    }
    const suggestion = didYouMean(topic, known);
    problems.push({
      ...where,
      message: `unknown topic ${quoteVisibly(topic)}; ${suggestion ? `did you mean ${suggestion}? ` : ''}the topics declared in content/site.yaml are ${known.join(', ')} (add it there with its labels if it is new)`,
    });
  });
  return problems;
}

/** A name written as a topic name could be: `Flood Warning` → `flood-warning`, `Tiêm chủng` → `tiem-chung`. */
function asSlug(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
  return plain.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'topic-name';
}
