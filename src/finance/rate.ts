import { argumentError } from '../core/errors.js';
import { requireFinite, requireInteger, whenToNumber, type When } from './internal/validate.js';

/**
 * Interest rate per period implied by a constant payment, numpy-financial's `rate`: the `rate` that solves
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *
 * by Newton's method from `guess`, stopping when the step is below `tol`; NaN when it has not converged after
 * `maxiter` iterations, which is what happens when no rate is feasible (e.g. `pmt` and `pv` of the same sign:
 * a loan cannot be repaid by further withdrawals). Scalars only (no array broadcasting).
 *
 * @param nper number of periods [periods]
 * @param pmt payment each period [€]
 * @param pv present value [€]
 * @param fv future value [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @param guess starting rate [fraction]; default 0.1 (numpy-financial)
 * @param tol tolerance on the Newton step [fraction]; default 1e-6 (numpy-financial)
 * @param maxiter maximum iterations; default 100 (numpy-financial)
 * @returns the rate per period [fraction], NaN when it does not converge
 * @throws RangeError when an argument is not a finite number, `when` is unknown, `tol` ≤ 0 or `maxiter` < 1
 * @see https://numpy.org/numpy-financial/latest/rate.html
 * @example rate(10, 0, -3500, 10_000) // 0.1106908537142689 (numpy-financial test: (10000/3500)^(1/10) - 1)
 */
export function rate(
  nper: number,
  pmt: number,
  pv: number,
  fv = 0,
  when: When = 'end',
  guess = 0.1,
  tol = 1e-6,
  maxiter = 100,
): number {
  requireFinite('rate', 'nper', nper);
  requireFinite('rate', 'pmt', pmt);
  requireFinite('rate', 'pv', pv);
  requireFinite('rate', 'fv', fv);
  const w = whenToNumber('rate', when);
  requireFinite('rate', 'guess', guess);
  if (typeof tol !== 'number' || !(tol > 0) || !Number.isFinite(tol)) {
    throw argumentError('rate', 'tol', 'a finite number greater than 0', String(tol));
  }
  requireInteger('rate', 'maxiter', maxiter, 1);

  let r = guess;
  for (let iteration = 0; iteration < maxiter; iteration++) {
    const next = r - gOverDerivative(r, nper, pmt, pv, fv, w);
    const converged = Math.abs(next - r) < tol;
    r = next;
    if (converged) return r;
  }
  return NaN;
}

/**
 * g(r) / g′(r) for g(r) = fv + pv·(1+r)^n + pmt·(1 + r·w)/r·((1+r)^n - 1), numpy-financial's `_g_div_gp`.
 */
function gOverDerivative(r: number, n: number, pmt: number, pv: number, fv: number, w: 0 | 1): number {
  const t1 = (r + 1) ** n;
  const t2 = (r + 1) ** (n - 1);
  const g = fv + t1 * pv + (pmt * (t1 - 1) * (r * w + 1)) / r;
  const gPrime =
    n * t2 * pv - (pmt * (t1 - 1) * (r * w + 1)) / r ** 2 + (n * pmt * t2 * (r * w + 1)) / r + (pmt * (t1 - 1) * w) / r;
  return g / gPrime;
}
