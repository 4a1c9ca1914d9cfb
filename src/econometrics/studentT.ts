/**
 * Student's t distribution: cumulative distribution, two-sided p-value and quantile, from the regularised
 * incomplete beta function (Numerical Recipes, 3rd ed., §6.14 gives the relation used here:
 * P(|T| > t) = I_{ν/(ν + t²)}(ν/2, 1/2) for ν degrees of freedom).
 */
import { incompleteBeta } from './incompleteBeta.js';

function requireDf(fn: string, df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`${fn}: degrees of freedom must be a finite number > 0, received ${df}`);
}

/**
 * Two-sided p-value of a t statistic: the probability that |T| exceeds |t| under the null hypothesis.
 *
 * @param t statistic [dimensionless]
 * @param df degrees of freedom (ν > 0; not necessarily an integer)
 * @returns P(|T_ν| ≥ |t|) in [0, 1]
 * @example studentTTwoSidedP(2.228138851986, 10) // 0.0500000000000 (2.228 is the tabulated 97.5 % quantile for ν = 10)
 */
export function studentTTwoSidedP(t: number, df: number): number {
  requireDf('studentTTwoSidedP', df);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Cumulative distribution function of Student's t: P(T_ν ≤ t).
 *
 * @param t point [dimensionless]
 * @param df degrees of freedom (ν > 0)
 * @returns probability in [0, 1]
 * @example studentTCdf(1, 1) // 0.75 (Cauchy: 1/2 + atan(1)/π)
 */
export function studentTCdf(t: number, df: number): number {
  requireDf('studentTCdf', df);
  if (Number.isNaN(t)) return NaN;
  const tail = studentTTwoSidedP(t, df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided critical value: the t such that P(|T_ν| ≤ t) = confidence (for 0.95, the 97.5 % quantile).
 * Found by bisection on the monotone two-sided p-value, to full double precision.
 *
 * @param confidence two-sided confidence level [fraction], 0 < confidence < 1 (e.g. 0.9, 0.68)
 * @param df degrees of freedom (ν > 0)
 * @returns critical value t > 0
 * @example studentTCritical(0.95, 10) // 2.2281388519862757 (tables: 2.228)
 */
export function studentTCritical(confidence: number, df: number): number {
  requireDf('studentTCritical', df);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`studentTCritical: confidence must be in (0, 1), received ${confidence}`);
  const alpha = 1 - confidence;
  let lo = 0;
  let hi = 1;
  while (studentTTwoSidedP(hi, df) > alpha) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (studentTTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
