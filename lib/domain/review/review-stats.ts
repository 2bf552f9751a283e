/** The value at quantile `q` of sorted values (nearest rank: never a value that did not happen); null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? null;
}

/** The median (the lower middle value of an even count); sorts `values` in place. */
export const median = (values: number[]) =>
  quantile(
    values.sort((a, b) => a - b),
    0.5,
  );

/** Median and 90th percentile of durations, and how many there were. */
export interface Spread {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9) };
}
