import type { Translate } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/ui-strings.ts';

/** The labels the in-page search needs, as JSON for a `data-strings` attribute. */
export function searchStrings(t: Translate): string {
  const labels: Record<string, string> = { 'type:guide': t('typeGuide'), 'type:message': t('typeMessage') };
  for (const p of ['android', 'ios', 'web']) labels[`platform:${p}`] = t(`platform.${p}` as UiKey);
  return JSON.stringify({
    results: t('searchResults'),
    none: t('searchNoResults'),
    all: t('searchAll'),
    filterType: t('filterType'),
    filterPlatform: t('filterPlatform'),
    filterTopic: t('filterTopic'),
    labels,
  });
}
