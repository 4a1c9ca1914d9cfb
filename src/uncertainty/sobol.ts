/**
 * Global sensitivity analysis: Sobol' first-order and total-effect indices, estimated with Saltelli's sampling
 * scheme, with bootstrap confidence intervals.
 *
 * Indices (Sobol' 1993). For Y = f(X₁, …, X_d) with independent inputs, V = Var(Y):
 * - first order S_i = Var(E[Y | X_i]) / V: the share of V that X_i explains alone;
 * - total effect S_Ti = E[Var(Y | X_~i)] / V: the share of V that would remain if all inputs but X_i were fixed,
 *   i.e. X_i's effect including all its interactions. S_Ti ≥ S_i; S_Ti − S_i measures interactions.
 *
 * Design (Saltelli 2002; Saltelli et al. 2010 §3): two independent n × d sample matrices A and B, and for each i
 * the matrix A_B^(i), equal to A except its column i, taken from B. The model is run on A, B and the d matrices
 * A_B^(i): n(d + 2) runs. Columns are passed by reference: A_B^(i) reuses A's and B's column arrays, nothing is
 * copied.
 *
 * Estimators, with f_A = f(A), f_B = f(B), f_ABi = f(A_B^(i)), sums over the n rows j:
 * - first order, Saltelli et al. 2010, Table 2 (b):  V_i ≈ (1/n) Σ f_B,j (f_ABi,j − f_A,j)
 * - total effect, Jansen 1999 (Saltelli et al. 2010, Table 2 (f)):  V_Ti ≈ (1/2n) Σ (f_A,j − f_ABi,j)²
 * and S_i = V_i / V, S_Ti = V_Ti / V, with V the (1/N) variance of the 2n outputs f_A and f_B together (as
 * SALib does). These are the estimators Saltelli et al. 2010 recommend.
 *
 * Confidence intervals: nonparametric bootstrap over the n rows (the same resampled rows for f_A, f_B and every
 * f_ABi, as the estimators pair them), `bootstrap` resamples, percentile intervals at the `confidence` level
 * (type-7 quantiles of the resampled indices). The bootstrap only reuses the outputs: no extra model runs.
 *
 * Random numbers: the sample uses `createRng(seed, 0)` (A from the first d uniform columns, B from the next d),
 * the bootstrap `createRng(seed, 1)`. Same seed ⇒ same indices and intervals.
 *
 * References:
 * - I. M. Sobol', "Sensitivity estimates for nonlinear mathematical models", Mathematical Modelling and
 *   Computational Experiments 1, 1993, pp. 407–414.
 * - A. Saltelli, "Making best use of model evaluations to compute sensitivity indices", Computer Physics
 *   Communications 145, 2002, pp. 280–297.
 * - A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance based sensitivity
 *   analysis of model output. Design and estimator for the total sensitivity index", Computer Physics
 *   Communications 181(2), 2010, pp. 259–270.
 * - M. J. W. Jansen, "Analysis of variance designs for model output", Computer Physics Communications 117, 1999,
 *   pp. 35–43.
 * - B. Efron, R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall 1993, ch. 13 (percentile
 *   intervals).
 */
import type { Distribution } from '../core/parameter.js';
import { compileQuantile } from './distributions.js';
import { latinHypercube, randomUniforms, type SamplingMethod } from './lhs.js';
import { createRng } from './rng.js';
import { quantileSorted } from './statistics.js';

/** A model evaluated over a batch of draws: columns X[i][j] = input i of draw j, returns one output per draw. */
export type BatchModel = (columns: Float64Array[], n: number) => ArrayLike<number>;

/** Options of `sobol`. */
export interface SobolOptions {
  /** Base sample size n (rows of A and B) [-]; the model runs n(d + 2) times. E.g. 2^13 = 8192. */
  n: number;
  /** Seed of the sample and the bootstrap [safe integer]. */
  seed: number;
  /** Number of bootstrap resamples [-], default 1000; 0 skips the intervals (they are then NaN). */
  bootstrap?: number;
  /** Confidence level of the intervals [fraction], default 0.95. */
  confidence?: number;
  /** How A and B are sampled: 'random' (default, independent draws) or 'lhs' (a Latin hypercube of 2d columns). */
  method?: SamplingMethod;
}

