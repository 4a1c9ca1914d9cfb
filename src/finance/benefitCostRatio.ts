import { presentValue } from './internal/presentValue.js';
import { requireRate, requireSameLength, requireSeries } from './internal/validate.js';

/**
 * Benefit-cost ratio (*ratio bénéfices/coûts*): present value of the benefits over present value of the costs,
 * both discounted with `discountFactors` (index 0 = investment year, undiscounted). Above 1 the project creates
 * more value than it costs.
 *
 * Both series are positive amounts. When the present value of the costs is ≤ 0 the ratio is not meaningful
 * (dividing by zero, or by a net gain) and the function returns `null`, a metric that does not exist.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param benefits benefits per year [€]
 * @param costs costs per year [€], same length as `benefits`
 * @returns PV(benefits) / PV(costs) [dimensionless], or `null` when PV(costs) ≤ 0
 * @throws RangeError when `rate` ≤ -1, a value is not finite, a series is empty or the lengths differ
 * @example benefitCostRatio(0.04, [0, 6000, 6000], [10_000, 0, 0]) // 1.1317 = (6000/1.04 + 6000/1.04²) / 10000
 */
export function benefitCostRatio(rate: number, benefits: ArrayLike<number>, costs: ArrayLike<number>): number | null {
  requireRate('benefitCostRatio', 'rate', rate);
  requireSeries('benefitCostRatio', 'benefits', benefits);
  requireSeries('benefitCostRatio', 'costs', costs);
  requireSameLength('benefitCostRatio', 'benefits', benefits, 'costs', costs);
  const discountedCosts = presentValue(rate, costs);
  if (!(discountedCosts > 0)) return null;
  return presentValue(rate, benefits) / discountedCosts;
}
