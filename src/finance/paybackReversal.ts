import { discountFactors } from './discountFactors.js';
import { cumulativeCrossings } from './internal/cumulativeCrossings.js';
import { requireRate, requireSeries } from './internal/validate.js';

/**
 * When a paid-back project stops being paid back: the first time, after the payback, that the cumulative
 * (discounted when `rate` ≠ 0) cash flow falls below zero again, linearly interpolated inside the year; `null`
 * when it never does, or when the payback itself is never reached.
 *
 * `paybackPeriod` and `discountedPaybackPeriod` return the first crossing only; a non-null reversal means that
 * payback is not for good (a replacement or a dismantling cost eats the gains back) and a report must say so.
 *
 * @param values net cash flows per year, index 0 = investment year [€]
 * @param rate discount rate per year [fraction], > -1; default 0 (simple payback)
 * @returns the time of the fall back below zero [years from index 0], or `null`
 * @throws RangeError when `rate` ≤ -1, a value is not finite or `values` is empty
 * @example paybackReversal([-100, 60, 60, -50, 10]) // 2.4: cumulative -100, -40, 20, -30 (payback at 1.667)
 */
export function paybackReversal(values: ArrayLike<number>, rate = 0): number | null {
  requireRate('paybackReversal', 'rate', rate);
  requireSeries('paybackReversal', 'values', values);
  return cumulativeCrossings(values, rate === 0 ? null : discountFactors(rate, values.length)).reversal;
}