/** Sobol' indices with their bootstrap confidence intervals, one entry per parameter. */
export interface SobolResult {
  /** First-order indices S_i [-]. */
  first: number[];
  /** Total-effect indices S_Ti [-]. */
  total: number[];
  /** Percentile bootstrap intervals [low, high] of S_i [-]. */
  firstCi: [number, number][];
  /** Percentile bootstrap intervals [low, high] of S_Ti [-]. */
  totalCi: [number, number][];
  /** Output variance V used as the denominator [output unit squared]. */
  variance: number;
  /** Number of model runs, n(d + 2) (in d + 2 batch calls). */
  evaluations: number;
}

function runModel(model: BatchModel, columns: Float64Array[], n: number, what: string): Float64Array {
  const y = model(columns, n);
  if (y === null || typeof y !== 'object' || y.length !== n) {
    const received = (y as { length?: number } | null)?.length;
    throw new RangeError(`sobol: the model must return ${n} outputs (one per draw) for ${what}, received ${received}`);
  }
  const out = y instanceof Float64Array ? y : Float64Array.from(y);
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(out[j])) {
      throw new Error(`sobol: output ${j} for ${what} is ${out[j]}; models must return finite values`);
    }
  }
  return out;
}

/**
 * Accumulates the estimators over rows idx (or 0…n−1 when idx is undefined) into first/total (length d).
 * Returns false when the output variance is 0 (indices undefined).
 */
function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: Float64Array[],
  idx: Uint32Array | undefined,
  first: Float64Array,
  total: Float64Array,
): number {
  const n = fA.length;
  const d = fAB.length;
  // Variance of the 2n outputs f_A ∪ f_B (1/N denominator), in two passes.
  let mean = 0;
  for (let r = 0; r < n; r++) {
    const j = idx === undefined ? r : idx[r];
    mean += fA[j] + fB[j];
  }
  mean /= 2 * n;
  let v = 0;
  for (let r = 0; r < n; r++) {
    const j = idx === undefined ? r : idx[r];
    const a = fA[j] - mean;
    const b = fB[j] - mean;
    v += a * a + b * b;
  }
  v /= 2 * n;
  for (let i = 0; i < d; i++) {
    const fi = fAB[i];
    let s1 = 0;
    let st = 0;
    for (let r = 0; r < n; r++) {
      const j = idx === undefined ? r : idx[r];
      const diff = fA[j] - fi[j];
      s1 -= fB[j] * diff; // f_B (f_ABi − f_A)
      st += diff * diff;
    }
    first[i] = s1 / n / v;
    total[i] = st / (2 * n) / v;
  }
  return v;
}

/**
 * Sobol' first-order and total-effect indices of a model's output, with bootstrap confidence intervals
 * (Saltelli et al. 2010 design and first-order estimator, Jansen 1999 total-effect estimator; see the file
 * header for the exact formulas).
 *
 * The inputs are sampled independently from `dists` (Sobol' indices assume independent inputs: rank correlations
 * are not applied here). The model is called d + 2 times, each time on n draws given as columns; it must not
 * modify the columns (A_B^(i) shares them with A and B).
 *
 * @param model batch model: (columns, n) → n outputs [output unit]
 * @param dists one distribution per input
 * @param options `n` (e.g. 8192), `seed`, `bootstrap` (default 1000), `confidence` (default 0.95), `method`
 * @returns `first`, `total`, `firstCi`, `totalCi`, `variance`, `evaluations`
 * @throws RangeError on invalid options or distributions, when the model returns the wrong number of outputs or
 *   the output has no variance; Error when an output is not finite
 * @see Saltelli et al. 2010, Computer Physics Communications 181:259–270; Jansen 1999
 * @example
 * // Ishigami (a = 7, b = 0.1), inputs uniform on [−π, π]: S1 ≈ 0.314, S2 ≈ 0.442, S3 ≈ 0; ST3 ≈ 0.244
 * sobol((X, n) => X[0].map((x1, j) => Math.sin(x1) + 7 * Math.sin(X[1][j]) ** 2 + 0.1 * X[2][j] ** 4 * Math.sin(x1)),
 *   Array(3).fill({ type: 'uniform', low: -Math.PI, high: Math.PI }), { n: 8192, seed: 1 })
 */
