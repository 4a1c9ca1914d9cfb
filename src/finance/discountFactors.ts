import { requireInteger, requireRate } from './internal/validate.js';

/**
 * Discount factors of the toolkit's time axis: `1, 1/(1+r), 1/(1+r)², …`, index 0 being the investment year
 * (not discounted, numpy-financial's convention; flows at the end of each year). This is where discounting is
 * defined: lifecycle cost, discounted payback, benefit-cost ratio and levelised cost multiply by these factors
 * (`npv` evaluates the same sum by Horner's rule, without allocating them).
 *
 * For the socio-economic perspective France Stratégie's rule is 3.2 % real for β = 1 (Complément opérationnel I,
 * 2021, see reference/parameters.md §2); the financial perspective uses the authority's own rate.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param length number of years, index 0 included [years]
 * @returns factor per year [dimensionless], `factors[t] = (1 + rate)^-t`
 * @throws RangeError when `rate` ≤ -1 or is not finite, or `length` is not a non-negative integer
 * @example discountFactors(0.032, 3) // Float64Array [1, 0.9689922…, 0.9389459…]
 */
export function discountFactors(rate: number, length: number): Float64Array {
  requireRate('discountFactors', 'rate', rate);
  requireInteger('discountFactors', 'length', length, 0);
  const factors = new Float64Array(length);
  for (let t = 0; t < length; t++) factors[t] = (1 + rate) ** -t;
  return factors;
}
