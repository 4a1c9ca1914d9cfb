import { checkSameLength } from './checkSameLength.js';

/**
 * Net lifecycle emissions of a variant against a baseline, year by year: `variant[t] − baseline[t]`
 * (DESIGN.md: "Net lifecycle = variant − baseline"). Positive = the variant emits more that year (typically the
 * purchase year of its devices); negative = it saves. It is the opposite of `avoidedEmissions`, and the series
 * `carbonPaybackYears` reads.
 *
 * Applies per lifecycle phase as well as to the total (linear). A NaN in either input gives NaN in that year.
 * @param variant emissions of the variant per year [kgCO2e or tCO2e]
 * @param baseline emissions of the baseline per year, same axis and unit [kgCO2e or tCO2e]
 * @returns net emissions per year [same unit]
 * @throws RangeError when the two series differ in length.
 * @example netEmissions([1500, 600, 600], [1000, 1000, 1000]) // Float64Array [500, -400, -400]
 */
export function netEmissions(variant: ArrayLike<number>, baseline: ArrayLike<number>): Float64Array {
  checkSameLength('netEmissions', 'variant', variant, 'baseline', baseline);
  const out = new Float64Array(variant.length);
  for (let t = 0; t < out.length; t++) out[t] = variant[t] - baseline[t];
  return out;
}
