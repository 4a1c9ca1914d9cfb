import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pmt as fPmt } from 'financial';
import { pmt } from '../../src/finance/pmt.js';
import { cents, expectClose, financialWhen, periodRate, whenValues } from './support.js';

describe('pmt', () => {
  it('reproduces the numpy-financial documentation example', () => {
    // https://numpy.org/numpy-financial/latest/pmt.html: npf.pmt(0.075/12, 12*15, 200000) = -1854.0247200054619
    expectClose(pmt(0.075 / 12, 12 * 15, 200_000), -1854.0247200054619, 1e-14);
  });

  it('reproduces the numpy-financial test values, rate 0 included', () => {
    // numpy-financial tests/test_financial.py, test_pmt and test_pmt_decimal.
    expectClose(pmt(0.08 / 12, 5 * 12, 15_000), -304.1459143262052, 1e-12); // Decimal: -304.14591432620523703…
    expect(pmt(0, 5 * 12, 15_000)).toBe(-250); // rate 0: -(fv + pv)/nper = -15000/60
    expectClose(pmt(0.3, 12, 2000), -626.90814, 1e-7); // test_pmt broadcast element
    expectClose(pmt(0.8, 3, 20_000), -19311.258, 1e-7);
  });

  it("accepts 'begin' and 1 alike, 'end' and 0 alike", () => {
    // numpy-financial tests/test_financial.py, test_when.
    expect(pmt(0.08 / 12, 60, 15_000, 0, 1)).toBe(pmt(0.08 / 12, 60, 15_000, 0, 'begin'));
    expect(pmt(0.08 / 12, 60, 15_000, 0, 0)).toBe(pmt(0.08 / 12, 60, 15_000));
    // Hand calculation: paying at the beginning, each payment earns one period less interest: pmt_begin = pmt_end/(1+r).
    expectClose(pmt(0.08 / 12, 60, 15_000, 0, 'begin'), pmt(0.08 / 12, 60, 15_000) / (1 + 0.08 / 12), 1e-13);
  });

  it('matches the financial npm package on random inputs', () => {
    fc.assert(
      fc.property(periodRate, fc.integer({ min: 1, max: 480 }), cents, cents, fc.constantFrom(...whenValues), (r, n, pv, fv, when) => {
        expectClose(pmt(r, n, pv, fv, when), fPmt(r, n, pv, fv, financialWhen(when)), 1e-9);
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming pmt and the argument', () => {
    // @ts-expect-error: 2 is not a valid `when`
    expect(() => pmt(0.05, 10, 1000, 0, 2)).toThrow(new RangeError("pmt: when must be 'end', 'begin', 0 or 1, received 2"));
    // @ts-expect-error: 'start' is not a valid `when`
    expect(() => pmt(0.05, 10, 1000, 0, 'start')).toThrow("pmt: when must be 'end', 'begin', 0 or 1, received 'start'");
    expect(() => pmt(Number.NaN, 10, 1000)).toThrow('pmt: rate must be a finite number, received NaN');
    expect(() => pmt(0.05, Infinity, 1000)).toThrow('pmt: nper must be a finite number, received Infinity');
    expect(() => pmt(0.05, 10, Number.NaN)).toThrow('pmt: pv must be a finite number, received NaN');
    expect(() => pmt(0.05, 10, 1000, Number.NaN)).toThrow('pmt: fv must be a finite number, received NaN');
  });
});
