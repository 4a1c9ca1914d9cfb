/**
 * Summary statistics of Monte Carlo draws: mean, standard deviation, quantiles and probabilities.
 *
 * Quantile definition: **type 7** of Hyndman & Fan (1996), R's default `quantile()` and numpy's default
 * `method='linear'`: with the n draws sorted, x₍₁₎ ≤ … ≤ x₍ₙ₎, h = (n − 1)·p and Q(p) = x₍⌊h⌋+1₎ +
 * (h − ⌊h⌋)(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎) (1-based order statistics). Q(0) is the minimum, Q(1) the maximum.
 *
 * Standard deviation: the sample standard deviation with the n − 1 denominator (R's `sd`, numpy's `std(ddof=1)`),
 * computed in two passes (mean, then Σ(x − mean)²) for accuracy.
 *
 * Draws are never filtered: a NaN or infinite draw is an error (a model must not produce one silently).
 * `summarize` finds its five percentiles by selection (`selectRanks`: the order statistics it needs, each in its
 * place, in linear time on average) rather than by sorting all the draws: the same order statistics, so the same
 * numbers, about ten times faster on 100,000 draws, which matters when a Monte Carlo run summarises thousands of
 * columns. `sortedDraws` and `quantiles` sort one copy (`Float64Array.prototype.sort`, numeric, native code).
 *
 * Reference: R. J. Hyndman, Y. Fan, "Sample Quantiles in Statistical Packages", The American Statistician 50(4),
 * 1996, pp. 361–365.
 */

/** The percentiles every summary reports. */
export const SUMMARY_PROBABILITIES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Summary of a set of draws. */
export interface DrawSummary {
  /** Number of draws. */
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator); 0 for a single draw. */
  sd: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  /** Median. */
  p50: number;
  p90: number;
  p95: number;
}

function requireDraws(fn: string, draws: ArrayLike<number>): void {
  if (draws.length === 0) throw new RangeError(`${fn}: draws must not be empty`);
  for (let i = 0; i < draws.length; i++) {
    if (!Number.isFinite(draws[i])) {
      throw new RangeError(`${fn}: draws[${i}] is ${draws[i]}; every draw must be a finite number`);
    }
  }
}

function meanOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

function sdOf(values: ArrayLike<number>, m: number): number {
  if (values.length < 2) return 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - m) * (values[i] - m);
  return Math.sqrt(ss / (values.length - 1));
}

