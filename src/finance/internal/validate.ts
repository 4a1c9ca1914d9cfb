/**
 * Argument checks shared by the finance functions (internal, not re-exported).
 *
 * Policy: a function throws a `RangeError` naming itself and the argument when an argument is not a usable
 * number (NaN, ±Infinity, a string), when `when` is unknown, or when a series is empty. Inputs that are numbers
 * but lead to a degenerate result (numpy-financial's `nper(0, 0, 1000)` = ∞, `ipmt(…, per = 0, …)` = NaN) are
 * not errors: the function returns what numpy-financial returns.
 */
import { argumentError } from '../../core/errors.js';

/** When payments fall in each period: at the end (`'end'`, 0, the default) or at the beginning (`'begin'`, 1). */
export type When = 'end' | 'begin' | 0 | 1;

/** Shows a received value in a message: strings quoted, everything else as `String(value)`. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return String(value);
}

/** `when` as numpy-financial's number: 0 for `'end'`, 1 for `'begin'`. */
export function whenToNumber(fn: string, when: unknown): 0 | 1 {
  if (when === 'end' || when === 0) return 0;
  if (when === 'begin' || when === 1) return 1;
  throw argumentError(fn, 'when', "'end', 'begin', 0 or 1", shown(when));
}

/** Throws unless `value` is a finite number. */
export function requireFinite(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw argumentError(fn, arg, 'a finite number', shown(value));
  }
}

/** Throws unless `value` is a finite rate greater than -1 (a rate of -1 or less cannot discount). */
export function requireRate(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= -1) {
    throw argumentError(fn, arg, 'a finite number greater than -1', shown(value));
  }
}

/** Throws unless `value` is a finite number ≥ `min` (and ≤ `max` when given). */
export function requireInRange(fn: string, arg: string, value: unknown, min: number, max = Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const expected = max === Infinity ? `a finite number ≥ ${min}` : `a number from ${min} to ${max}`;
    throw argumentError(fn, arg, expected, shown(value));
  }
}

/** Throws unless `value` is an integer ≥ `min` (and ≤ `max` when given). */
export function requireInteger(fn: string, arg: string, value: unknown, min: number, max = Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const expected = max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw argumentError(fn, arg, expected, shown(value));
  }
}

/** Throws unless `values` is an array-like of at least `minLength` finite numbers. */
export function requireSeries(fn: string, arg: string, values: unknown, minLength = 1): asserts values is ArrayLike<number> {
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<number>).length !== 'number') {
    throw argumentError(fn, arg, 'an array or typed array of numbers', shown(values));
  }
  const series = values as ArrayLike<number>;
  if (series.length < minLength) {
    throw argumentError(fn, arg, `a series of at least ${minLength} value(s)`, `${series.length} value(s)`);
  }
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw argumentError(fn, `${arg}[${i}]`, 'a finite number', shown(v));
  }
}

/** Throws unless two series have the same length. */
export function requireSameLength(fn: string, argA: string, a: ArrayLike<unknown>, argB: string, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw argumentError(fn, argB, `as long as ${argA} (${a.length} values)`, `${b.length} values`);
  }
}
