import { z } from 'astro/zod';
import { basePathProblem, normalizeBase, siteAddressProblem } from '../lib/urls.ts';
import { bidiControls, isBlank } from './visible-text.ts';
import { editorSettings } from './editor-settings.ts';

/** The platforms a guide can cover. */
export const PLATFORMS = ['android', 'ios', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A BCP-47 language tag as written in `lang`, e.g. `vi`, `en`, `zh-Hant`, `ar`. */
export const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as vi, en, zh-Hant');

/**
 * One line of text a reader sees (a title, summary, name, label): not empty once invisible
 * characters are removed (a title of zero-width spaces is no title), and without bidi controls
 * that would show it in another order than it is written (refused, not stripped, so the editor
 * sees what was published; the direction marks U+200E and U+200F are allowed).
 */
export const text = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (isBlank(value)) ctx.addIssue({ code: 'custom', message: 'expected some text' });
    const controls = bidiControls(value);
    if (controls.length)
      ctx.addIssue({
        code: 'custom',
        message: `expected text without bidi controls, which show it in another order than it is written; remove ${controls.join(', ')} (a locale's dir: rtl sets the direction of right-to-left text)`,
      });
  });

/**
 * A record (key → value) that reports a `__proto__` key as unknown. Zod drops such a key silently
 * from records, where strict objects report it; YAML gives it as an ordinary key.
 */
export function record<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V) {
  return z.preprocess(
    (input, ctx) => {
      if (input !== null && typeof input === 'object' && Object.hasOwn(input, '__proto__'))
        ctx.addIssue({ code: 'unrecognized_keys', keys: ['__proto__'], input: input as Record<string, unknown>, continue: true });
      return input;
    },
    z.record(key, value),
  );
}

/** Text given once for all languages, or per locale (`{ vi: …, en: … }`). */
export const localizedText = z.union([text, record(localeCode, text)]);
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

/**
 * The site's address: an `https://` origin, or an `http://` one for a local preview build
 * (`LOA_LOCAL_PREVIEW=1`), never with a path (see siteAddressProblem).
 */
export function siteAddress(localPreview: boolean) {
  return z.string().superRefine((value, ctx) => {
    const problem = siteAddressProblem(value, localPreview);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** The path the site lives under, normalised to `/` or `/segment/…/` with URL-safe segments (see basePathProblem). */
export const basePath = z
  .string()
  .superRefine((value, ctx) => {
    const problem = basePathProblem(value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `expected a path such as /campaign/ made of letters, digits, -, _, . and ~ between single slashes, not ${problem}`,
      });
  })
  .transform(normalizeBase);

/** The relative luminance of a `#rrggbb` colour (WCAG 2.2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of white on a colour. */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** A colour as `#rrggbb`, dark enough for white text on it to be read (4.5:1, WCAG 2.2 AA). */
const darkColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour written as #rrggbb, e.g. #0b4f8a')
  .refine((hex) => contrastWithWhite(hex) >= 4.5, {
    error: (issue) =>
      `expected a colour dark enough for white text on it (contrast 4.5:1 or more); ${String(issue.input)} gives ${contrastWithWhite(String(issue.input)).toFixed(1)}:1`,
  });

/** The campaign's look on posters: its colour and an optional logo (a PNG or JPEG in content/images/). */
export const identitySettings = z.strictObject({
  colour: darkColour.default('#0b4f8a'),
  logo: z
    .string()
    .regex(/^images\/[^/]+\.(png|jpe?g)$/, 'expected a PNG or JPEG file in content/images/, written as images/logo.png')
    .optional(),
});

/** The settings in `content/site.yaml`; a local preview build accepts an `http://` site address. */
export function siteSettingsSchema(localPreview = false) {
  return z.strictObject({
    site: siteAddress(localPreview),
    base: basePath.default('/'),
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
    /** Topics of messages: slug → label, per locale or one for all (names and locales checked in src/kinds/message/check-topics.ts). */
    topics: record(z.string(), localizedText).optional(),
    /** The campaign's colour and logo, on posters. */
    identity: identitySettings.default({ colour: '#0b4f8a' }),
    /** Offline reading, on unless `false`, which publishes a service worker that removes itself and the pages it saved (src/offline/). */
    offline: z.boolean().default(true),
    /** The time zone of broadcast schedules, an IANA name (Asia/Ho_Chi_Minh); needed once a message has a schedule (src/broadcast/). */
    timezone: z
      .string()
      .refine(isTimeZone, 'expected a time zone name from the IANA database, such as Asia/Ho_Chi_Minh, Asia/Phnom_Penh or Europe/Paris')
      .optional(),
    /** The web editor's git host and repository, and how its users sign in (src/model/editor-settings.ts); the editor saves in the browser only when left out. */
    editor: editorSettings.optional(),
  });
}

/** True for a time zone name the runtime knows (the IANA database: Asia/Ho_Chi_Minh, UTC). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

export const siteSettings = siteSettingsSchema();
export type SiteSettings = z.infer<typeof siteSettings>;

/** A page's slug, as in its file name: lowercase letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Fields of every kind of page: what lists, feeds, share images and posters show, the slugs it
 * had before, the source version a translation follows, and whether it is a draft. Each kind adds its own (src/kinds/).
 */
export const pageFields = {
  title: text,
  summary: text,
  previously: z.array(z.string().regex(SLUG, 'expected an old slug: lowercase letters, digits and hyphens')).default([]),
  follows: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/, 'expected the fingerprint written by npm run translations -- --mark-current')
    .optional(),
  /** Unfinished work: checked like any page but not published anywhere (see publishedOnly in load-content.ts). */
  draft: z.boolean().default(false),
};

/**
 * One UI label: a text, or one text per plural category (`{ one: …, other: … }`) for a label
 * that counts; which forms a label needs is checked against its locale (src/i18n/check-labels.ts).
 */
export const uiLabel = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value !== 'string' && (value === null || typeof value !== 'object' || Array.isArray(value)))
      ctx.addIssue({ code: 'custom', message: 'expected text, or one text per plural form such as { one: …, other: … }' });
  })
  .pipe(z.union([text, record(z.string(), text)]));

/** UI strings of one locale: label key → label. */
export const uiStrings = record(z.string(), uiLabel);

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
  /** The call to action next to the code; defaults to the locale's label for the target's kind. */
  cta: text.optional(),
  /** The key steps to print, instead of the first sentence of each of the guide's steps. */
  steps: z.array(text).min(1, 'expected at least one step').max(4, 'expected at most four steps: a poster is read in passing').optional(),
  /** The platform whose steps a guide's poster prints, when the guide has several. */
  platform: z.enum(PLATFORMS).optional(),
});
export type PosterData = z.infer<typeof posterData>;

/** One line of the ledger of short links that went to print. */
export const publishedLink = z.strictObject({ code: z.string(), date: isoDate });
