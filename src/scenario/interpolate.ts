/**
 * Trajectories on a time axis.
 *
 * Between two points (y0, v0) and (y1, v1), for a year y0 ≤ y ≤ y1 and f = (y − y0) / (y1 − y0):
 * - `linear`: v0 + f · (v1 − v0);
 * - `step`: v0 (a point's value holds until the next point);
 * - `geometric`: v0 · (v1 / v0)^f, i.e. a constant growth rate between the points (values of one sign, none
 *   zero: checked when the file is loaded).
 * Before the first point and after the last one the value is held flat (no extrapolation of trends).
 */
import type { YearAxis } from '../core/time.js';
import type { Interpolation } from './schema.js';
import type { ResolvedPack } from './types.js';

/** The part of a trajectory interpolation needs. */
export interface TrajectoryPoints {
  interpolation: Interpolation;
  /** Strictly increasing years. */
  years: ArrayLike<number>;
  values: ArrayLike<number>;
}

function between(interpolation: Interpolation, y0: number, v0: number, y1: number, v1: number, year: number): number {
  if (interpolation === 'step' || year === y0) return v0;
  if (year === y1) return v1;
  const f = (year - y0) / (y1 - y0);
  if (interpolation === 'geometric') return v0 * Math.pow(v1 / v0, f);
  return v0 + f * (v1 - v0);
}

/**
 * Value of a trajectory in one year [the trajectory's unit].
 * @example valueAtYear({ interpolation: 'linear', years: [2020, 2030], values: [10, 20] }, 2025) // 15
 * @example valueAtYear({ interpolation: 'linear', years: [2020, 2030], values: [10, 20] }, 2040) // 20 (held flat)
 */
export function valueAtYear(trajectory: TrajectoryPoints, year: number): number {
  const { years, values, interpolation } = trajectory;
  const n = years.length;
  if (n === 0) throw new RangeError('valueAtYear: the trajectory has no points');
  if (year <= years[0]) return values[0];
  if (year >= years[n - 1]) return values[n - 1];
  // binary search for the last point at or before `year`
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (years[mid] <= year) lo = mid;
    else hi = mid;
  }
  return between(interpolation, years[lo], values[lo], years[hi], values[hi], year);
}

/**
 * A trajectory on the years of an axis, one value per year [the trajectory's unit].
 * @example trajectoryOnAxis({ interpolation: 'geometric', years: [2020, 2030], values: [100, 400] }, yearAxis(2025, 1))
 *   // Float64Array [200, 230.0…] (100 · 4^0.5 = 200 in 2025; 100 · 4^0.6 ≈ 229.7 in 2026)
 */
export function trajectoryOnAxis(trajectory: TrajectoryPoints, axis: YearAxis): Float64Array {
  const out = new Float64Array(axis.length);
  const { years, values, interpolation } = trajectory;
  const n = years.length;
  if (n === 0) throw new RangeError('trajectoryOnAxis: the trajectory has no points');
  // Axis years increase, so the segment index only moves forward (readable version: valueAtYear for each year).
  let k = 0;
  for (let i = 0; i < axis.length; i++) {
    const year = axis.years[i];
    if (year <= years[0]) out[i] = values[0];
    else if (year >= years[n - 1]) out[i] = values[n - 1];
    else {
      while (years[k + 1] <= year) k++;
      out[i] = between(interpolation, years[k], values[k], years[k + 1], values[k + 1], year);
    }
  }
  return out;
}

/**
 * Every trajectory of a resolved pack on an axis, by name; what models receive as `s`.
 * @example seriesForPack(resolvePack('TEND', loadScenarioPacks()), yearAxis(2026, 25)).gridFactorKgCo2ePerKwh[0]
 *   // 0.05122… (0.052 + 3/27 × (0.045 − 0.052))
 */
export function seriesForPack(pack: Pick<ResolvedPack, 'trajectories'>, axis: YearAxis): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, trajectory] of Object.entries(pack.trajectories)) out[name] = trajectoryOnAxis(trajectory, axis);
  return out;
}
