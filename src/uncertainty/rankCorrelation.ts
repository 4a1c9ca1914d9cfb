/**
 * Ranks, Pearson and Spearman correlation of sampled columns: to check and report the dependence that
 * `imanConover` imposes.
 *
 * Spearman's ρ is Pearson's correlation of the ranks, ties receiving the average of the ranks they span
 * (the definition R's `cor(method = "spearman")` and `scipy.stats.spearmanr` use).
 *
 * Reference: C. Spearman, "The proof and measurement of association between two things", American Journal of
 * Psychology 15(1), 1904, pp. 72–101.
 */

function requirePair(fn: string, x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new RangeError(`${fn}: x and y must have the same length, received ${x.length} and ${y.length}`);
  }
  if (x.length < 2) throw new RangeError(`${fn}: at least 2 values are needed, received ${x.length}`);
}

/**
 * Indices that sort the values ascending (a stable argsort).
 * @param values numbers [any unit]
 * @returns indices i₀, i₁, … with values[i₀] ≤ values[i₁] ≤ …
 * @example argsort([30, 10, 20]) // Uint32Array [1, 2, 0]
 */
export function argsort(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * Ranks from 1 to n, ties receiving their average rank.
 * @param values numbers [any unit]
 * @returns ranks [-]
 * @example ranks([10, 30, 20, 30]) // Float64Array [1, 3.5, 2, 3.5]
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = argsort(values);
  const out = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const average = (start + end + 1) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) out[order[k]] = average;
    start = end;
  }
  return out;
}

/**
 * Pearson's product-moment correlation.
 * @param x numbers [any unit]
 * @param y numbers [any unit], same length
 * @returns correlation [-], in [−1, 1]; NaN when a column is constant
 * @throws RangeError on different lengths or fewer than 2 values
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933992677987828
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  requirePair('pearson', x, y);
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the (average) ranks.
 * @param x numbers [any unit]
 * @param y numbers [any unit], same length
 * @returns rank correlation [-], in [−1, 1]
 * @throws RangeError on different lengths or fewer than 2 values
 * @example spearman([1, 2, 3, 4], [1, 3, 2, 4]) // 0.8
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  requirePair('spearman', x, y);
  return pearson(ranks(x), ranks(y));
}

/**
 * Matrix of Spearman rank correlations between columns.
 * @param columns d columns of n values
 * @returns d×d matrix as rows, ones on the diagonal
 * @throws RangeError when columns differ in length or hold fewer than 2 values
 * @example spearmanMatrix([x, y])[0][1] === spearman(x, y) // true
 */
export function spearmanMatrix(columns: readonly ArrayLike<number>[]): number[][] {
  const rankColumns = columns.map((c) => ranks(c));
  const d = columns.length;
  const out = Array.from({ length: d }, () => new Array<number>(d).fill(1));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      requirePair('spearmanMatrix', columns[i], columns[j]);
      out[i][j] = out[j][i] = pearson(rankColumns[i], rankColumns[j]);
    }
  }
  return out;
}
