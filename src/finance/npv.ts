import { requireFinite, requireSeries } from './internal/validate.js';

/**
 * Net present value of a series of yearly cash flows, numpy-financial's `npv`: the first value (index 0, the
 * investment year) is **not** discounted.
 *
 *     npv = Σ_{t=0}^{n-1} values[t] / (1 + rate)^t
 *
 * Mapping to Excel: Excel's `NPV(rate, v1, v2, …)` discounts its first value by one period, so
 * `npv(r, v) = v[0] + Excel NPV(r, v[1..])`, and `Excel NPV(r, v) = npv(r, v) / (1 + r)`.
 *
 * Sign convention: cash paid out negative, received positive. Scalars only: one rate, one series (no
 * broadcasting over arrays of rates as numpy-financial does).
 *
 * The sum is evaluated by Horner's rule in x = 1/(1+rate) (`values[0] + x·(values[1] + x·(…))`): the same
 * factors as `discountFactors`, without allocating them.
 *
 * @param rate discount rate per period [fraction, e.g. 0.032 for 3.2 %]; at exactly -1 the result is NaN, as in
 *   numpy-financial
 * @param values cash flows per period, index 0 first [€ or any money unit]; Float64Array accepted
 * @returns net present value [same unit as `values`]
 * @throws RangeError when `rate` or a value is not a finite number, or `values` is empty
 * @see https://numpy.org/numpy-financial/latest/npv.html (L. J. Gitman, *Principles of Managerial Finance,
 *   Brief*, 3rd ed., 2003, p. 346)
 * @example npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) // 3065.22267 (numpy-financial example, rounded to 5 decimals)
 */
export function npv(rate: number, values: ArrayLike<number>): number {
  requireFinite('npv', 'rate', rate);
  requireSeries('npv', 'values', values);
  if (rate === -1) return NaN;
  // Readable version: let s = 0; for (let t = 0; t < n; t++) s += values[t] / (1 + rate) ** t; return s;
  const x = 1 / (1 + rate);
  let acc = 0;
  for (let t = values.length - 1; t >= 0; t--) acc = acc * x + values[t];
  return acc;
}
