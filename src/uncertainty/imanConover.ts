/**
 * Iman–Conover: impose a target rank-correlation matrix on independently sampled columns, by reordering the
 * values within each column. The values themselves are untouched, so every marginal distribution is kept exactly
 * (the same draws, in another order).
 *
 * Method (Iman & Conover 1982), for n draws of d parameters and a target rank-correlation matrix C:
 * 1. van der Waerden scores aₖ = Φ⁻¹(k/(n+1)), k = 1…n; the score matrix S holds an independent random
 *    permutation of the scores in each column.
 * 2. The scores' own sample correlation E is not exactly the identity; with E = Q·Qᵀ and the score target
 *    R = P·Pᵀ (Cholesky factors), T = S·Q⁻ᵀ·Pᵀ has a sample Pearson correlation exactly R. (This "uncorrelate the
 *    scores" step is part of the method as usually presented, e.g. by Wicklin 2021; without it the result is R
 *    only on average.)
 * 3. Each input column is reordered so that its ranks match those of the matching column of T.
 *
 * Target on the scores: T's columns are close to jointly normal, and for a bivariate normal the rank correlation
 * is ρ_S = (6/π)·asin(ρ/2) (Pearson 1907; Kruskal 1958), up to 0.018 below ρ. So that the **rank** correlation of
 * the output matches C, the scores are given R = 2·sin(π·C/6) entrywise (the Gaussian-copula relation); for C
 * positive definite R almost always is too, and a RangeError says so when it is not.
 *
 * References:
 * - R. L. Iman, W. J. Conover, "A distribution-free approach to inducing rank correlation among input
 *   variables", Communications in Statistics – Simulation and Computation 11(3), 1982, pp. 311–334.
 * - W. H. Kruskal, "Ordinal measures of association", Journal of the American Statistical Association 53, 1958,
 *   pp. 814–861 (ρ_S = (6/π) asin(ρ/2) for the bivariate normal).
 * - R. Wicklin, "The geometry of the Iman-Conover transformation", The DO Loop (SAS blogs), 16 June 2021.
 */
import { cholesky } from './cholesky.js';
import { normalQuantile } from './normal.js';
import type { Rng } from './rng.js';

/**
 * Checks a correlation matrix: d×d, finite, symmetric (to 1e-12), ones on the diagonal, entries in [−1, 1],
 * positive definite.
 * @param matrix the matrix as rows [-]
 * @param d expected dimension (number of parameters)
 * @param fn name of the calling function, used in error messages
 * @returns the lower Cholesky factor of the matrix
 * @throws RangeError naming `fn` and the offending entry
 * @example validateCorrelation([[1, 0.5], [0.5, 1]], 2) // [[1, 0], [0.5, 0.8660254037844386]]
 */
export function validateCorrelation(
  matrix: readonly (readonly number[])[],
  d: number,
  fn = 'validateCorrelation',
): number[][] {
  if (!Array.isArray(matrix) || matrix.length !== d) {
    throw new RangeError(
      `${fn}: the correlation matrix must have ${d} rows (one per parameter), received ${matrix?.length}`,
    );
  }
  for (let i = 0; i < d; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== d) {
      throw new RangeError(`${fn}: correlation row ${i} must have ${d} entries, received ${row?.length}`);
    }
    for (let j = 0; j < d; j++) {
      const c = row[j];
      if (!Number.isFinite(c) || c < -1 || c > 1) {
        throw new RangeError(`${fn}: correlation[${i}][${j}] must be a number in [-1, 1], received ${c}`);
      }
    }
    if (row[i] !== 1) throw new RangeError(`${fn}: correlation[${i}][${i}] must be 1 (unit diagonal), received ${row[i]}`);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-12) {
        throw new RangeError(
          `${fn}: the correlation matrix must be symmetric; ` +
            `[${i}][${j}] = ${matrix[i][j]} but [${j}][${i}] = ${matrix[j][i]}`,
        );
      }
    }
  }
  return cholesky(matrix, fn);
}

/** Fisher–Yates shuffle in place. */
function shuffle(values: Float64Array, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

/** Sample Pearson correlation matrix of columns. */
function correlationMatrix(columns: Float64Array[]): number[][] {
  const d = columns.length;
  const n = columns[0].length;
  const centred = columns.map((c) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += c[i];
    m /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] - m;
    return out;
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((s, x) => s + x * x, 0)));
  const out = Array.from({ length: d }, () => new Array<number>(d).fill(1));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      let s = 0;
      const a = centred[i];
      const b = centred[j];
      for (let k = 0; k < n; k++) s += a[k] * b[k];
      out[i][j] = out[j][i] = s / (norms[i] * norms[j]);
    }
  }
  return out;
}

