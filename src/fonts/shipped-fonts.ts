import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A font family shipped with the project from npm, with its regular and (where one exists) bold file. */
export interface ShippedFont {
  /** The family name inside the font files, as fontconfig and Pango know it. */
  family: string;
  /** A short name for files and CSS: `noto-sans-khmer`. */
  id: string;
  regular: string;
  bold?: string;
}

/** A family of `@expo-google-fonts/<id>`, which ships each weight as a TrueType file. */
function expo(family: string, id: string, { bold = true } = {}): ShippedFont {
  const file = (weight: string) => require.resolve(`@expo-google-fonts/${id}/${weight}/${family.replaceAll(' ', '')}_${weight}.ttf`);
  return { family, id, regular: file('400Regular'), ...(bold ? { bold: file('700Bold') } : {}) };
}

const HAN_SIMPLIFIED = expo('Noto Sans SC', 'noto-sans-sc');
const HAN_TRADITIONAL = expo('Noto Sans TC', 'noto-sans-tc');

/**
 * Every font share images and posters are drawn with, in the order they are tried for a
 * character: Latin with full Vietnamese (and Greek, Cyrillic) first, so Latin text looks the same
 * in every language; then each script's own family; symbols and emoji last. Han characters come
 * from the Simplified family unless the language is written in Traditional (see fontsFor).
 */
export const SHIPPED_FONTS: readonly ShippedFont[] = [
  expo('Noto Sans', 'noto-sans'),
  HAN_SIMPLIFIED,
  HAN_TRADITIONAL,
  expo('Noto Sans Khmer', 'noto-sans-khmer'),
  expo('Noto Sans Thai', 'noto-sans-thai'),
  expo('Noto Sans Lao', 'noto-sans-lao'),
  expo('Noto Sans Myanmar', 'noto-sans-myanmar'),
  expo('Noto Sans Arabic', 'noto-sans-arabic'),
  expo('Noto Sans Hebrew', 'noto-sans-hebrew'),
  expo('Noto Sans Devanagari', 'noto-sans-devanagari'),
  expo('Noto Sans Tai Viet', 'noto-sans-tai-viet', { bold: false }),
  expo('Noto Sans Cham', 'noto-sans-cham'),
  expo('Noto Sans Symbols', 'noto-sans-symbols'),
  expo('Noto Sans Symbols 2', 'noto-sans-symbols-2', { bold: false }),
  expo('Noto Emoji', 'noto-emoji'),
];

/** True for languages written with Traditional Han characters: `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`. */
const traditional = (lang: string) => /^zh-(hant|tw|hk|mo)\b/i.test(lang);

/**
 * The shipped fonts in the order a text in `lang` tries them: the same for every language,
 * except that Traditional Chinese takes its Han characters from the Traditional family.
 */
export function fontsFor(lang: string): ShippedFont[] {
  if (!traditional(lang)) return [...SHIPPED_FONTS];
  return SHIPPED_FONTS.filter((f) => f !== HAN_TRADITIONAL).toSpliced(SHIPPED_FONTS.indexOf(HAN_SIMPLIFIED), 0, HAN_TRADITIONAL);
}
