/**
 * Where a cumulative cash flow first reaches zero, and where it first falls back below zero afterwards
 * (internal; shared by the payback functions). Times are in years from index 0, linearly interpolated inside
 * the year in which the crossing happens: between the cumulative at index t-1 and at index t the flow of year t
 * is taken as spread evenly over the year.
 */
export interface Crossings {
  /** First time the cumulative is ≥ 0: 0 when it already is at index 0; null when never within the series. */
  payback: number | null;
  /** First time after `payback` the cumulative is < 0 again; null when it never is (or payback is null). */
  reversal: number | null;
}

/**
 * @param flows yearly flows (already checked)
 * @param factors discount factors of the same length, or null for undiscounted flows
 */
export function cumulativeCrossings(flows: ArrayLike<number>, factors: ArrayLike<number> | null): Crossings {
  let cumulative = factors ? flows[0] * factors[0] : flows[0];
  let payback: number | null = cumulative >= 0 ? 0 : null;
  for (let t = 1; t < flows.length; t++) {
    const previous = cumulative;
    cumulative += factors ? flows[t] * factors[t] : flows[t];
    if (payback === null) {
      // previous < 0 here; crossing when cumulative ≥ 0: fraction of year t where the line reaches 0.
      if (cumulative >= 0) payback = t - 1 + -previous / (cumulative - previous);
    } else if (cumulative < 0) {
      // previous ≥ 0 here.
      return { payback, reversal: t - 1 + previous / (previous - cumulative) };
    }
  }
  return { payback, reversal: null };
}
