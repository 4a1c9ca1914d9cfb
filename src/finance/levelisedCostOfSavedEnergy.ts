import { presentValue } from './internal/presentValue.js';
import { requireRate, requireSameLength, requireSeries } from './internal/validate.js';

/**
 * Levelised cost of saved energy (*coût actualisé de l'énergie économisée*, €/kWh): the present value of the net
 * incremental costs of a measure divided by the present value of the kWh it saves, both discounted at the same
 * rate with `discountFactors` (index 0 = investment year, undiscounted). Discounting the kWh as well is what
 * makes the ratio a constant price: paying it for every kWh saved recovers the costs. Compare it with the
 * energy price the measure avoids.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param netCostEur net incremental cost per year (investment, upkeep, minus any non-energy benefits) [€]
 * @param savedKwh energy saved per year [kWh], same length as `netCostEur`
 * @returns the cost per kWh saved [€/kWh]; `null` when the present value of the saved kWh is ≤ 0 (nothing saved,
 *   or more consumed than saved: a cost per kWh saved does not exist then)
 * @throws RangeError when `rate` ≤ -1, a value is not finite, a series is empty or the lengths differ
 * @example levelisedCostOfSavedEnergy(0.04, [10_000, 0, 0], [0, 50_000, 50_000]) // 0.1060 €/kWh
 *   = 10000 / (50000/1.04 + 50000/1.04²)
 */
export function levelisedCostOfSavedEnergy(
  rate: number,
  netCostEur: ArrayLike<number>,
  savedKwh: ArrayLike<number>,
): number | null {
  requireRate('levelisedCostOfSavedEnergy', 'rate', rate);
  requireSeries('levelisedCostOfSavedEnergy', 'netCostEur', netCostEur);
  requireSeries('levelisedCostOfSavedEnergy', 'savedKwh', savedKwh);
  requireSameLength('levelisedCostOfSavedEnergy', 'netCostEur', netCostEur, 'savedKwh', savedKwh);
  const discountedKwh = presentValue(rate, savedKwh);
  if (!(discountedKwh > 0)) return null;
  return presentValue(rate, netCostEur) / discountedKwh;
}
