/*
 * Pure helpers for the side-by-side figures of `npm run bench`: medians, per-pair ratios and the
 * Markdown rows that show them (no timing here, so that they can be tested).
 */

/** The median of some figures (the mean of the two middle ones for an even count): one slow run on a shared machine does not move it. */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Loa's figure over the other tool's, pair by pair: runs of a pair ran one right after the
 * other, so each ratio compares the two under the same load.
 */
export function pairRatios(loa: readonly number[], other: readonly number[]): number[] {
  return loa.map((value, i) => value / other[i]!);
}

/**
 * A Markdown table row for one figure: Loa's values, the other tool's, the ratio of each pair
 * and the median ratio, so that a reader sees the spread and not only the middle.
 */
export function comparisonRow(label: string, loa: readonly number[], other: readonly number[], format: (value: number) => string): string {
  const ratios = pairRatios(loa, other);
  const list = (values: readonly number[], show: (value: number) => string) => values.map(show).join(', ');
  return `| ${label} | ${list(loa, format)} | ${list(other, format)} | ${list(ratios, (r) => r.toFixed(2))} | **${median(ratios).toFixed(2)}** |`;
}

/** Formats seconds as the tables show them. */
export const seconds = (value: number) => `${value.toFixed(1)} s`;
/** Formats bytes in MiB as the tables show them. */
export const megabytes = (value: number) => `${(value / 2 ** 20).toFixed(0)} MB`;
