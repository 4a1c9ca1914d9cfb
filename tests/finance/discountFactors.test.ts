import { describe, expect, it } from 'vitest';
import { discountFactors } from '../../src/finance/discountFactors.js';

describe('discountFactors', () => {
  it('starts at 1 (index 0 undiscounted) and divides by (1 + rate) each year', () => {
    // Hand calculation at France Stratégie's 3.2 %: 1, 1/1.032 = 0.968992, 1/1.032² = 0.938946.
    const f = discountFactors(0.032, 3);
    expect(f).toBeInstanceOf(Float64Array);
    expect(f[0]).toBe(1);
    expect(f[1]).toBeCloseTo(1 / 1.032, 15);
    expect(f[2]).toBeCloseTo(0.9389459768, 10);
  });

  it('is all ones at rate 0 and empty for length 0', () => {
    expect(Array.from(discountFactors(0, 4))).toEqual([1, 1, 1, 1]);
    expect(discountFactors(0.05, 0)).toHaveLength(0);
  });

  it('rejects invalid arguments with a RangeError naming discountFactors', () => {
    expect(() => discountFactors(-1, 3)).toThrow('discountFactors: rate must be a finite number greater than -1, received -1');
    expect(() => discountFactors(0.03, 2.5)).toThrow('discountFactors: length must be an integer ≥ 0, received 2.5');
  });
});
