/**
 * Splits a shared series (the yearly emissions or costs of shared gateways, network, platform) between users by
 * their shares (from `allocationShares`): user `k` receives `total[t] × share[k] / Σ shares` each year.
 *
 * Dividing by the sum of the shares makes the parts add up to the total to floating-point rounding, even when the
 * shares sum to 1 only to rounding; shares that sum to something else are refused rather than silently rescaled.
 * A NaN in the total gives NaN in every part that year (it is not dropped).
 * @param total the shared series per year [kgCO2e, EUR or any unit]
 * @param shares share of each user [fraction], each ≥ 0, summing to 1 (within 1e-9)
 * @returns each user's part per year [same unit as `total`]; the parts sum to `total`
 * @throws RangeError (naming `allocate`) on a negative or non-finite share, or shares that do not sum to 1.
 * @example
 * allocate([1000, 200], { lighting: 0.75, water: 0.25 })
 * // { lighting: Float64Array [750, 150], water: Float64Array [250, 50] }
 */
export function allocate(total: ArrayLike<number>, shares: Record<string, number>): Record<string, Float64Array> {
  const names = Object.keys(shares);
  let sumShares = 0;
  for (const name of names) {
    const share = shares[name];
    if (!Number.isFinite(share) || share < 0) {
      throw new RangeError(`allocate: the share of "${name}" must be a finite number ≥ 0, received ${share}`);
    }
    sumShares += share;
  }
  if (!(Math.abs(sumShares - 1) <= 1e-9)) {
    throw new RangeError(`allocate: shares must sum to 1, received a sum of ${sumShares} over ${names.length} entries`);
  }
  // Object.fromEntries defines own properties, so any user name (even `__proto__`) is kept as a key.
  return Object.fromEntries(
    names.map((name) => {
      const k = shares[name] / sumShares;
      const part = new Float64Array(total.length);
      for (let t = 0; t < total.length; t++) part[t] = total[t] * k;
      return [name, part];
    }),
  );
}
