/**
 * Coefficient of variation of the root-mean-square error, as ASHRAE Guideline 14-2014 defines it for baseline
 * models and calibrated simulations:
 *
 *     CV(RMSE) = √( Σ(yᵢ − ŷᵢ)² / (n − p) ) / ȳ
 *
 * with n − p in the denominator (p parameters in the model). Some texts divide by n (e.g. the secondary summaries
 * of the calibration thresholds) or by n − 1: the value differs by √(n/(n − p)), about 4 % for 24 months and p = 2.
 * CalTRACK 2.0 §4.3.2.2 writes the same n − p form (P − c).
 *
 * @param y measured values [any unit]
 * @param fitted model values [same unit]
 * @param p number of model parameters (intercept, slopes and change points)
 * @returns CV(RMSE) [fraction, 0.12 = 12 %]
 * @see ASHRAE Guideline 14-2014, *Measurement of Energy, Demand, and Water Savings*
 * @example cvRmse([10, 12, 14, 16], [11, 11, 15, 15], 2) // 0.10879 (√(4/2) / 13)
 */
export function cvRmse(y: ArrayLike<number>, fitted: ArrayLike<number>, p: number): number {
  const { sse, mean, n } = sums('cvRmse', y, fitted, p);
  return Math.sqrt(sse / (n - p)) / mean;
}

/**
 * Sums shared by CV(RMSE) and NMBE, with the argument checks.
 * @internal
 */
export function sums(fn: string, y: ArrayLike<number>, fitted: ArrayLike<number>, p: number): { sse: number; bias: number; mean: number; n: number } {
  const n = y.length;
  if (fitted.length !== n) throw new RangeError(`${fn}: y has ${n} values, fitted ${fitted.length}`);
  if (!Number.isInteger(p) || p < 0 || p >= n) throw new RangeError(`${fn}: p must be an integer in [0, n), received ${p} for n = ${n}`);
  let sse = 0;
  let bias = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i] - fitted[i];
    sse += e * e;
    bias += e;
    total += y[i];
  }
  return { sse, bias, mean: total / n, n };
}
