import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { carbonPaybackYears } from '../../src/carbon/carbonPaybackYears.js';

describe('carbonPaybackYears', () => {
  it('interpolates within the year of the crossing', () => {
    // Hand calculation (brief and doc example): net [+10, −4, −4, −4] → cumulative 10, 6, 2, −2; it is 2 > 0 at
    // index 2 and −2 ≤ 0 at index 3, so the crossing is at 2 + 2 / (2 − (−2)) = 2 + 2/4 = 2.5.
    expect(carbonPaybackYears([10, -4, -4, -4])).toBeCloseTo(2.5, 12);
  });

  it('returns the whole index when the cumulative reaches exactly 0', () => {
    // Cumulative 6, 3, 0: 3 > 0 at index 1, 0 ≤ 0 at index 2 → 1 + 3/3 = 2.
    expect(carbonPaybackYears([6, -3, -3])).toBe(2);
  });

  it('pays back within the first year of operation', () => {
    // Cumulative 1, −3: 0 + 1/(1 − (−3)) = 0.25.
    expect(carbonPaybackYears([1, -4])).toBeCloseTo(0.25, 12);
  });

  it('waits for the debt when it appears after index 0', () => {
    // Net 0, 0, +5, −2, −2, −2: cumulative 0, 0, 5, 3, 1, −1 → debt from index 2, crossing 4 + 1/2 = 4.5.
    expect(carbonPaybackYears([0, 0, 5, -2, -2, -2])).toBeCloseTo(4.5, 12);
  });

  it('is 0 when the cumulative is never positive', () => {
    // Cumulative −3, −4, −4: no carbon debt to pay back.
    expect(carbonPaybackYears([-3, -1, 0])).toBe(0);
    // All zeros: cumulative 0 ≤ 0 everywhere.
    expect(carbonPaybackYears([0, 0, 0])).toBe(0);
  });

  it('counts a later debt: saves first, emits, then pays back', () => {
    // Net −2, +5, −1, −1, −1, −1: cumulative −2, 3, 2, 1, 0 → debt from index 1, reaches 0 at index 4:
    // 3 + 1/(1 − 0) = 4.
    expect(carbonPaybackYears([-2, 5, -1, -1, -1, -1])).toBe(4);
  });

  it('reports only the first payback when the cumulative turns positive again', () => {
    // Cumulative 4, 0, 6, 3: first crossing at index 1 (0 + 4/4 = 1); the second debt is not reported.
    expect(carbonPaybackYears([4, -4, 6, -3])).toBe(1);
  });

  it('is null when the debt is not paid back within the horizon', () => {
    // Cumulative 10, 7, 4, 1: still positive at the last index.
    expect(carbonPaybackYears([10, -3, -3, -3])).toBeNull();
    // Saves first, then a debt that stays: cumulative −1, 4, 4.
    expect(carbonPaybackYears([-1, 5, 0])).toBeNull();
  });

  it('does not depend on the unit (kg or t)', () => {
    // Same series in kgCO2e and tCO2e (÷ 1000): same years.
    expect(carbonPaybackYears([10_000, -4_000, -4_000, -4_000])).toBeCloseTo(carbonPaybackYears([10, -4, -4, -4])!, 12);
  });

  it('lies in the year of the crossing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }), (net) => {
        // Independent oracle: j = first index with a positive cumulative, k = first index after j where it is ≤ 0.
        const cumulative: number[] = [];
        let s = 0;
        for (const v of net) cumulative.push((s += v));
        const j = cumulative.findIndex((c) => c > 0);
        const k = j < 0 ? -1 : cumulative.findIndex((c, i) => i > j && c <= 0);
        const result = carbonPaybackYears(net);
        if (j < 0) expect(result).toBe(0);
        else if (k < 0) expect(result).toBeNull();
        else {
          // Linear interpolation keeps the result inside the year that ends at index k.
          expect(result).toBeGreaterThanOrEqual(k - 1);
          expect(result).toBeLessThanOrEqual(k);
        }
      }),
    );
  });

  it('refuses an empty series and non-finite values, naming the function', () => {
    expect(() => carbonPaybackYears([])).toThrow(/^carbonPaybackYears: /);
    expect(() => carbonPaybackYears([1, Number.NaN])).toThrow(RangeError);
    expect(() => carbonPaybackYears([1, Number.NaN])).toThrow(/netPerYear\[1\]/);
    expect(() => carbonPaybackYears([Number.POSITIVE_INFINITY])).toThrow(/^carbonPaybackYears: /);
  });
});
