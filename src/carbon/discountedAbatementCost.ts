import { checkSameLength } from './checkSameLength.js';

/**
 * Levelised abatement cost [EUR/tCO2e]: the present value of the net costs divided by the present value of the
 * avoided tonnes, both discounted at the same rate,
 * `Σ netCostEur[t] / (1 + rate)^t  ÷  Σ avoidedTco2e[t] / (1 + rate)^t`.
 *
 * Flows are at the end of each year and index 0, the investment year, is not discounted (DESIGN.md; numpy-
 * financial's `npv`). `netCostEur` is a **cost** series (variant − baseline costs, positive = the measure costs
 * more that year), i.e. the opposite of the cash flows an NPV reads; like `abatementCost`, it must exclude the
 * carbon value. A negative result means the measure saves money while abating.
 *
 * Discounting the tonnes at the rate of the money is the "levelised" convention (a tonne avoided later weighs
 * less, as if its value grew with the discount rate). The engine does **not** use it for
 * `abatementCostEurPerTco2e`: it reports the undiscounted form (`abatementCost`) by convention, and this one for
 * comparison and sensitivity. At a zero rate the two are equal.
 * @param rate discount rate per year [fraction], > −1
 * @param netCostEur net cost per year of the measure against its baseline, excluding the carbon value [EUR]
 * @param avoidedTco2e avoided emissions per year, same axis [tCO2e]
 * @returns discounted cost per discounted tonne [EUR/tCO2e], or `null` when the discounted avoided tonnes are ≤ 0
 * @throws RangeError on a rate ≤ −1 or not finite, series of different lengths, or a non-finite value.
 * @example
 * // 1,000 € invested at index 0, 1 t avoided in each of years 1 and 2, at 10 %:
 * // 1000 / (1/1.1 + 1/1.21) = 1000 / 1.7355… = 576.19 €/t
 * discountedAbatementCost(0.1, [1000, 0, 0], [0, 1, 1]) // 576.19…
 */
export function discountedAbatementCost(
  rate: number,
  netCostEur: ArrayLike<number>,
  avoidedTco2e: ArrayLike<number>,
): number | null {
  if (!Number.isFinite(rate) || rate <= -1) {
    throw new RangeError(`discountedAbatementCost: rate must be a finite number greater than -1, received ${rate}`);
  }
  checkSameLength('discountedAbatementCost', 'netCostEur', netCostEur, 'avoidedTco2e', avoidedTco2e);
  let costPv = 0;
  let tonnesPv = 0;
  let factor = 1; // 1 / (1 + rate)^t
  for (let t = 0; t < netCostEur.length; t++) {
    const cost = netCostEur[t];
    const tonnes = avoidedTco2e[t];
    if (!Number.isFinite(cost)) {
      throw new RangeError(`discountedAbatementCost: netCostEur[${t}] must be a finite number, received ${cost}`);
    }
    if (!Number.isFinite(tonnes)) {
      throw new RangeError(`discountedAbatementCost: avoidedTco2e[${t}] must be a finite number, received ${tonnes}`);
    }
    costPv += cost * factor;
    tonnesPv += tonnes * factor;
    factor /= 1 + rate;
  }
  if (!(tonnesPv > 0)) return null;
  return costPv / tonnesPv;
}
