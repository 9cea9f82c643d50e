import { KINDS, isKind, type Kind } from '../kinds/index.ts';

/** The page a poster points at. */
export interface PosterTarget {
  locale: string;
  kind: Kind;
  slug: string;
}

/**
 * Reads a poster target written as `vi/guides/install-android` (a site path such as
 * `/vi/guides/install-android/` works too). Returns a reason when it cannot be one.
 */
export function parseTarget(target: string): PosterTarget | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target.trim()))
    return { problem: `target outside the site; expected a guide or message of this site such as vi/guides/install-android, found "${target}"` };
  const parts = target
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .split('/');
  const [locale, kind, slug] = parts;
  if (parts.length !== 3 || !locale || !slug || !isKind(kind ?? ''))
    return { problem: `expected ${KINDS.map((k) => `<locale>/${k.folder}/<slug>`).join(' or ')}, such as vi/guides/install-android; found "${target}"` };
  return { locale, kind: kind as Kind, slug };
}

/** Edit distance between two strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `wanted`, for "did you mean …?". */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
