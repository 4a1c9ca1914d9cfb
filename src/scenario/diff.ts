/**
 * Differences between two resolved packs: what changes when one scenario replaces another.
 */
import { sameDimension, toUnit } from '../core/units.js';
import { valueAtYear } from './interpolate.js';
import type { ResolvedPack, TrajectoryEntry } from './types.js';

export interface PackDiffRow {
  name: string;
  kind: 'trajectory' | 'parameter';
  /** Year compared (trajectories only). */
  year?: number;
  /** Unit of `a`, `b` and `delta` (pack a's unit; b's values are converted into it). */
  unit: string;
  /** Value in pack a; null when the entry is absent from a. */
  a: number | null;
  /** Value in pack b; null when the entry is absent from b. */
  b: number | null;
  /** b − a; null when either is absent or the units cannot be compared. */
  delta: number | null;
  /** (b − a) / |a|; null when delta is null or a = 0. */
  relative: number | null;
}

/** Two numbers differ beyond floating-point noise. */
function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function row(name: string, kind: PackDiffRow['kind'], unit: string, a: number | null, b: number | null, year?: number): PackDiffRow {
  const delta = a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b) ? b - a : null;
  const relative = delta !== null && a !== 0 && a !== null ? delta / Math.abs(a) : null;
  const out: PackDiffRow = { name, kind, unit, a, b, delta, relative };
  if (year !== undefined) out.year = year;
  return out;
}

/** b's values in a's unit, or null when the dimensions differ. */
function converter(fromUnit: string, toUnitName: string): ((v: number) => number) | null {
  if (fromUnit === toUnitName) return (v) => v;
  if (!sameDimension(fromUnit, toUnitName)) return null;
  return (v) => toUnit(`${v} ${fromUnit}`, toUnitName);
}

/**
 * Rows for every entry whose value differs between packs a and b, or that only one of them has.
 * Trajectories are compared at `years` (default: every year that is a point of either pack's trajectory),
 * parameters by value. Rows are sorted by kind (trajectories first), name, year.
 * @param years calendar years at which to compare trajectories [year]
 * @example diffPacks(tend, s1, [2050]).find((r) => r.name === 'gridFactorKgCo2ePerKwh')
 *   // { name: 'gridFactorKgCo2ePerKwh', kind: 'trajectory', year: 2050, unit: 'kgCO2e/kWh', a: 0.045, b: 0.029, delta: -0.016, relative: -0.356 }
 */
export function diffPacks(a: ResolvedPack, b: ResolvedPack, years?: readonly number[]): PackDiffRow[] {
  const rows: PackDiffRow[] = [];
  const names = [...new Set([...Object.keys(a.trajectories), ...Object.keys(b.trajectories)])].sort();
  for (const name of names) {
    const ta: TrajectoryEntry | undefined = a.trajectories[name];
    const tb: TrajectoryEntry | undefined = b.trajectories[name];
    const at = years ?? [...new Set([...(ta?.years ?? []), ...(tb?.years ?? [])])].sort((x, y) => x - y);
    const unit = ta?.unit ?? tb?.unit ?? '';
    const convert = ta && tb ? converter(tb.unit, ta.unit) : (v: number) => v;
    for (const year of at) {
      const va = ta ? valueAtYear(ta, year) : null;
      const vbRaw = tb ? valueAtYear(tb, year) : null;
      if (va !== null && vbRaw !== null && convert === null) {
        rows.push({ name, kind: 'trajectory', year, unit: `${ta?.unit} vs ${tb?.unit}`, a: va, b: vbRaw, delta: null, relative: null });
        continue;
      }
      const vb = vbRaw === null || convert === null ? vbRaw : convert(vbRaw);
      if (va !== null && vb !== null && !differ(va, vb)) continue;
      rows.push(row(name, 'trajectory', unit, va, vb, year));
    }
  }
  const pnames = [...new Set([...Object.keys(a.parameters), ...Object.keys(b.parameters)])].sort();
  for (const name of pnames) {
    const pa = a.parameters[name];
    const pb = b.parameters[name];
    const unit = pa?.unit ?? pb?.unit ?? '';
    if (pa && pb) {
      const convert = converter(pb.unit, pa.unit);
      if (convert === null) {
        rows.push({ name, kind: 'parameter', unit: `${pa.unit} vs ${pb.unit}`, a: pa.value, b: pb.value, delta: null, relative: null });
        continue;
      }
      const vb = convert(pb.value);
      if (differ(pa.value, vb)) rows.push(row(name, 'parameter', unit, pa.value, vb));
    } else {
      rows.push(row(name, 'parameter', unit, pa ? pa.value : null, pb ? pb.value : null));
    }
  }
  return rows;
}
