/** Kilograms in one tonne [kg/t]. Carbon flows are in kgCO2e; metrics (`avoidedTco2e`, `netTco2e`) in tCO2e. */
export const KG_PER_TONNE = 1000;

/**
 * Converts a series of emissions from kilograms to tonnes of CO2e, element-wise into a new series. Written once
 * so that every metric divides by the same constant; quantities read from files go through `toUnit`
 * (src/core/units.ts) instead.
 * @param kgCo2e emissions per year [kgCO2e]
 * @returns the same emissions [tCO2e]
 * @example kgToTonnes([2500, -400]) // Float64Array [2.5, -0.4]
 */
export function kgToTonnes(kgCo2e: ArrayLike<number>): Float64Array {
  const out = new Float64Array(kgCo2e.length);
  for (let i = 0; i < kgCo2e.length; i++) out[i] = kgCo2e[i] / KG_PER_TONNE;
  return out;
}
