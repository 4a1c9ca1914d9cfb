/**
 * Linear amortisation of one-off emissions (inventory view): an emission booked at index `t` is spread evenly
 * over the `lifetimeYears` years it serves, `t + 1 … t + L` (the timing of src/core/equipment.ts: bought at the
 * end of year `t`, in service from the next year on), each year receiving `E / L`. Years past the last index of
 * the series are dropped (they lie outside the horizon).
 *
 * Use it for one-off emissions that do not come from `equipmentFleet` (which amortises its own fleets), e.g.
 * works, trenches, a building envelope. A lifetime that is not a whole number of years gives a fractional last
 * year: with `L = 2.5`, the years `t+1, t+2, t+3` receive `E/L × (1, 1, 0.5)`, the same rule as `equipmentFleet`.
 *
 * Same total as the at-purchase view within the horizon: the at-purchase view books `E` at `t` and credits back
 * the residual fraction `(t + L − N) / L` of it at the last index `N` when the asset outlives the horizon (the
 * carbon twin of residual value). Both then sum to `E × min(L, N − t) / L` over the horizon. Without the residual
 * credit the at-purchase total is larger by that credit. An emission at the last index serves no year of the
 * horizon and contributes nothing here (its residual fraction is 1).
 * @param purchasesKgCo2e one-off emissions by index of the year they occur, e.g. manufacturing and works [kgCO2e]
 * @param lifetimeYears service life over which each is spread [years], > 0
 * @returns amortised emissions per year, same length [kgCO2e]
 * @throws RangeError when the lifetime is not a positive finite number.
 * @example
 * // 1,000 kgCO2e of works at index 0, lifetime 4 years, 6-year series (N = 5): 250 a year in years 1 to 4
 * amortise([1000, 0, 0, 0, 0, 0], 4) // Float64Array [0, 250, 250, 250, 250, 0]
 */
export function amortise(purchasesKgCo2e: ArrayLike<number>, lifetimeYears: number): Float64Array {
  const L = lifetimeYears;
  if (!(L > 0) || !Number.isFinite(L)) {
    throw new RangeError(`amortise: lifetimeYears must be a positive finite number, received ${L}`);
  }
  const n = purchasesKgCo2e.length;
  const last = n - 1;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const emission = purchasesKgCo2e[t];
    if (emission === 0) continue;
    const perYear = emission / L;
    // Year t+j (j ≥ 1) receives the part of [j − 1, j] inside [0, L]: min(1, L − (j − 1)), the last one fractional.
    const lastServed = Math.min(t + Math.ceil(L), last);
    for (let y = t + 1; y <= lastServed; y++) out[y] += perYear * Math.min(1, L - (y - t - 1));
  }
  return out;
}
