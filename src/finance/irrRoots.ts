import { rootsInUnitInterval, signChanges, simpleRootInOpenUnitInterval } from './internal/polynomialRoots.js';
import { requireSeries } from './internal/validate.js';

/**
 * Every real internal rate of return of a series: the distinct rates r > -1 at which `npv(r, values)` is zero,
 * sorted ascending. A series with several sign changes (an investment, savings, then a replacement or a
 * dismantling cost) can have several; then "the" IRR is ambiguous and a decision should rest on the NPV.
 *
 * The NPV is a polynomial in x = 1/(1+r): Σ values[t]·x^t. Rates r ≥ 0 are the roots x in (0, 1]; rates
 * -1 < r < 0 are the roots g = 1+r in (0, 1) of the reversed polynomial Σ values[t]·g^(n-1-t). Both are found
 * exactly (up to rounding): in linear time when the partial sums of the coefficients change sign at most once
 * (Norström's criterion, which proves there is then at most one root), otherwise by isolating the roots between
 * the critical points of the polynomial (see `internal/polynomialRoots.ts`). A tangent (double) root is reported once. By Descartes' rule of signs there are
 * at most as many roots as sign changes in `values`; with none, the result is empty.
 *
 * @param values cash flows per period, index 0 first [€]; Float64Array accepted
 * @returns the internal rates of return [fraction per period], ascending; `[]` when there is none
 * @throws RangeError when a value is not a finite number or `values` is empty
 * @example irrRoots([-100, 230, -132]) // [0.1, 0.2] (up to rounding): -100 + 230/(1+r) - 132/(1+r)² = 0
 */
export function irrRoots(values: ArrayLike<number>): number[] {
  requireSeries('irrRoots', 'values', values);
  const rates = new Float64Array(2 * values.length);
  return Array.from(rates.subarray(0, irrRootsInto(values, rates)));
}

/** The coefficients of `irrRootsInto`'s two polynomials (reused: the common path allocates nothing). */
let ascendingBuffer = new Float64Array(64);
let descendingBuffer = new Float64Array(64);

/**
 * `irrRoots` without the checks and without allocation on its common path (both half-lines settled by
 * `simpleRootInOpenUnitInterval`): the same rates, in the same order, written into `rates` instead of a new array.
 * The inner loop of the comparisons (src/evaluate/metrics.ts); `irrRoots` is the checked version.
 * @param values cash flows per period, index 0 first, every one finite (not checked) [€]
 * @param rates receives the internal rates of return, ascending [fraction per period]; at least `2 · values.length`
 *   long (each half-line of rates holds at most `values.length - 1` roots of the polynomial, before duplicates on
 *   either side of r = 0 are merged)
 * @returns how many rates were written
 * @throws RangeError when `rates` is too short
 * @example irrRootsInto([-100, 230, -132], new Float64Array(6)) // 2: rates [0.1, 0.2, …] (up to rounding)
 */
export function irrRootsInto(values: ArrayLike<number>, rates: Float64Array): number {
  if (rates.length < 2 * values.length) {
    throw new RangeError(`irrRootsInto: rates holds ${rates.length} values, ${2 * values.length} are needed for ${values.length} cash flows`);
  }
  // Leading and trailing zeros factor out as powers of x (roots at r = +∞ or r = -1, both excluded).
  let first = 0;
  let last = values.length - 1;
  while (first <= last && values[first] === 0) first++;
  while (last > first && values[last] === 0) last--;
  const m = last - first; // degree
  if (m < 1) return 0;
  if (signChanges(values) === 0) return 0; // zeros do not count: the sign changes of values[first..last]
  if (ascendingBuffer.length <= m) {
    ascendingBuffer = new Float64Array(2 * (m + 1));
    descendingBuffer = new Float64Array(2 * (m + 1));
  }
  const ascending = ascendingBuffer;
  const descending = descendingBuffer;
  for (let k = 0; k <= m; k++) {
    ascending[k] = values[first + k];
    descending[k] = values[last - k];
  }

  let count = 0;
  // Norström's criterion settles most series in linear time (partial sums changing sign at most once on each
  // side: see rootsInOpenUnitIntervalIfSimple); the exact root isolation runs otherwise. The fast path leaves out
  // x = 1 (r = 0), which it only takes when the sum of the flows is not zero, i.e. when r = 0 is not a root.
  const x = simpleRootInOpenUnitInterval(ascending, m);
  if (x > 0) rates[count++] = 1 / x - 1; // r > 0
  else if (Number.isNaN(x)) for (const root of rootsInUnitInterval(ascending.slice(0, m + 1))) rates[count++] = 1 / root - 1; // r ≥ 0 (x = 1 is r = 0)
  const g = simpleRootInOpenUnitInterval(descending, m);
  if (g > 0) rates[count++] = g - 1; // -1 < r < 0
  else if (Number.isNaN(g)) for (const root of rootsInUnitInterval(descending.slice(0, m + 1))) if (root < 1) rates[count++] = root - 1;
  // Ascending order (insertion sort: a handful of rates), then one rate for each cluster closer than rounding.
  for (let i = 1; i < count; i++) {
    const r = rates[i];
    let j = i - 1;
    for (; j >= 0 && rates[j] > r; j--) rates[j + 1] = rates[j];
    rates[j + 1] = r;
  }
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const r = rates[i];
    if (distinct === 0 || Math.abs(r - rates[distinct - 1]) > 1e-12 * Math.max(1, Math.abs(r))) rates[distinct++] = r;
  }
  return distinct;
}
