/**
 * Abatement cost of a measure [EUR/tCO2e]: what each tonne avoided costs, `−npvEur / avoidedTco2e`.
 *
 * - `npvEur` is the net present value of the measure against its baseline, with numpy-financial's sign
 *   convention (benefits positive, costs negative; see src/finance). A measure with a negative NPV costs money,
 *   and its abatement cost is positive; a **negative abatement cost means the measure saves money while
 *   abating**.
 * - The NPV must **exclude the carbon value itself** (the socio-economic value of the avoided tonnes): the
 *   abatement cost is compared with the carbon value, so counting it in the NPV would be circular.
 * - `avoidedTco2e` is the **undiscounted** sum of the avoided emissions over the horizon (baseline − variant,
 *   see `avoidedEmissions`), not a discounted quantity. The numerator is discounted and the denominator is not:
 *   with a positive rate and tonnes avoided in every year after the first, the figure is smaller in size than
 *   the levelised one (`discountedAbatementCost`); the two agree at a zero rate.
 *
 * Convention of this toolkit: the engine reports this undiscounted form as `abatementCostEurPerTco2e`, to be read
 * against the official carbon value path (France Stratégie, *valeur de l'action pour le climat*) the way
 * abatement costs are commonly set beside it. This is a choice of presentation made here, not a formula taken
 * from a cited source; `discountedAbatementCost` gives the levelised form for sensitivity.
 * @param input.npvEur NPV of the measure against its baseline, excluding the carbon value [EUR]
 * @param input.avoidedTco2e emissions avoided over the horizon, undiscounted [tCO2e]
 * @returns cost per tonne avoided [EUR/tCO2e], or `null` when nothing is avoided (`avoidedTco2e ≤ 0`): the ratio
 *   then means nothing (a measure that does not abate has no abatement cost)
 * @throws RangeError when an input is not a finite number.
 * @example
 * // costs 120,000 € more in present value than the status quo and avoids 400 t over the horizon
 * abatementCost({ npvEur: -120_000, avoidedTco2e: 400 }) // 300
 */
export function abatementCost(input: { npvEur: number; avoidedTco2e: number }): number | null {
  const { npvEur, avoidedTco2e } = input;
  if (!Number.isFinite(npvEur)) throw new RangeError(`abatementCost: npvEur must be a finite number, received ${npvEur}`);
  if (!Number.isFinite(avoidedTco2e)) {
    throw new RangeError(`abatementCost: avoidedTco2e must be a finite number, received ${avoidedTco2e}`);
  }
  if (avoidedTco2e <= 0) return null;
  // `0 - x` rather than `-x` so that a zero NPV gives 0, not -0.
  return (0 - npvEur) / avoidedTco2e;
}
