import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { npv as fNpv } from 'financial';
import { npv } from '../../src/finance/npv.js';
import { discountFactors } from '../../src/finance/discountFactors.js';
import { anySeries, discountedScale, expectClose, money } from './support.js';

describe('npv', () => {
  it('reproduces the numpy-financial documentation example', () => {
    // https://numpy.org/numpy-financial/latest/npv.html: np.round(npf.npv(0.08, [-40_000, 5_000, 8_000,
    // 12_000, 30_000]), 5) == 3065.22267
    expect(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])).toBeCloseTo(3065.22267, 5);
  });

  it('reproduces the numpy-financial test value', () => {
    // numpy-financial tests/test_financial.py, test_npv: npf.npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000])
    // ≈ 122.89 (Decimal version: 122.894854950942692161628715)
    expect(npv(0.05, [-15_000, 1500, 2500, 3500, 4500, 6000])).toBeCloseTo(122.8948549509427, 9);
  });

  it('does not discount index 0 and maps to Excel NPV as documented', () => {
    // Hand calculation: npv(0.1, [-100, 110]) = -100 + 110/1.1 = 0.
    expect(npv(0.1, [-100, 110])).toBeCloseTo(0, 12);
    // Excel NPV(r, v) discounts its first value: Excel NPV(0.1, [110]) = 100, and npv(r, v) = v[0] + Excel NPV.
    const excelNpv = (r: number, v: number[]) => v.reduce((s, x, i) => s + x / (1 + r) ** (i + 1), 0);
    const v = [-40_000, 5_000, 8_000, 12_000, 30_000];
    expectClose(npv(0.08, v), v[0] + excelNpv(0.08, v.slice(1)), 1e-12);
    expectClose(excelNpv(0.08, v), npv(0.08, v) / 1.08, 1e-12);
  });

  it('is the plain sum at rate 0 and accepts a Float64Array', () => {
    // Hand calculation: -100 + 30 + 40 + 50 = 20.
    expect(npv(0, Float64Array.from([-100, 30, 40, 50]))).toBe(20);
  });

  it('returns NaN at rate -1, as numpy-financial 1.0', () => {
    expect(npv(-1, [-100, 50])).toBeNaN();
  });

  it('equals Σ values × discountFactors', () => {
    fc.assert(
      fc.property(money(-0.5, 1), anySeries, (rate, values) => {
        const factors = discountFactors(rate, values.length);
        const direct = values.reduce((s, v, t) => s + v * factors[t], 0);
        expect(Math.abs(npv(rate, values) - direct)).toBeLessThanOrEqual(1e-12 * discountedScale(rate, values) + 1e-300);
      }),
    );
  });

  it('matches the financial npm package on random series', () => {
    fc.assert(
      fc.property(money(-0.5, 1), anySeries, (rate, values) => {
        expect(Math.abs(npv(rate, values) - fNpv(rate, values))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, discountedScale(rate, values)),
        );
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming npv', () => {
    expect(() => npv(Number.NaN, [1, 2])).toThrow(new RangeError('npv: rate must be a finite number, received NaN'));
    expect(() => npv(0.1, [])).toThrow(RangeError);
    expect(() => npv(0.1, [])).toThrow(/^npv: values must be a series of at least 1 value/);
    expect(() => npv(0.1, [1, Number.NaN])).toThrow('npv: values[1] must be a finite number, received NaN');
    expect(() => npv(0.1, [1, Infinity])).toThrow(RangeError);
  });
});
