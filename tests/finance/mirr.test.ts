import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mirr as fMirr } from 'financial';
import { mirr } from '../../src/finance/mirr.js';
import { anySeries, expectClose, money } from './support.js';

describe('mirr', () => {
  it('reproduces the numpy-financial documentation examples', () => {
    // https://numpy.org/numpy-financial/dev/_api_stubs/numpy_financial.mirr.html
    expect(mirr([-100, 50, -60, 70], 0.1, 0.12)).toBeCloseTo(-0.03909366594356467, 14);
    expect(mirr([-100, -50, -60, -70], 0.1, 0.12)).toBeNaN();
  });

  it('reproduces the numpy-financial test values', () => {
    // numpy-financial tests/test_financial.py, test_mirr_decimal (Decimal results 0.066597175031553548…,
    // 0.126094130365905145…, 0.342823387842176663…, here to double precision).
    expect(mirr([-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000], 0.08, 0.055)).toBeCloseTo(0.0665971750315535, 12);
    expect(mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12)).toBeCloseTo(0.1260941303659051, 12);
    expect(mirr([100, 200, -50, 300, -200], 0.05, 0.06)).toBeCloseTo(0.3428233878421767, 12);
    expect(mirr([39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12)).toBeNaN();
  });

  it('equals the IRR when both rates equal it for a two-flow series', () => {
    // Hand calculation: [-100, 121] has IRR 21 %; (121·1 / 100)^(1/1) · 1 - 1 = 0.21 whatever the rates.
    expect(mirr([-100, 121], 0.05, 0)).toBeCloseTo(0.21, 14);
  });

  it('matches the financial npm package on random series', () => {
    fc.assert(
      fc.property(anySeries, money(0, 0.3), money(0, 0.3), (values, financeRate, reinvestRate) => {
        const ours = mirr(values, financeRate, reinvestRate);
        const theirs = fMirr(values, financeRate, reinvestRate);
        if (Number.isNaN(theirs)) expect(ours).toBeNaN();
        else expectClose(ours, theirs, 1e-9);
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming mirr', () => {
    expect(() => mirr([], 0.1, 0.1)).toThrow(/^mirr: values must be/);
    expect(() => mirr([-1, 2], Number.NaN, 0.1)).toThrow('mirr: financeRate must be a finite number, received NaN');
    expect(() => mirr([-1, 2], 0.1, Infinity)).toThrow('mirr: reinvestRate must be a finite number, received Infinity');
  });
});
