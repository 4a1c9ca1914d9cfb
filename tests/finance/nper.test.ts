import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nper as fNper } from 'financial';
import { nper } from '../../src/finance/nper.js';
import { expectClose, financialWhen, money, periodRate, whenValues } from './support.js';

describe('nper', () => {
  it('reproduces the numpy-financial documentation examples', () => {
    // https://numpy.org/numpy-financial/latest/nper.html: np.round(npf.nper(0.07/12, -150, 8000), 5) = 64.07335,
    // and the table entries 64.07334877, 74.06368256, 108.07548412, 127.99022654.
    expect(nper(0.07 / 12, -150, 8000)).toBeCloseTo(64.07334877, 8);
    expect(nper(0.07 / 12, -150, 9000)).toBeCloseTo(74.06368256, 8);
    expect(nper(0.07 / 12, -100, 8000)).toBeCloseTo(108.07548412, 8);
    expect(nper(0.08 / 12, -100, 9000)).toBeCloseTo(137.90124779, 8);
  });

  it("reproduces the numpy-financial test values, rate 0 and 'begin' included", () => {
    // numpy-financial tests/test_financial.py, TestNper and test_broadcast (Google Sheets' NPER).
    expect(nper(0, -100, 1000)).toBe(10); // test_no_interest: -(fv + pv)/pmt
    expect(nper(0, -0, 1000)).toBe(Infinity); // test_infinite_payments
    expectClose(nper(0, -2000, 0, 100_000), 50, 1e-12);
    expectClose(nper(0.075, -2000, 0, 100_000), 21.5449442, 1e-7);
    expectClose(nper(0.075, -2000, 0, 100_000, 'begin'), 20.76156441, 1e-8);
    expectClose(nper(0.1, 0, -500, 1500), 11.52670461, 1e-8); // test_gh_18
  });

  it('returns NaN when the payment does not cover the interest, and for rate ≤ -1', () => {
    // Hand calculation: 1000 at 10 % accrues 100 a period; paying 50 never repays it (log of a negative number).
    expect(nper(0.1, -50, 1000)).toBeNaN();
    expect(nper(-1, -50, 1000)).toBeNaN();
  });

  it('matches the financial npm package on random inputs', () => {
    fc.assert(
      fc.property(
        periodRate,
        money(-1e4, -1),
        money(0, 1e6),
        money(-1e5, 1e5),
        fc.constantFrom(...whenValues),
        (r, pmt, pv, fvAtEnd, when) => {
          const theirs = fNper(r, pmt, pv, fvAtEnd, financialWhen(when));
          const ours = nper(r, pmt, pv, fvAtEnd, when);
          if (Number.isNaN(theirs)) expect(ours).toBeNaN();
          else expectClose(ours, theirs, 1e-9);
        },
      ),
    );
  });

  it('rejects invalid arguments with a RangeError naming nper', () => {
    // @ts-expect-error: 2 is not a valid `when`
    expect(() => nper(0.05, -100, 1000, 0, 2)).toThrow("nper: when must be 'end', 'begin', 0 or 1, received 2");
    expect(() => nper(0.05, Number.NaN, 1000)).toThrow('nper: pmt must be a finite number, received NaN');
  });
});
