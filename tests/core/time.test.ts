import { describe, it, expect } from 'vitest';
import { add, constant, cumulative, multiply, scale, subtract, sum, yearAxis, zeros } from '../../src/core/time.js';

describe('yearAxis', () => {
  it('has horizonYears + 1 entries, index 0 being the investment year', () => {
    // Doc example: a 25-year appraisal from 2026 runs 2026…2051, 26 entries.
    const axis = yearAxis(2026, 25);
    expect(axis.startYear).toBe(2026);
    expect(axis.length).toBe(26);
    expect(axis.years).toBeInstanceOf(Float64Array);
    expect(axis.years.length).toBe(26);
    expect(axis.years[0]).toBe(2026);
    expect(axis.years[25]).toBe(2051);
    // Consecutive years: 2026 + i.
    expect(Array.from(yearAxis(2030, 3).years)).toEqual([2030, 2031, 2032, 2033]);
  });

  it('accepts the bounds 1 and 200 years', () => {
    expect(yearAxis(2026, 1).length).toBe(2);
    expect(yearAxis(2026, 200).length).toBe(201);
  });

  it('refuses a non-integer start year, naming the function', () => {
    expect(() => yearAxis(2026.5, 25)).toThrow(RangeError);
    expect(() => yearAxis(2026.5, 25)).toThrow(/^yearAxis: startYear/);
    expect(() => yearAxis(Number.NaN, 25)).toThrow(/^yearAxis: startYear/);
  });

  it('refuses a horizon outside 1…200 or not whole', () => {
    for (const bad of [0, -5, 201, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => yearAxis(2026, bad)).toThrow(RangeError);
      expect(() => yearAxis(2026, bad)).toThrow(/^yearAxis: horizonYears/);
    }
  });
});

describe('series helpers', () => {
  const axis = yearAxis(2026, 3); // 4 entries

  it('zeros and constant have the axis length', () => {
    expect(Array.from(zeros(axis))).toEqual([0, 0, 0, 0]);
    expect(Array.from(constant(axis, 2.5))).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(zeros(axis)).toBeInstanceOf(Float64Array);
    expect(constant(axis, 1)).toBeInstanceOf(Float64Array);
  });

  it('sum adds every value', () => {
    // 1 + 2 + 3.5 − 4 = 2.5 (hand calculation).
    expect(sum([1, 2, 3.5, -4])).toBe(2.5);
    expect(sum(new Float64Array(0))).toBe(0);
    // A NaN is not dropped.
    expect(Number.isNaN(sum([1, Number.NaN]))).toBe(true);
  });

  it('add, subtract and multiply work element by element into new series', () => {
    const a = new Float64Array([1, 2, 3]);
    const b = new Float64Array([10, 20, 30]);
    // Hand calculation: 11, 22, 33; −9, −18, −27; 10, 40, 90.
    expect(Array.from(add(a, b))).toEqual([11, 22, 33]);
    expect(Array.from(subtract(a, b))).toEqual([-9, -18, -27]);
    expect(Array.from(multiply(a, b))).toEqual([10, 40, 90]);
    // Inputs untouched, results are new arrays.
    expect(Array.from(a)).toEqual([1, 2, 3]);
    expect(add(a, b)).not.toBe(a);
  });

  it('scale multiplies by a constant', () => {
    // 2 × 0.5 = 1, −4 × 0.5 = −2.
    expect(Array.from(scale([2, -4], 0.5))).toEqual([1, -2]);
  });

  it('cumulative gives the running total', () => {
    // 10, 10 − 4 = 6, 6 − 4 = 2, 2 − 4 = −2 (the carbon payback example).
    expect(Array.from(cumulative([10, -4, -4, -4]))).toEqual([10, 6, 2, -2]);
    expect(cumulative([])).toHaveLength(0);
  });
});
