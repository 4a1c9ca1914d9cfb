import { discountFactors } from './discountFactors.js';
import { cumulativeCrossings } from './internal/cumulativeCrossings.js';
import { requireRate, requireSeries } from './internal/validate.js';

/**
 * Discounted payback period (*temps de retour actualisé*): as `paybackPeriod`, on the cumulative of the
 * discounted flows values[t]·(1+rate)^-t (index 0 undiscounted, `discountFactors`), linearly interpolated
 * inside the year of the crossing; 0 when the cumulative is never negative; counted from the first negative
 * cumulative otherwise (as `paybackPeriod`); `null` when never reached.
 *
 * Only the first crossing is returned; `paybackReversal(values, rate)` tells whether the discounted cumulative
 * falls back below zero later. For a rate ≥ 0 the discounted payback is never shorter than the simple one.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param values net cash flows per year, index 0 = investment year [€]
 * @returns the discounted payback period [years], or `null` when not reached within the horizon
 * @throws RangeError when `rate` ≤ -1, a value is not finite or `values` is empty
 * @example discountedPaybackPeriod(0.1, [-100, 60, 60]) // 1.9167: cumulative -100, -45.45, +4.13 → 1 + 45.45/49.59
 */
export function discountedPaybackPeriod(rate: number, values: ArrayLike<number>): number | null {
  requireRate('discountedPaybackPeriod', 'rate', rate);
  requireSeries('discountedPaybackPeriod', 'values', values);
  return cumulativeCrossings(values, discountFactors(rate, values.length)).payback;
}
