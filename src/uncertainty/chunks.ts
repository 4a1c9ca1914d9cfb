/**
 * Chunked sampling: a Monte Carlo run of N draws is cut into chunks of a fixed size, and each chunk is sampled by
 * a pure function of (distributions, run seed, chunk index, chunk size, method). Chunks can then be sampled in any
 * order, on any number of worker threads, and concatenating them always gives the same numbers.
 *
 * - Seeds: chunk k draws from `createRng(chunkSeed(runSeed, k))`, which depends on the run seed and k only.
 * - Chunked LHS: with `method: 'lhs'` the Latin hypercube is built **within each chunk** (each chunk of size m
 *   stratifies every parameter into m strata). The whole run is a union of Latin hypercubes, not one hypercube
 *   of N points; its marginals are still evenly covered chunk by chunk.
 * - The chunk size is a property of the run (stored with its seed), never derived from the thread count:
 *   changing the chunk size changes the numbers, changing the number of threads does not.
 * - Correlations: when a rank-correlation matrix is given, Iman–Conover reorders each chunk with the chunk's own
 *   generator, after sampling; each chunk then carries the target rank correlation (so does the whole run).
 */
import { compileQuantile } from './distributions.js';
import { imanConover, validateCorrelation } from './imanConover.js';
import { sampleColumns, type SamplerInput, type SamplingMethod } from './lhs.js';
import { chunkSeed, createRng } from './rng.js';

/** One chunk of a run: its index, the index of its first draw, its number of draws. */
export interface Chunk {
  index: number;
  start: number;
  size: number;
}

/**
 * Cuts `draws` draws into chunks of `chunkSize` (the last one holds the remainder).
 * @param draws number of draws of the run [-], integer ≥ 1
 * @param chunkSize draws per chunk [-], integer ≥ 1, fixed by the run (not by the number of threads)
 * @returns the chunks in order, covering 0…draws−1 exactly once
 * @throws RangeError on a non-integer or non-positive argument
 * @example planChunks(10, 4)
 * // [{ index: 0, start: 0, size: 4 }, { index: 1, start: 4, size: 4 }, { index: 2, start: 8, size: 2 }]
 */
export function planChunks(draws: number, chunkSize: number): Chunk[] {
  if (!Number.isSafeInteger(draws) || draws < 1) {
    throw new RangeError(`planChunks: draws must be an integer ≥ 1, received ${draws}`);
  }
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`planChunks: chunkSize must be an integer ≥ 1, received ${chunkSize}`);
  }
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < draws; start += chunkSize, index++) {
    chunks.push({ index, start, size: Math.min(chunkSize, draws - start) });
  }
  return chunks;
}

/** Options of `sampleChunk` and `sampleRun`. */
export interface ChunkOptions {
  /** Target rank-correlation matrix (d×d, one row per distribution), imposed by Iman–Conover within each chunk. */
  correlation?: readonly (readonly number[])[];
  /**
   * Full-run output columns (one per distribution, each at least `chunkStart + chunkSize` long, e.g. backed by a
   * `SharedArrayBuffer` that several workers fill): the chunk is written at `[chunkStart, chunkStart + chunkSize)`.
   */
  out?: Float64Array[];
}

function asQuantile(input: SamplerInput, fn: string): (u: number) => number {
  return typeof input === 'function' ? input : compileQuantile(input, fn);
}