export function sobol(model: BatchModel, dists: readonly Distribution[], options: SobolOptions): SobolResult {
  const { n, seed, bootstrap = 1000, confidence = 0.95, method = 'random' } = options;
  const d = dists.length;
  if (d < 1) throw new RangeError('sobol: at least one distribution is needed');
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`sobol: n must be an integer ≥ 2, received ${n}`);
  if (!Number.isSafeInteger(bootstrap) || bootstrap < 0) {
    throw new RangeError(`sobol: bootstrap must be an integer ≥ 0, received ${bootstrap}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`sobol: confidence must be in (0, 1), received ${confidence}`);
  }
  if (method !== 'random' && method !== 'lhs') {
    throw new RangeError(`sobol: method must be 'random' or 'lhs', received ${String(method)}`);
  }
  const quantiles = dists.map((dist) => compileQuantile(dist, 'sobol'));

  // A = columns 0…d−1, B = columns d…2d−1, each mapped through its parameter's quantile function.
  const rng = createRng(seed, 0);
  const columns = method === 'lhs' ? latinHypercube(n, 2 * d, rng) : randomUniforms(n, 2 * d, rng);
  for (let c = 0; c < 2 * d; c++) {
    const q = quantiles[c % d];
    const column = columns[c];
    for (let j = 0; j < n; j++) column[j] = q(column[j]);
  }
  const a = columns.slice(0, d);
  const b = columns.slice(d);

  const fA = runModel(model, a, n, 'matrix A');
  const fB = runModel(model, b, n, 'matrix B');
  const fAB = a.map((_, i) => runModel(model, a.map((col, k) => (k === i ? b[i] : col)), n, `matrix A_B^(${i})`));

  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const v = estimate(fA, fB, fAB, undefined, first, total);
  if (!(v > 0)) throw new RangeError('sobol: the model output does not vary over the sample; indices are undefined');

  const firstCi: [number, number][] = [];
  const totalCi: [number, number][] = [];
  if (bootstrap === 0) {
    for (let i = 0; i < d; i++) {
      firstCi.push([NaN, NaN]);
      totalCi.push([NaN, NaN]);
    }
  } else {
    const rngBoot = createRng(seed, 1);
    const idx = new Uint32Array(n);
    const bFirst = new Float64Array(d);
    const bTotal = new Float64Array(d);
    const firstDraws = Array.from({ length: d }, () => new Float64Array(bootstrap));
    const totalDraws = Array.from({ length: d }, () => new Float64Array(bootstrap));
    for (let r = 0; r < bootstrap; r++) {
      for (let j = 0; j < n; j++) idx[j] = Math.floor(rngBoot.next() * n);
      estimate(fA, fB, fAB, idx, bFirst, bTotal);
      for (let i = 0; i < d; i++) {
        firstDraws[i][r] = bFirst[i];
        totalDraws[i][r] = bTotal[i];
      }
    }
    const lowP = (1 - confidence) / 2;
    const highP = (1 + confidence) / 2;
    for (let i = 0; i < d; i++) {
      const f = firstDraws[i].sort();
      const t = totalDraws[i].sort();
      firstCi.push([quantileSorted(f, lowP), quantileSorted(f, highP)]);
      totalCi.push([quantileSorted(t, lowP), quantileSorted(t, highP)]);
    }
  }
  return { first: Array.from(first), total: Array.from(total), firstCi, totalCi, variance: v, evaluations: n * (d + 2) };
}
