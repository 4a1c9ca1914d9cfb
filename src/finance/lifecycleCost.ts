import { presentValue } from './internal/presentValue.js';
import { requireRate, requireSeries } from './internal/validate.js';

/**
 * Lifecycle cost (*coût global actualisé*): the present value of a series of yearly costs, index 0 (the
 * investment year) undiscounted, using `discountFactors`.
 *
 * Costs are given as positive amounts and the result is positive; pass savings or residual values as negative
 * costs. At rate 0 it is the plain sum.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param costs yearly costs, index 0 = investment year [€]
 * @returns the present value of the costs [€]
 * @throws RangeError when `rate` ≤ -1 or is not finite, or a cost is not finite, or `costs` is empty
 * @example lifecycleCost(0.04, [10_000, 500, 500]) // 10943.05 = 10000 + 500/1.04 + 500/1.04²
 */
export function lifecycleCost(rate: number, costs: ArrayLike<number>): number {
  requireRate('lifecycleCost', 'rate', rate);
  requireSeries('lifecycleCost', 'costs', costs);
  return presentValue(rate, costs);
}
