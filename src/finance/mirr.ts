import { requireFinite, requireSeries } from './internal/validate.js';

/**
 * Modified internal rate of return, numpy-financial's `mirr`: outflows are discounted to year 0 at the finance
 * rate, inflows are compounded to the last year at the reinvestment rate, and the MIRR is the rate that turns the
 * first into the second over n - 1 periods:
 *
 *     mirr = (|PV of inflows at reinvestRate| / |PV of outflows at financeRate|)^(1/(n-1)) · (1 + reinvestRate) - 1
 *
 * Unlike the IRR it always has one value when flows of both signs exist, which makes it a useful companion when
 * `hasMultipleIrr` is true.
 *
 * @param values cash flows per period, index 0 first [€]; Float64Array accepted
 * @param financeRate rate paid on the money invested (outflows) [fraction]
 * @param reinvestRate rate earned on the money received (inflows) [fraction]
 * @returns the MIRR [fraction per period]; NaN when all flows have the same sign (numpy-financial)
 * @throws RangeError when a rate or value is not a finite number, or `values` is empty
 * @see https://numpy.org/numpy-financial/dev/_api_stubs/numpy_financial.mirr.html
 * @example mirr([-100, 50, -60, 70], 0.10, 0.12) // -0.03909366594356467 (numpy-financial example)
 */
export function mirr(values: ArrayLike<number>, financeRate: number, reinvestRate: number): number {
  requireSeries('mirr', 'values', values);
  requireFinite('mirr', 'financeRate', financeRate);
  requireFinite('mirr', 'reinvestRate', reinvestRate);
  let hasInflow = false;
  let hasOutflow = false;
  let inflowPv = 0;
  let outflowPv = 0;
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (v > 0) {
      hasInflow = true;
      inflowPv += v / (1 + reinvestRate) ** t;
    } else if (v < 0) {
      hasOutflow = true;
      outflowPv += v / (1 + financeRate) ** t;
    }
  }
  if (!hasInflow || !hasOutflow) return NaN;
  return (Math.abs(inflowPv) / Math.abs(outflowPv)) ** (1 / (values.length - 1)) * (1 + reinvestRate) - 1;
}
