import { closest, editDistance } from '../posters/target.ts';

/**
 * The known name a mistyped one was most likely meant to be (`titel` → `title`), or undefined when
 * none is close enough to be worth suggesting: within a third of its length, two edits at least.
 */
export function didYouMean(wanted: string, known: Iterable<string>): string | undefined {
  const best = closest(wanted, known);
  if (best === undefined) return undefined;
  const distance = Math.min(editDistance(wanted, best), editDistance(wanted.toLowerCase(), best.toLowerCase()));
  return distance <= Math.max(2, Math.floor(wanted.length / 3)) && distance < wanted.length ? best : undefined;
}
