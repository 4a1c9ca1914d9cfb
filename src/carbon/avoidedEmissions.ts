import { checkSameLength } from './checkSameLength.js';

/**
 * Emissions avoided by a variant, year by year: `baseline[t] − variant[t]` (DESIGN.md: "Avoided = baseline −
 * variant, per year and phase"). Positive = the variant emits less than the baseline that year.
 *
 * Works on any carbon series aligned on the same axis, so it applies per lifecycle phase as well as to the
 * total: call it on `embodiedKgCo2e`, `useKgCo2e` and `endOfLifeKgCo2e` separately, and the three results add up
 * to the avoided total (the subtraction is linear). The unit of the result is the unit of the inputs.
 *
 * A NaN in either input gives NaN in that year of the result (it is not dropped).
 * @param baseline emissions of the baseline (status quo) per year [kgCO2e or tCO2e]
 * @param variant emissions of the variant per year, same axis and unit [kgCO2e or tCO2e]
 * @returns avoided emissions per year [same unit]
 * @throws RangeError when the two series differ in length.
 * @example avoidedEmissions([1000, 1000, 1000], [1500, 600, 600]) // Float64Array [-500, 400, 400]
 */
export function avoidedEmissions(baseline: ArrayLike<number>, variant: ArrayLike<number>): Float64Array {
  checkSameLength('avoidedEmissions', 'baseline', baseline, 'variant', variant);
  const out = new Float64Array(baseline.length);
  for (let t = 0; t < out.length; t++) out[t] = baseline[t] - variant[t];
  return out;
}
