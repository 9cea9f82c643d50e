import type { ParsedBody } from '../markdown/read-body.ts';
import type { Platform } from '../model/schemas.ts';

/** The most key steps a poster prints: it is read in passing. */
export const MAX_KEY_STEPS = 4;

/** What a guide's poster prints of its steps. */
export interface KeySteps {
  /** The steps, as short plain text. */
  steps: string[];
  /** The platform they are for, when the guide has steps for several. */
  platform?: Platform;
  /** True when the guide has more steps than these: the poster says all are at the link. */
  more: boolean;
}

/** The first sentence of a step's text, as the language splits sentences. */
function firstSentence(text: string, lang: string): string {
  const first = new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)[Symbol.iterator]().next().value;
  return (first?.segment ?? text).trim();
}

/**
 * The key steps of a guide's poster: those written on the poster, or the first sentence of each
 * step one reader follows (the steps outside platform sections and those of one platform: the
 * poster's `platform`, or the guide's first), at most four. Which platform, and whether steps
 * were left out, is said, never dropped silently.
 */
export function keySteps(body: ParsedBody, lang: string, written?: readonly string[], platform?: Platform): KeySteps {
  const platforms = [...new Set(body.steps.flatMap((step) => (step.platform ? [step.platform] : [])))];
  const chosen = platform ?? platforms[0];
  const steps = body.steps.filter((step) => !step.platform || step.platform === chosen);
  const shown = written ? [...written] : steps.map((step) => firstSentence(step.text, lang)).filter(Boolean);
  return {
    steps: shown.slice(0, MAX_KEY_STEPS),
    platform: platforms.length > 1 ? chosen : undefined,
    more: steps.length > Math.min(shown.length, MAX_KEY_STEPS),
  };
}
