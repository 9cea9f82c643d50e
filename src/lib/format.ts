const dateFormats = new Map<string, Intl.DateTimeFormat | undefined>();

/** The long date format of the first of `chain` Intl knows (made once: making one costs far more than using it), or undefined when it knows none. */
function dateFormat(chain: readonly string[]): Intl.DateTimeFormat | undefined {
  const key = chain.join(' ');
  if (!dateFormats.has(key)) {
    try {
      const known = Intl.DateTimeFormat.supportedLocalesOf([...chain]);
      dateFormats.set(key, known.length ? new Intl.DateTimeFormat(known, { dateStyle: 'long', timeZone: 'UTC' }) : undefined);
    } catch {
      dateFormats.set(key, undefined);
    }
  }
  return dateFormats.get(key);
}

/**
 * A YYYY-MM-DD day written out in a locale's way, e.g. "30 August 2021". `chain` is the locale's
 * fallback chain: a language Intl has no data for (Tai Dam, `blt`) is dated like the locale it
 * falls back to, as its labels are, not in American English.
 */
export function formatDate(isoDay: string, chain: readonly string[]): string {
  return dateFormat(chain)?.format(new Date(`${isoDay}T00:00:00Z`)) ?? isoDay;
}