/** Inverse of a lower-triangular matrix (forward substitution), as rows. */
function invertLower(lower: number[][]): number[][] {
  const d = lower.length;
  const inv = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    inv[j][j] = 1 / lower[j][j];
    for (let i = j + 1; i < d; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= lower[i][k] * inv[k][j];
      inv[i][j] = s / lower[i][i];
    }
  }
  return inv;
}

/**
 * Positions of the values in ascending order: out[r] = index of the value of rank r. Uses the native numeric sort
 * and a binary search when the values are distinct (the usual case for continuous scores), else a comparator sort.
 */
function orderOf(values: Float64Array, sortedScratch: Float64Array, order: Uint32Array): void {
  sortedScratch.set(values);
  sortedScratch.sort();
  const n = values.length;
  let distinct = true;
  for (let r = 1; r < n && distinct; r++) if (sortedScratch[r] === sortedScratch[r - 1]) distinct = false;
  if (distinct) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedScratch[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      order[lo] = i;
    }
    return;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * Reorders sampled columns **in place** so that their Spearman rank correlations approach a target matrix,
 * keeping each column's values (its marginal distribution) exactly (Iman & Conover 1982; see the file header).
 *
 * Accuracy: the rank correlation reached is the target up to sampling noise of order (1 − ρ²)/√n, e.g. within
 * 0.01 of the target for n = 10,000.
 *
 * @param columns d columns of n draws each (n > d), reordered in place [each parameter's unit]
 * @param correlation target rank-correlation matrix, d×d as rows [-]
 * @param rng the generator (advanced by d·(n − 1) draws for the score permutations)
 * @returns the same `columns` arrays, reordered
 * @throws RangeError naming `imanConover` when the matrix is not symmetric, has no unit diagonal, is not positive
 *   definite (or its score version is not), or n ≤ d
 * @see Iman & Conover 1982
 * @example imanConover([x, y], [[1, 0.8], [0.8, 1]], createRng(1)); spearman(x, y) // ≈ 0.8
 */
export function imanConover(
  columns: Float64Array[],
  correlation: readonly (readonly number[])[],
  rng: Rng,
): Float64Array[] {
  const d = columns.length;
  validateCorrelation(correlation, d, 'imanConover');
  if (d < 2) return columns;
  const n = columns[0].length;
  columns.forEach((c, j) => {
    if (!(c instanceof Float64Array) || c.length !== n) {
      throw new RangeError(`imanConover: columns[${j}] must be a Float64Array of length ${n}, received length ${c?.length}`);
    }
  });
  if (n <= d) {
    throw new RangeError(`imanConover: more draws than parameters are needed (n > d), received n = ${n}, d = ${d}`);
  }

  // Target for the normal scores, so that the rank correlation of the output is `correlation`.
  const scoreTarget = correlation.map((row, i) => row.map((c, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * c) / 6))));
  let p: number[][];
  try {
    p = cholesky(scoreTarget, 'imanConover');
  } catch (cause) {
    throw new RangeError(
      'imanConover: the normal-score version of the correlation matrix (2·sin(π·c/6)) is not positive definite; ' +
        'move the strongest correlations slightly towards 0',
      { cause },
    );
  }

  // 1. Scores, independently permuted per column.
  const scores = new Float64Array(n);
  for (let k = 0; k < n; k++) scores[k] = normalQuantile((k + 1) / (n + 1));
  const s = columns.map(() => {
    const column = Float64Array.from(scores);
    shuffle(column, rng);
    return column;
  });

  // 2. T = S · Q⁻ᵀ · Pᵀ, M = Q⁻ᵀ Pᵀ, M[i][j] = Σ_k Qinv[k][i] P[j][k].
  let q: number[][];
  try {
    q = cholesky(correlationMatrix(s), 'imanConover');
  } catch (cause) {
    throw new RangeError(`imanConover: the permuted scores are collinear; use more draws than ${n}`, { cause });
  }
  const qInv = invertLower(q);
  const m = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let sum = 0;
      for (let k = i; k < d; k++) sum += qInv[k][i] * p[j][k];
      return sum;
    }),
  );
  const t = new Float64Array(n);
  const sortedScratch = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let j = 0; j < d; j++) {
    t.fill(0);
    for (let i = 0; i < d; i++) {
      const w = m[i][j];
      if (w === 0) continue;
      const si = s[i];
      for (let r = 0; r < n; r++) t[r] += si[r] * w;
    }
    // 3. Put the column's k-th smallest value where T's column has its k-th smallest entry.
    orderOf(t, sortedScratch, order);
    const column = columns[j];
    sortedScratch.set(column);
    sortedScratch.sort();
    for (let r = 0; r < n; r++) column[order[r]] = sortedScratch[r];
  }
  return columns;
}
