import { rootsInOpenUnitIntervalIfSimple, rootsInUnitInterval, signChanges } from './internal/polynomialRoots.js';
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
  // Leading and trailing zeros factor out as powers of x (roots at r = +∞ or r = -1, both excluded).
  let first = 0;
  let last = values.length - 1;
  while (first <= last && values[first] === 0) first++;
  while (last > first && values[last] === 0) last--;
  if (last - first < 1) return [];
  const ascending: number[] = [];
  for (let k = first; k <= last; k++) ascending.push(values[k]);
  if (signChanges(ascending) === 0) return [];
  const descending: number[] = [];
  for (let k = last; k >= first; k--) descending.push(values[k]);

  const rates: number[] = [];
  // Norström's criterion settles most series in linear time (partial sums changing sign at most once on each
  // side: see rootsInOpenUnitIntervalIfSimple); the exact root isolation runs otherwise. The fast path leaves out
  // x = 1 (r = 0), which it only takes when the sum of the flows is not zero, i.e. when r = 0 is not a root.
  for (const x of rootsInOpenUnitIntervalIfSimple(ascending) ?? rootsInUnitInterval(ascending)) rates.push(1 / x - 1); // r ≥ 0 (x = 1 is r = 0)
  for (const g of rootsInOpenUnitIntervalIfSimple(descending) ?? rootsInUnitInterval(descending)) if (g < 1) rates.push(g - 1); // -1 < r < 0
  rates.sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const r of rates) {
    const previous = distinct[distinct.length - 1];
    if (previous === undefined || Math.abs(r - previous) > 1e-12 * Math.max(1, Math.abs(r))) distinct.push(r);
  }
  return distinct;
}
