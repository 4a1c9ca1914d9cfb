import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Number of periods needed to go from `pv` to `fv` with a constant payment, numpy-financial's `nper`: the `nper`
 * that solves
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *     (rate = 0:  fv + pv + pmt·nper = 0)
 *
 * Edge cases as numpy-financial 1.0: `rate` = 0 and `pmt` = 0 give +Infinity (never repaid); `rate` ≤ -1 gives
 * NaN; a payment too small to cover the interest gives NaN (logarithm of a negative number).
 * Scalars only (no array broadcasting). The result is fractional: round up for whole payments.
 *
 * @param rate interest rate per period [fraction]
 * @param pmt payment each period [€]
 * @param pv present value [€]
 * @param fv future value [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the number of periods [periods]
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/nper.html
 * @example nper(0.07 / 12, -150, 8000) // 64.07334877 (numpy-financial example: months to repay 8,000 at 150/month)
 */
export function nper(rate: number, pmt: number, pv: number, fv = 0, when: When = 'end'): number {
  requireFinite('nper', 'rate', rate);
  requireFinite('nper', 'pmt', pmt);
  requireFinite('nper', 'pv', pv);
  requireFinite('nper', 'fv', fv);
  const w = whenToNumber('nper', when);
  if (rate === 0 && pmt === 0) return Infinity;
  if (rate === 0) return -(fv + pv) / pmt;
  if (rate <= -1) return NaN;
  const z = (pmt * (1 + rate * w)) / rate;
  return Math.log((-fv + z) / (pv + z)) / Math.log(1 + rate);
}
