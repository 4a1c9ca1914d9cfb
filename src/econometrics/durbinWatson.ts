/**
 * Durbin–Watson statistic of a residual series in time order:
 *
 *     d = Σ_{t=2}^{n} (e_t − e_{t−1})² / Σ_{t=1}^{n} e_t²
 *
 * d ≈ 2 when successive residuals are uncorrelated, towards 0 with positive autocorrelation (a model that misses a
 * seasonal or operating pattern), towards 4 with negative autocorrelation; d ≈ 2(1 − ρ) with ρ the lag-1
 * autocorrelation. The statistic only, no bounds test: its critical values depend on n and the number of
 * regressors (Durbin & Watson, Biometrika 38, 1951, 159–178).
 *
 * @param residuals e_t in time order [any unit], at least 2 values, not all zero
 * @returns d in [0, 4]
 * @example durbinWatson([1, -1, 1, -1]) // 3 (= (4 + 4 + 4) / 4)
 */
export function durbinWatson(residuals: ArrayLike<number>): number {
  const n = residuals.length;
  if (n < 2) throw new RangeError(`durbinWatson: needs at least 2 residuals, received ${n}`);
  let num = 0;
  let den = residuals[0] * residuals[0];
  for (let t = 1; t < n; t++) {
    const d = residuals[t] - residuals[t - 1];
    num += d * d;
    den += residuals[t] * residuals[t];
  }
  if (!(den > 0)) throw new RangeError('durbinWatson: all residuals are zero (a perfect fit has no autocorrelation to test)');
  return num / den;
}
