import { cumulativeCrossings } from './internal/cumulativeCrossings.js';
import { requireSeries } from './internal/validate.js';

/**
 * Simple payback period (*temps de retour brut*): the years, counted from index 0 (the investment year), until
 * the cumulative cash flow first reaches zero, linearly interpolated inside the year it happens.
 *
 * Definition: with C_t = values[0] + … + values[t],
 * - if C_t ≥ 0 for every t (nothing to pay back, e.g. a fully subsidised investment), the payback is 0;
 * - otherwise, from the first t with C_t < 0, it is t - 1 + (-C_{t-1}) / values[t] for the first later t with
 *   C_t ≥ 0, the flow of year t being taken as spread evenly over the year (e.g. [-100, 40, 40, 40] → 2.5;
 *   [0, -10, 20] → 1.5: a variant with no investment but running losses has something to pay back);
 * - `null` when the cumulative never reaches 0 within the series.
 *
 * Only the FIRST crossing is returned. If the cumulative later falls back below zero (a replacement, a major
 * repair), the project is not paid back for good: `paybackReversal` tells when that happens, and reports
 * should flag it. The comparison with 0 is exact (no tolerance).
 *
 * @param values net cash flows per year, index 0 = investment year [€]
 * @returns the payback period [years], or `null` when not reached within the horizon
 * @throws RangeError when a value is not finite or `values` is empty
 * @example paybackPeriod([-100, 40, 40, 40]) // 2.5
 */
export function paybackPeriod(values: ArrayLike<number>): number | null {
  requireSeries('paybackPeriod', 'values', values);
  return cumulativeCrossings(values, null).payback;
}
