/**
 * Carbon payback: how many years it takes before a variant that emits more at first (the manufacturing of its
 * devices, works) has saved as much as it emitted. DESIGN.md: "Carbon payback = first year where cumulative net
 * ≤ 0"; this function makes that precise.
 *
 * With `C[i] = net[0] + … + net[i]` the cumulative net emissions (variant − baseline, see `netEmissions`):
 * - if `C[i] ≤ 0` for every index (the variant never emits more than the baseline, cumulatively), the result
 *   is `0`: there is no carbon debt to pay back;
 * - otherwise let `j` be the first index with `C[j] > 0` (the debt appears; usually `j = 0`, the investment year).
 *   The result is the first crossing after it: the first `k > j` with `C[k] ≤ 0`, interpolated linearly within
 *   the year that ends at `k`: `(k − 1) + C[k−1] / (C[k−1] − C[k])`. It is measured in years from index 0
 *   (flows are booked at the end of each year, and the interpolation assumes the saving of year `k` accrues
 *   evenly over that year, as the financial payback does);
 * - `null` when no such `k` exists within the horizon (the debt is not paid back; never a made-up number).
 *
 * Only the first payback is reported: if the cumulative becomes positive again later (a fleet replaced
 * mid-horizon), the caller reads the cumulative series itself.
 *
 * The unit of the input does not matter (kgCO2e or tCO2e); the result is in years.
 * @param netPerYear net emissions per year, variant − baseline [kgCO2e or tCO2e]
 * @returns years from index 0 until the cumulative net first returns to ≤ 0 [years], 0 or null as above
 * @throws RangeError when the series is empty or holds a non-finite value.
 * @example
 * // cumulative 10, 6, 2, −2: crosses 0 in the year ending at index 3, at 2 + 2 / 4
 * carbonPaybackYears([10, -4, -4, -4]) // 2.5
 */
export function carbonPaybackYears(netPerYear: ArrayLike<number>): number | null {
  const n = netPerYear.length;
  if (n === 0) throw new RangeError('carbonPaybackYears: netPerYear must hold at least one year, received an empty series');
  let cumulative = 0;
  let previous = 0;
  let inDebt = false;
  for (let i = 0; i < n; i++) {
    const v = netPerYear[i];
    if (!Number.isFinite(v)) {
      throw new RangeError(`carbonPaybackYears: netPerYear[${i}] must be a finite number, received ${v}`);
    }
    previous = cumulative;
    cumulative += v;
    if (!inDebt) {
      if (cumulative > 0) inDebt = true;
    } else if (cumulative <= 0) {
      // Crossing in the year ending at index i: previous > 0 ≥ cumulative, so the fraction is in (0, 1].
      return i - 1 + previous / (previous - cumulative);
    }
  }
  return inDebt ? null : 0;
}
