/**
 * Latin hypercube sampling and sampling of parameter columns.
 *
 * Latin hypercube (McKay, Beckman & Conover 1979): for n draws in d dimensions, each dimension's [0, 1) is cut
 * into n equal strata [k/n, (k+1)/n); every stratum receives exactly one point, placed uniformly inside it, and
 * the strata are paired across dimensions by an independent random permutation per dimension. Each marginal is
 * then covered evenly, which lowers the variance of estimated means compared with independent draws.
 *
 * Implementation: column j is filled with (k + U_k)/n for k = 0…n−1, then shuffled in place (Fisher–Yates,
 * Durstenfeld's variant, with j drawn as ⌊U·(i+1)⌋; the bias of that mapping is below 2^-53·n), so the
 * permutation costs no extra array. Random numbers are consumed column by column: n for the offsets, n − 1 for the
 * shuffle.
 *
 * All uniforms lie in the open interval (0, 1), so unbounded distributions (normal, lognormal) never return
 * ±Infinity.
 *
 * References:
 * - M. D. McKay, R. J. Beckman, W. J. Conover, "A Comparison of Three Methods for Selecting Values of Input
 *   Variables in the Analysis of Output from a Computer Code", Technometrics 21(2), 1979, pp. 239–245.
 * - R. Durstenfeld, "Algorithm 235: Random permutation", Communications of the ACM 7(7), 1964, p. 420.
 */
import type { Distribution } from '../core/parameter.js';
import { compileQuantile } from './distributions.js';
import type { Rng } from './rng.js';

/** Largest double below 1. */
const ONE_MINUS = 1 - 2 ** -53;

/** How uniforms are drawn: stratified (`lhs`) or independent (`random`). */
export type SamplingMethod = 'lhs' | 'random';

/** A distribution, or its quantile function already compiled by `compileQuantile` (to compile once per run). */
export type SamplerInput = Distribution | ((u: number) => number);

function requireCount(fn: string, arg: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${fn}: ${arg} must be an integer ≥ ${min}, received ${String(value)}`);
  }
}

/** Allocates (or checks) d output columns of length n. */
function outputColumns(fn: string, n: number, d: number, out: Float64Array[] | undefined): Float64Array[] {
  if (out === undefined) return Array.from({ length: d }, () => new Float64Array(n));
  if (out.length !== d) throw new RangeError(`${fn}: out must hold ${d} columns, received ${out.length}`);
  out.forEach((column, j) => {
    if (!(column instanceof Float64Array) || column.length !== n) {
      throw new RangeError(`${fn}: out[${j}] must be a Float64Array of length ${n}, received length ${column?.length}`);
    }
  });
  return out;
}

/** Fills `column` with one stratified uniform per stratum, then shuffles it. */
function fillLatinColumn(column: Float64Array, rng: Rng): void {
  const n = column.length;
  const invN = 1 / n;
  for (let k = 0; k < n; k++) {
    const u = (k + rng.nextOpen()) * invN;
    column[k] = u < 1 ? u : ONE_MINUS;
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = column[i];
    column[i] = column[j];
    column[j] = t;
  }
}

/**
 * A Latin hypercube of n points in d dimensions, as d columns of n uniforms in (0, 1).
 *
 * Stratification property: for every column, ⌊n·u⌋ takes each value 0, 1, …, n−1 exactly once.
 * @param n number of points (draws) [-], integer ≥ 1
 * @param d number of dimensions (parameters) [-], integer ≥ 0
 * @param rng the generator (advanced by 2n − 1 draws per column)
 * @param out optional preallocated columns (d arrays of length n) to fill instead of allocating
 * @returns d columns of n uniforms
 * @throws RangeError on a non-integer or negative count, or badly shaped `out`
 * @see McKay, Beckman & Conover 1979
 * @example latinHypercube(4, 2, createRng(1))[0].map((u) => Math.floor(4 * u)).sort() // [0, 1, 2, 3]
 */
export function latinHypercube(n: number, d: number, rng: Rng, out?: Float64Array[]): Float64Array[] {
  requireCount('latinHypercube', 'n', n, 1);
  requireCount('latinHypercube', 'd', d, 0);
  const columns = outputColumns('latinHypercube', n, d, out);
  for (let j = 0; j < d; j++) fillLatinColumn(columns[j], rng);
  return columns;
}

/**
 * Independent uniforms in (0, 1), as d columns of n (filled column by column).
 * @param n number of draws [-], integer ≥ 1
 * @param d number of dimensions [-], integer ≥ 0
 * @param rng the generator (advanced by n draws per column)
 * @param out optional preallocated columns
 * @returns d columns of n uniforms
 * @throws RangeError on a non-integer or negative count, or badly shaped `out`
 * @example randomUniforms(1000, 3, createRng(7)).length // 3
 */
export function randomUniforms(n: number, d: number, rng: Rng, out?: Float64Array[]): Float64Array[] {
  requireCount('randomUniforms', 'n', n, 1);
  requireCount('randomUniforms', 'd', d, 0);
  const columns = outputColumns('randomUniforms', n, d, out);
  for (let j = 0; j < d; j++) {
    const column = columns[j];
    for (let i = 0; i < n; i++) column[i] = rng.nextOpen();
  }
  return columns;
}

/** Options of `sampleColumns`. */
export interface SampleOptions {
  /** `lhs` (default): Latin hypercube; `random`: independent draws. */
  method?: SamplingMethod;
  /** Preallocated output columns (one `Float64Array` of length n per distribution), filled in place. */
  out?: Float64Array[];
}

/**
 * Samples n draws of each distribution, as one `Float64Array` column per distribution: uniforms from
 * `latinHypercube` (or independent ones) mapped through each distribution's quantile function. Uniforms are
 * written into the output columns and transformed in place, so nothing is allocated per draw.
 *
 * @param dists one distribution per parameter, or its quantile function from `compileQuantile`
 * @param n number of draws [-], integer ≥ 1
 * @param rng the generator
 * @param options `method` ('lhs' default, or 'random') and optional preallocated `out` columns
 * @returns one column of n values per distribution [each parameter's unit]
 * @throws RangeError on an invalid distribution (naming `sampleColumns`), count or `out`
 * @example sampleColumns([{ type: 'uniform', low: 0, high: 10 }], 1000, createRng(1))[0].length // 1000
 */
export function sampleColumns(
  dists: readonly SamplerInput[],
  n: number,
  rng: Rng,
  options: SampleOptions = {},
): Float64Array[] {
  const { method = 'lhs', out } = options;
  if (method !== 'lhs' && method !== 'random') {
    throw new RangeError(`sampleColumns: method must be 'lhs' or 'random', received ${String(method)}`);
  }
  requireCount('sampleColumns', 'n', n, 1);
  const quantiles = dists.map((d) => (typeof d === 'function' ? d : compileQuantile(d, 'sampleColumns')));
  const columns = outputColumns('sampleColumns', n, dists.length, out);
  if (method === 'lhs') latinHypercube(n, dists.length, rng, columns);
  else randomUniforms(n, dists.length, rng, columns);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    const q = quantiles[j];
    for (let i = 0; i < n; i++) column[i] = q(column[i]);
  }
  return columns;
}
