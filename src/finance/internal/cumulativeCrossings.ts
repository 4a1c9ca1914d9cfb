/**
 * Where a cumulative cash flow first reaches zero, and where it first falls back below zero afterwards
 * (internal; shared by the payback functions). Times are in years from index 0, linearly interpolated inside
 * the year in which the crossing happens: between the cumulative at index t-1 and at index t the flow of year t
 * is taken as spread evenly over the year.
 */
export interface Crossings {
  /**
   * First time the cumulative comes back to ≥ 0 after having been negative: 0 when it is never negative (nothing
   * to pay back); null when it never comes back within the series.
   */
  payback: number | null;
  /** First time after `payback` the cumulative is < 0 again; null when it never is (or payback is null). */
  reversal: number | null;
}

/**
 * @param flows yearly flows (already checked)
 * @param factors discount factors of the same length, or null for undiscounted flows
 */
export function cumulativeCrossings(flows: ArrayLike<number>, factors: ArrayLike<number> | null): Crossings {
  // A cumulative that starts at or above zero and dips later (no investment, then running losses) has
  // something to pay back: the payback is the first return to ≥ 0 after the first negative value.
  let cumulative = factors ? flows[0] * factors[0] : flows[0];
  let wentNegative = cumulative < 0;
  let payback: number | null = null;
  for (let t = 1; t < flows.length; t++) {
    const previous = cumulative;
    cumulative += factors ? flows[t] * factors[t] : flows[t];
    if (payback === null) {
      if (!wentNegative) {
        wentNegative = cumulative < 0;
      } else if (cumulative >= 0) {
        // previous < 0 here; crossing when cumulative ≥ 0: fraction of year t where the line reaches 0.
        payback = t - 1 + -previous / (cumulative - previous);
      }
    } else if (cumulative < 0) {
      // previous ≥ 0 here.
      return { payback, reversal: t - 1 + previous / (previous - cumulative) };
    }
  }
  if (!wentNegative) return { payback: 0, reversal: null };
  return { payback, reversal: null };
}
