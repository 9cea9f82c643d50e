import type { Translate } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/ui-strings.ts';

/**
 * The labels the in-page search needs, as JSON for a `data-strings` attribute. The count of
 * results goes as written (one text per plural form, or one text) with the language it is
 * written in, so the script picks its form with that language's rules.
 */
export function searchStrings(t: Translate): string {
  // The same for every page of a locale (whose translator is made once): made once per locale.
  let strings = made.get(t);
  if (!strings) made.set(t, (strings = labelsJson(t)));
  return strings;
}

const made = new WeakMap<Translate, string>();

function labelsJson(t: Translate): string {
  const labels: Record<string, string> = { 'type:guide': t('typeGuide'), 'type:message': t('typeMessage') };
  for (const p of ['android', 'ios', 'web']) labels[`platform:${p}`] = t(`platform.${p}` as UiKey);
  const results = t.written('searchResults');
  return JSON.stringify({
    results: results.label,
    resultsLang: results.lang,
    none: t('searchNoResults'),
    all: t('searchAll'),
    filterType: t('filterType'),
    filterPlatform: t('filterPlatform'),
    filterTopic: t('filterTopic'),
    offline: t('offlineTitle'),
    labels,
  });
}
