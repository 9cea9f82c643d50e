import { z } from 'astro/zod';

/** The platforms a guide can cover. */
export const PLATFORMS = ['android', 'ios', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A BCP-47 language tag as written in `lang`, e.g. `vi`, `en`, `zh-Hant`, `ar`. */
export const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as vi, en, zh-Hant');

/** Text that is not empty once trimmed. */
export const text = z.string().trim().min(1, 'expected some text');

/** Text given once for all languages, or per locale (`{ vi: …, en: … }`). */
export const localizedText = z.union([text, z.record(localeCode, text)]);
export type LocalizedText = z.infer<typeof localizedText>;

/** A day written as YYYY-MM-DD (a YAML date is accepted too). */
export const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: 'custom', message: 'expected a real date written as YYYY-MM-DD' });
    return z.NEVER;
  }
  return iso;
});

export const localeSettings = z.strictObject({
  code: localeCode,
  name: text,
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  fallback: z.array(localeCode).default([]),
});
export type LocaleSettings = z.infer<typeof localeSettings>;

export const siteSettings = z.strictObject({
  site: z.url({ protocol: /^https?$/, error: 'expected an absolute address such as https://example.org' }),
  base: z.string().regex(/^\//, 'expected a path starting with /').default('/'),
  defaultLocale: localeCode,
  name: localizedText,
  tagline: localizedText.optional(),
  organisation: z.strictObject({
    name: localizedText,
    address: localizedText.optional(),
    phone: text.optional(),
    email: z.email('expected an e-mail address').optional(),
  }),
  locales: z.array(localeSettings).min(1, 'expected at least one locale'),
});
export type SiteSettings = z.infer<typeof siteSettings>;

/** A page's slug, as in its file name: lowercase letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Fields of every kind of page: what lists, feeds, share images and posters show, the slugs it
 * had before, and the source version a translation follows. Each kind adds its own (src/kinds/).
 */
export const pageFields = {
  title: text,
  summary: text,
  previously: z.array(z.string().regex(SLUG, 'expected an old slug: lowercase letters, digits and hyphens')).default([]),
  follows: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/, 'expected the fingerprint written by npm run translations -- --mark-current')
    .optional(),
};

/** UI strings of one locale: label key → text. */
export const uiStrings = z.record(z.string(), text);

/** Paper sizes a poster can be printed on. */
export const PAPER_SIZES = ['A5', 'A4', 'A3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** QR error-correction levels, from least to most redundant. */
export const QR_LEVELS = ['L', 'M', 'Q', 'H'] as const;

export const posterData = z.strictObject({
  code: z.string(),
  target: z.string(),
  headline: text.optional(),
  subline: text.optional(),
  paper: z.enum(PAPER_SIZES).default('A4'),
  orientation: z.enum(['portrait', 'landscape']).default('portrait'),
  place: text.optional(),
  level: z.enum(QR_LEVELS).default('M'),
  status: z.enum(['active', 'retired']).default('active'),
  date: isoDate,
});
export type PosterData = z.infer<typeof posterData>;

/** One line of the ledger of short links that went to print. */
export const publishedLink = z.strictObject({ code: z.string(), date: isoDate });