function requireProbability(fn: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], received ${p}`);
}

/**
 * Sorted copy of the draws (ascending).
 * @param draws finite values [any unit]
 * @returns a new sorted `Float64Array`
 * @throws RangeError when empty or a draw is not finite
 * @example sortedDraws([3, 1, 2]) // Float64Array [1, 2, 3]
 */
export function sortedDraws(draws: ArrayLike<number>): Float64Array {
  requireDraws('sortedDraws', draws);
  return Float64Array.from(draws).sort();
}

/**
 * Type-7 quantile of already sorted values (no copy, no check of the order).
 * @param sorted values in ascending order [any unit]
 * @param p probability [-], in [0, 1]
 * @returns the quantile [unit of the values]
 * @throws RangeError when `sorted` is empty or p is outside [0, 1]
 * @see Hyndman & Fan 1996, definition 7
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('quantileSorted: sorted must not be empty');
  requireProbability('quantileSorted', p);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const low = sorted[k];
  return k + 1 < sorted.length ? low + (h - k) * (sorted[k + 1] - low) : low;
}

/**
 * Type-7 quantiles of unsorted draws (sorts one copy).
 * @param draws finite values [any unit]
 * @param probabilities probabilities [-], each in [0, 1]
 * @returns one quantile per probability [unit of the draws]
 * @throws RangeError when empty, a draw is not finite or a probability is outside [0, 1]
 * @example quantiles([10, 20, 30, 40, 50], [0.1, 0.5]) // [14, 30]
 */
export function quantiles(draws: ArrayLike<number>, probabilities: readonly number[]): number[] {
  probabilities.forEach((p) => requireProbability('quantiles', p));
  const sorted = sortedDraws(draws);
  return probabilities.map((p) => quantileSorted(sorted, p));
}

/**
 * Mean of the draws.
 * @param draws finite values [any unit]
 * @returns arithmetic mean [unit of the draws]
 * @throws RangeError when empty or a draw is not finite
 * @example drawMean([1, 2, 3, 4]) // 2.5
 */
export function drawMean(draws: ArrayLike<number>): number {
  requireDraws('drawMean', draws);
  return meanOf(draws);
}

/**
 * Sample standard deviation of the draws (n − 1 denominator, two passes).
 * @param draws finite values [any unit]
 * @returns standard deviation [unit of the draws]; 0 for a single draw
 * @throws RangeError when empty or a draw is not finite
 * @example drawSd([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395 = √(32/7)
 */
export function drawSd(draws: ArrayLike<number>): number {
  requireDraws('drawSd', draws);
  return sdOf(draws, meanOf(draws));
}

/**
 * Count, mean, sample standard deviation, minimum, maximum and the type-7 percentiles P5, P10, P50, P90, P95.
 * @param draws finite values [any unit]
 * @returns the summary [unit of the draws]
 * @throws RangeError when empty or a draw is not finite
 * @example summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90 // 9.1 (h = 9 × 0.9 = 8.1 → 9 + 0.1 × (10 − 9))
 */
export function summarize(draws: ArrayLike<number>): DrawSummary {
  requireDraws('summarize', draws);
  return summarizeInPlace(Float64Array.from(draws));
}

/**
 * `summarize` on draws the caller lets it reorder (no copy): the values stay the same, their order changes.
 * For loops that summarise many columns through one scratch buffer. Draws are not checked: they must be finite.
 * @param draws finite values [any unit], reordered in place
 * @returns the summary [unit of the draws]
 * @throws RangeError when empty
 * @example summarizeInPlace(new Float64Array([5, 1, 4, 2, 3])).p50 // 3
 */
export function summarizeInPlace(draws: Float64Array): DrawSummary {
  const n = draws.length;
  if (n === 0) throw new RangeError('summarizeInPlace: draws must not be empty');
  const mean = meanOf(draws);
  const sd = sdOf(draws, mean);
  let min = draws[0];
  let max = draws[0];
  for (let i = 1; i < n; i++) {
    const x = draws[i];
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  // Order statistics of the type-7 quantiles: ⌊h⌋ and ⌊h⌋ + 1 (0-based) for each probability.
  const ranks: number[] = [];
  for (const p of SUMMARY_PROBABILITIES) {
    const k = Math.floor((n - 1) * p);
    ranks.push(k);
    if (k + 1 < n) ranks.push(k + 1);
  }
  selectRanks(draws, ranks);
  const [p5, p10, p50, p90, p95] = SUMMARY_PROBABILITIES.map((p) => quantileSorted(draws, p));
  return { count: n, mean, sd, min, max, p5, p10, p50, p90, p95 };
}

/**
 * Reorders `values` in place so that, for every rank k of `ranks`, `values[k]` is the value a full ascending
 * sort would put there (the k-th order statistic, 0-based); the values between two such ranks are those a sort
 * would put between them, in some order. Quickselect (Hoare, 1961) with a median-of-three pivot, recursing on
 * the ranks left and right of each one it places: O(n log m) on average for m ranks, versus O(n log n) to sort.
 * `quantileSorted(values, p)` is then exact for every p whose two order statistics are in `ranks`.
 * @param values numbers, no NaN [any unit]; reordered in place
 * @param ranks 0-based positions to put in place, each in [0, values.length), any order, repeats allowed
 * @returns `values`
 * @throws RangeError when a rank is outside the values
 * @example selectRanks(new Float64Array([9, 1, 8, 2, 7]), [2])[2] // 7 (sorted: 1, 2, 7, 8, 9)
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): Float64Array {
  const sorted = [...ranks].sort((a, b) => a - b);
  for (const k of sorted) {
    if (!(Number.isInteger(k) && k >= 0 && k < values.length)) {
      throw new RangeError(`selectRanks: rank ${k} is outside the ${values.length} values`);
    }
  }
  selectRange(values, 0, values.length - 1, sorted, 0, sorted.length - 1);
  return values;
}

/** Places ranks[rlo..rhi] (ascending, all within [lo, hi]) in the sub-array values[lo..hi]. */
function selectRange(a: Float64Array, lo: number, hi: number, ranks: readonly number[], rlo: number, rhi: number): void {
  while (rlo <= rhi && lo < hi) {
    const mid = (rlo + rhi) >> 1;
    const k = ranks[mid];
    selectOne(a, lo, hi, k);
    // a[k] is in place: lower ranks are in [lo, k − 1], higher ones in [k + 1, hi].
    let left = mid - 1;
    while (left >= rlo && ranks[left] === k) left--;
    selectRange(a, lo, k - 1, ranks, rlo, left);
    let right = mid + 1;
    while (right <= rhi && ranks[right] === k) right++;
    lo = k + 1;
    rlo = right;
  }
}

/** Puts the k-th order statistic of a[lo..hi] at index k, smaller-or-equal values before, greater-or-equal after. */
function selectOne(a: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi;
  while (r > l + 1) {
    // Median of a[l], a[middle], a[r] as the pivot, moved to l + 1; after the three swaps a[l] ≤ pivot ≤ a[r],
    // which stops the two scans below without bounds checks.
    const m = (l + r) >> 1;
    swap(a, m, l + 1);
    if (a[l] > a[r]) swap(a, l, r);
    if (a[l + 1] > a[r]) swap(a, l + 1, r);
    if (a[l] > a[l + 1]) swap(a, l, l + 1);
    const pivot = a[l + 1];
    let i = l + 1;
    let j = r;
    for (;;) {
      do i++;
      while (a[i] < pivot);
      do j--;
      while (a[j] > pivot);
      if (j < i) break;
      swap(a, i, j);
    }
    a[l + 1] = a[j];
    a[j] = pivot; // the pivot is in its final place j
    if (j >= k) r = j - 1;
    if (j <= k) l = i;
  }
  if (r === l + 1 && a[r] < a[l]) swap(a, l, r);
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}

/**
 * Share of the draws that satisfy a predicate: the Monte Carlo estimate of P(predicate(X)).
 * @param draws finite values [any unit]
 * @param predicate test applied to each draw (and its index)
 * @returns share [-], in [0, 1]
 * @throws RangeError when empty or a draw is not finite
 * @example probability([-5, 10, 20, -1], (npv) => npv > 0) // 0.5
 */
export function probability(draws: ArrayLike<number>, predicate: (value: number, index: number) => boolean): number {
  requireDraws('probability', draws);
  let count = 0;
  for (let i = 0; i < draws.length; i++) if (predicate(draws[i], i)) count++;
  return count / draws.length;
}

/**
 * Share of the draws strictly below a threshold, e.g. the probability that an NPV is negative.
 * @param draws finite values [any unit]
 * @param threshold threshold [unit of the draws]
 * @returns share [-], in [0, 1]
 * @throws RangeError when empty, a draw is not finite or the threshold is NaN
 * @example probabilityBelow([-5, 10, 20, -1], 0) // 0.5
 */
export function probabilityBelow(draws: ArrayLike<number>, threshold: number): number {
  if (Number.isNaN(threshold)) throw new RangeError('probabilityBelow: threshold must be a number, received NaN');
  return probability(draws, (x) => x < threshold);
}

/**
 * Share of the draws strictly above a threshold, e.g. the probability that a project pays back.
 * @param draws finite values [any unit]
 * @param threshold threshold [unit of the draws]
 * @returns share [-], in [0, 1]
 * @throws RangeError when empty, a draw is not finite or the threshold is NaN
 * @example probabilityAbove([-5, 10, 20, -1], 15) // 0.25
 */
export function probabilityAbove(draws: ArrayLike<number>, threshold: number): number {
  if (Number.isNaN(threshold)) throw new RangeError('probabilityAbove: threshold must be a number, received NaN');
  return probability(draws, (x) => x > threshold);
}