/**
 * Samples one chunk of a run. A pure function: the result depends only on the arguments, so a chunk sampled on any
 * thread, in any order, is identical, and the chunks of a run concatenated by `start` are the run's draws.
 *
 * Random numbers come from `createRng(chunkSeed(runSeed, chunkIndex))`: first the uniforms (column by column,
 * chunked LHS or independent), then, with a correlation matrix, the Iman–Conover score permutations.
 *
 * @param dists one distribution (or compiled quantile function) per parameter
 * @param runSeed the run's seed [safe integer]
 * @param chunkIndex the chunk's index [-], as in `planChunks`
 * @param chunkStart index of the chunk's first draw in the run [-]: where the chunk goes in `options.out`
 * @param chunkSize number of draws in this chunk [-] (the last chunk of a run may be shorter)
 * @param method 'lhs' (Latin hypercube within the chunk) or 'random'
 * @param options optional `correlation` matrix and full-run `out` columns
 * @returns the chunk's columns, one per parameter, of `chunkSize` values (views into `out` when given)
 *   [each parameter's unit]
 * @throws RangeError on invalid distributions, counts, correlation matrix or `out` columns
 * @example sampleChunk([{ type: 'uniform', low: 0, high: 1 }], 42, 3, 3000, 1000, 'lhs')[0].length // 1000
 */
export function sampleChunk(
  dists: readonly SamplerInput[],
  runSeed: number,
  chunkIndex: number,
  chunkStart: number,
  chunkSize: number,
  method: SamplingMethod,
  options: ChunkOptions = {},
): Float64Array[] {
  if (!Number.isSafeInteger(chunkStart) || chunkStart < 0) {
    throw new RangeError(`sampleChunk: chunkStart must be an integer ≥ 0, received ${chunkStart}`);
  }
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`sampleChunk: chunkSize must be an integer ≥ 1, received ${chunkSize}`);
  }
  const { correlation, out } = options;
  let views: Float64Array[] | undefined;
  if (out !== undefined) {
    if (out.length !== dists.length) {
      throw new RangeError(`sampleChunk: out must hold ${dists.length} columns, received ${out.length}`);
    }
    views = out.map((column, j) => {
      if (!(column instanceof Float64Array) || column.length < chunkStart + chunkSize) {
        throw new RangeError(
          `sampleChunk: out[${j}] must be a Float64Array of at least ${chunkStart + chunkSize} values, ` +
            `received length ${column?.length}`,
        );
      }
      return column.subarray(chunkStart, chunkStart + chunkSize);
    });
  }
  const quantiles = dists.map((d) => asQuantile(d, 'sampleChunk'));
  const rng = createRng(chunkSeed(runSeed, chunkIndex));
  const columns = sampleColumns(quantiles, chunkSize, rng, { method, out: views });
  if (correlation !== undefined) imanConover(columns, correlation, rng);
  return columns;
}

/**
 * Samples a whole run on the current thread, chunk after chunk, into full-length columns. A run split across
 * worker threads, each calling `sampleChunk` for its share of `planChunks(draws, chunkSize)`, gives exactly these
 * numbers.
 *
 * @param dists one distribution (or compiled quantile function) per parameter
 * @param options `draws`, `chunkSize`, `seed`, `method` (default 'lhs'), optional `correlation` and `out`
 * @returns one column of `draws` values per parameter [each parameter's unit]
 * @throws RangeError on invalid arguments
 * @example sampleRun([{ type: 'pert', low: 50, mode: 120, high: 250 }], { draws: 10_000, chunkSize: 1000, seed: 42 })
 */
export function sampleRun(
  dists: readonly SamplerInput[],
  options: {
    draws: number;
    chunkSize: number;
    seed: number;
    method?: SamplingMethod;
    correlation?: readonly (readonly number[])[];
    out?: Float64Array[];
  },
): Float64Array[] {
  const { draws, chunkSize, seed, method = 'lhs', correlation } = options;
  const chunks = planChunks(draws, chunkSize);
  if (correlation !== undefined) validateCorrelation(correlation, dists.length, 'sampleRun');
  const out = options.out ?? dists.map(() => new Float64Array(draws));
  // Compile once for the whole run rather than once per chunk.
  const quantiles = dists.map((d) => asQuantile(d, 'sampleRun'));
  for (const chunk of chunks) {
    sampleChunk(quantiles, seed, chunk.index, chunk.start, chunk.size, method, { correlation, out });
  }
  return out;
}
