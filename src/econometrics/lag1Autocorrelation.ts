/**
 * Lag-1 autocorrelation ρ of a series in time order, the Pearson correlation of (x₁…x_{n−1}) with (x₂…x_n), each
 * part centred on its own mean. This is how R's `cor(e[-n], e[-1])` computes it, and how the nmecr package
 * (kW Engineering, R/calculate_savings_and_uncertainty.R) estimates the ρ that enters Guideline 14's effective
 * number of observations n′ = n (1 − ρ)/(1 + ρ).
 *
 * @param x series [any unit], at least 3 values
 * @returns ρ in [−1, 1]; NaN when one of the two parts is constant
 * @example lag1Autocorrelation([1, 2, 3, 4, 5]) // 1 (a straight line is perfectly correlated with itself shifted)
 */
export function lag1Autocorrelation(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) throw new RangeError(`lag1Autocorrelation: needs at least 3 values, received ${n}`);
  const m = n - 1;
  let meanA = 0;
  let meanB = 0;
  for (let t = 0; t < m; t++) {
    meanA += x[t];
    meanB += x[t + 1];
  }
  meanA /= m;
  meanB /= m;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let t = 0; t < m; t++) {
    const a = x[t] - meanA;
    const b = x[t + 1] - meanB;
    sab += a * b;
    saa += a * a;
    sbb += b * b;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return sab / Math.sqrt(saa * sbb);
}
