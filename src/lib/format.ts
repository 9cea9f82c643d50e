const dateFormats = new Map<string, Intl.DateTimeFormat | undefined>();

/** A locale's long date format (made once: making one costs far more than using it), or undefined when Intl does not know the locale. */
function dateFormat(locale: string): Intl.DateTimeFormat | undefined {
  if (!dateFormats.has(locale)) {
    try {
      dateFormats.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
    } catch {
      dateFormats.set(locale, undefined);
    }
  }
  return dateFormats.get(locale);
}

/** A YYYY-MM-DD day written out in a locale's way, e.g. "30 August 2021". */
export function formatDate(isoDay: string, locale: string): string {
  return dateFormat(locale)?.format(new Date(`${isoDay}T00:00:00Z`)) ?? isoDay;
}
