import { annuityFactor } from './annuityFactor.js';
import { argumentError } from '../core/errors.js';
import { requireFinite, requireRate } from './internal/validate.js';

/**
 * Equivalent annual cost (*annuité équivalente*): the constant yearly amount, paid at the end of years
 * 1 … `years`, with the same present value as `presentValue`:
 *
 *     equivalentAnnualCost = presentValue / annuityFactor(rate, years)
 *
 * It lets options with different lifetimes be compared per year (e.g. a lifecycle cost over 20 years against one
 * over 12).
 *
 * @param rate discount rate per year [fraction], > -1
 * @param years number of years the cost is spread over [years], > 0
 * @param presentValue present value to spread, e.g. a `lifecycleCost` [€]
 * @returns the equivalent yearly amount [€/yr]
 * @throws RangeError when `rate` ≤ -1, `years` ≤ 0, or an argument is not finite
 * @example equivalentAnnualCost(0.04, 10, 10_000) // 1232.91 = 10000 / 8.110896
 */
export function equivalentAnnualCost(rate: number, years: number, presentValue: number): number {
  requireRate('equivalentAnnualCost', 'rate', rate);
  if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0) {
    throw argumentError('equivalentAnnualCost', 'years', 'a finite number greater than 0', String(years));
  }
  requireFinite('equivalentAnnualCost', 'presentValue', presentValue);
  return presentValue / annuityFactor(rate, years);
}
