import { irrRoots } from './irrRoots.js';
import { signChanges } from './internal/polynomialRoots.js';
import { requireSeries } from './internal/validate.js';

/**
 * Whether a series has two or more internal rates of return, in which case `irr` returns only one of them and
 * the IRR should not be reported without a warning (use the NPV or the MIRR to decide).
 *
 * Fast path: by Descartes' rule of signs, a series with fewer than two sign changes (the usual "invest, then
 * save") has at most one IRR, so no root is computed.
 *
 * @param values cash flows per period, index 0 first [€]; Float64Array accepted
 * @returns true when `irrRoots(values)` has two or more rates
 * @throws RangeError when a value is not a finite number or `values` is empty
 * @example hasMultipleIrr([-100, 230, -132]) // true: 10 % and 20 %
 */
export function hasMultipleIrr(values: ArrayLike<number>): boolean {
  requireSeries('hasMultipleIrr', 'values', values);
  if (signChanges(values) < 2) return false;
  return irrRoots(values).length >= 2;
}
