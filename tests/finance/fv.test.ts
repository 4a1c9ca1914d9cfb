import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fv as fFv } from 'financial';
import { fv } from '../../src/finance/fv.js';
import { cents, expectClose, financialWhen, periodRate, whenValues } from './support.js';

describe('fv', () => {
  it('reproduces the numpy-financial documentation example', () => {
    // https://numpy.org/numpy-financial/latest/fv.html: npf.fv(0.05/12, 10*12, -100, -100) = 15692.928894335748
    expectClose(fv(0.05 / 12, 10 * 12, -100, -100), 15692.928894335748, 1e-13);
  });

  it("reproduces the numpy-financial test values, 'begin' and rate 0 included", () => {
    // numpy-financial tests/test_financial.py, TestFv (values computed with Google Sheets' FV there).
    expectClose(fv(0.075, 20, -2000, 0, 0), 86609.362673042924, 1e-10);
    expectClose(fv(0.075, 20, -2000, 0, 'begin'), 93105.064874, 1e-10);
    expectClose(fv(0.075, 20, -2000, 0, 1), 93105.064874, 1e-10);
    expect(fv(0, 5, 100, 0)).toBe(-500); // TestFv.test_some_rates_zero; rate 0: -(pv + pmt·nper)
    expectClose(fv(0.1, 5, 100, 0), -610.51, 1e-10);
    expectClose(fv(0.2, 5, 100, 0, 1), -892.992, 1e-10); // TestFv.test_broadcast
  });

  it('matches the financial npm package on random inputs', () => {
    fc.assert(
      fc.property(periodRate, fc.integer({ min: 0, max: 480 }), cents, cents, fc.constantFrom(...whenValues), (r, n, pmt, pv, when) => {
        expectClose(fv(r, n, pmt, pv, when), fFv(r, n, pmt, pv, financialWhen(when)), 1e-9);
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming fv', () => {
    // @ts-expect-error: 2 is not a valid `when`
    expect(() => fv(0.05, 10, -100, 0, 2)).toThrow("fv: when must be 'end', 'begin', 0 or 1, received 2");
    expect(() => fv(0.05, 10, -100, Number.NaN)).toThrow('fv: pv must be a finite number, received NaN');
  });
});
