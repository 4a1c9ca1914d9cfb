/**
 * The time axis of an evaluation: whole years, year 0 being the investment year.
 *
 * Flows are at the end of each year; year 0 (`startYear`) is not discounted (numpy-financial's `npv`
 * convention). Every series in the toolkit is a `Float64Array` of `axis.length` values aligned on this axis.
 */

export interface YearAxis {
  /** Calendar year of index 0, the investment year. */
  readonly startYear: number;
  /** Number of years, index 0 included (a 25-year appraisal from 2026 has 26 entries: 2026…2051). */
  readonly length: number;
  /** Calendar years, `startYear + i`. */
  readonly years: Float64Array;
}

/**
 * Builds the axis of an appraisal.
 * @param startYear investment year [year]
 * @param horizonYears years of operation after the investment year [years]; the axis has `horizonYears + 1` entries
 * @example yearAxis(2026, 25).years[25] // 2051
 */
export function yearAxis(startYear: number, horizonYears: number): YearAxis {
  if (!Number.isInteger(startYear)) throw new RangeError(`yearAxis: startYear must be an integer, received ${startYear}`);
  if (!Number.isInteger(horizonYears) || horizonYears < 1 || horizonYears > 200) {
    throw new RangeError(`yearAxis: horizonYears must be an integer from 1 to 200, received ${horizonYears}`);
  }
  const length = horizonYears + 1;
  const years = new Float64Array(length);
  for (let i = 0; i < length; i++) years[i] = startYear + i;
  return { startYear, length, years };
}

/**
 * A series of `axis.length` zeros [any unit], to fill year by year.
 * @example zeros(yearAxis(2026, 3)) // Float64Array [0, 0, 0, 0]
 */
export function zeros(axis: YearAxis): Float64Array {
  return new Float64Array(axis.length);
}

/**
 * A series holding `value` every year of the axis [the unit of `value`].
 * @example constant(yearAxis(2026, 3), 2.5) // Float64Array [2.5, 2.5, 2.5, 2.5]
 */
export function constant(axis: YearAxis, value: number): Float64Array {
  return new Float64Array(axis.length).fill(value);
}

/**
 * Sum of a series, e.g. a total over the horizon [the series' unit]. Undiscounted: see `npv` for present values.
 * @example sum([1, 2, 3.5]) // 6.5
 */
export function sum(series: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < series.length; i++) s += series[i];
  return s;
}

/**
 * Element-wise `a + b` into a new series, of `a`'s length [the unit of both].
 * @example add([1, 2], [10, 20]) // Float64Array [11, 22]
 */
export function add(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
}

/**
 * Element-wise `a - b` into a new series, of `a`'s length [the unit of both], e.g. baseline − variant.
 * @example subtract([10, 20], [1, 2]) // Float64Array [9, 18]
 */
export function subtract(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/**
 * Element-wise `a * b` into a new series [unit of a × unit of b], e.g. kWh × kgCO2e/kWh of the year = kgCO2e.
 * @example multiply([2, 3], [4, 5]) // Float64Array [8, 15]
 */
export function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i];
  return out;
}

/**
 * `series * k` into a new series [unit of series × unit of k], e.g. kgCO2e × 0.001 = tCO2e.
 * @example scale([1000, 2500], 0.001) // Float64Array [1, 2.5]
 */
export function scale(series: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) out[i] = series[i] * k;
  return out;
}

/**
 * Running total of a series [the series' unit], e.g. the cumulative cash flow whose first crossing of zero is the
 * payback.
 * @example cumulative([-100, 40, 40, 40]) // Float64Array [-100, -60, -20, 20]
 */
export function cumulative(series: ArrayLike<number>): Float64Array {
  const out = new Float64Array(series.length);
  let s = 0;
  for (let i = 0; i < series.length; i++) {
    s += series[i];
    out[i] = s;
  }
  return out;
}
