import { irrRoots } from './irrRoots.js';
import { argumentError } from '../core/errors.js';
import { requireInteger, requireRate } from './internal/validate.js';

/**
 * Internal rate of return, numpy-financial's `irr` (version 1.0): the rate r at which
 * `npv(r, values) = Σ values[t] / (1+r)^t = 0`, or NaN when there is no real one.
 *
 * Method (as numpy-financial 1.0): with g = 1 + r, the NPV times g^(n-1) is the polynomial
 * Σ values[t]·g^(n-1-t); Newton's method on it starts from g = 1 + guess and stops when the Newton step is below
 * `tol` (relative to g when g < 1, i.e. for negative rates; identical to numpy-financial for rates ≥ 0). The
 * default guess is numpy-financial's heuristic, (sum of inflows / sum of outflows) - 1.
 *
 * Differences from numpy-financial, all on the safe side:
 * - NaN as soon as the series does not hold both a positive and a negative value (numpy-financial tests "all of
 *   the sign of the first value" and may then return -1 for a series such as [5, 0]);
 * - when Newton does not converge, or converges to a rate ≤ -1, numpy-financial returns NaN (or that rate); here
 *   the real roots are then computed exactly by `irrRoots` and the one closest to the guess is returned, NaN only
 *   when there is no real root above -1.
 * When the series has several IRRs (see `hasMultipleIrr`), the one returned is the one Newton reaches from the
 * guess: report it with a warning, or not at all.
 *
 * `guess`, `tol` and `maxiter` are keyword-only in numpy-financial; here they are positional, in its order.
 *
 * Performance: one pass of validation then Horner evaluations, no allocation unless the fallback runs.
 *
 * @param values cash flows per period, index 0 first [€]; Float64Array accepted
 * @param guess starting rate [fraction]; default (Σ inflows / Σ outflows) - 1 (numpy-financial 1.0)
 * @param tol tolerance on the Newton step in g = 1 + r [fraction]; default 1e-12 (numpy-financial)
 * @param maxiter maximum Newton iterations before the exact fallback; default 100 (numpy-financial)
 * @returns the internal rate of return [fraction per period], NaN when there is none
 * @throws RangeError when a value or an option is not usable (names the argument)
 * @see https://numpy.org/numpy-financial/latest/irr.html (Gitman 2003, p. 348)
 * @example irr([-100, 39, 59, 55, 20]) // 0.28095 (numpy-financial example, rounded to 5 decimals)
 */
export function irr(values: ArrayLike<number>, guess?: number, tol = 1e-12, maxiter = 100): number {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length === 0) {
    throw argumentError('irr', 'values', 'a non-empty array or typed array of numbers', String(values));
  }
  if (guess !== undefined) requireRate('irr', 'guess', guess);
  if (typeof tol !== 'number' || !(tol > 0) || !Number.isFinite(tol)) {
    throw argumentError('irr', 'tol', 'a finite number greater than 0', String(tol));
  }
  requireInteger('irr', 'maxiter', maxiter, 1);

  const n = values.length;
  let inflow = 0;
  let outflow = 0;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw argumentError('irr', `values[${t}]`, 'a finite number', String(v));
    if (v > 0) inflow += v;
    else outflow -= v;
  }
  if (inflow === 0 || outflow === 0) return NaN; // every flow on one side of zero: NPV never vanishes

  const start = guess ?? inflow / outflow - 1;
  let g = 1 + start;
  for (let iteration = 0; iteration < maxiter; iteration++) {
    // p = Σ values[t]·g^(n-1-t) and its derivative dp, by Horner's rule.
    let p = values[0];
    let dp = 0;
    for (let t = 1; t < n; t++) {
      dp = dp * g + p;
      p = p * g + values[t];
    }
    const step = p / dp;
    if (!Number.isFinite(step)) break;
    // numpy-financial's test |step| < tol, made relative when g < 1 so that rates near -100 % are not
    // accepted before they are accurate (numpy-financial issue 15's series stops 80 times too early otherwise).
    if (Math.abs(step) < tol * Math.min(1, Math.abs(g))) {
      if (g > 0) return g - 1;
      break; // converged to a rate ≤ -1: not an IRR
    }
    g -= step;
  }

  // Fallback: all real roots, the one nearest the guess.
  const roots = irrRoots(values);
  let best = NaN;
  for (const r of roots) if (!(Math.abs(r - start) >= Math.abs(best - start))) best = r;
  return best;
}
