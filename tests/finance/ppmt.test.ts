import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ppmt as fPpmt } from 'financial';
import { ppmt } from '../../src/finance/ppmt.js';
import { expectClose, financialWhen, money, periodRate, whenValues } from './support.js';

describe('ppmt', () => {
  it('reproduces the numpy-financial documentation amortisation table', () => {
    // https://numpy.org/numpy-financial/latest/ipmt.html (ppmt column): -200.58, -201.96, …, -216.26; the
    // principal repaid adds up to the 2500 borrowed.
    const principal = Array.from({ length: 12 }, (_, i) => ppmt(0.0824 / 12, i + 1, 12, 2500));
    const documented = [-200.58, -201.96, -203.35, -204.74, -206.15, -207.56, -208.99, -210.42, -211.87, -213.32, -214.79, -216.26];
    principal.forEach((value, i) => expect(value).toBeCloseTo(documented[i], 2));
    expect(principal.reduce((a, b) => a + b, 0)).toBeCloseTo(-2500, 9);
  });

  it("reproduces the numpy-financial test values, 'begin' included", () => {
    // numpy-financial tests/test_financial.py, test_ppmt, test_ppmt_special_rate and test_broadcast.
    expect(ppmt(0.1 / 12, 1, 60, 55_000)).toBeCloseTo(-710.25, 2);
    expectClose(ppmt(0.23 / 12, 1, 60, 10_000_000_000), -90238044.232277036, 1e-12);
    expectClose(ppmt(0.1 / 12, 1, 24, 2000), -75.62318601, 1e-8);
    expectClose(ppmt(0.1 / 12, 2, 24, 2000, 0, 'begin'), -75.62318601, 1e-8);
    expectClose(ppmt(0.1 / 12, 4, 24, 2000, 0, 'begin'), -76.88882405, 1e-8);
    expect(ppmt(0.1 / 12, 0, 24, 2000)).toBeNaN();
  });

  it('matches the financial npm package on random inputs', () => {
    fc.assert(
      fc.property(
        periodRate,
        fc.integer({ min: 1, max: 360 }),
        fc.integer({ min: 0, max: 359 }),
        money(-1e6, 1e6),
        fc.constantFrom(...whenValues),
        (r, n, k, pv, when) => {
          const per = 1 + (k % n);
          expectClose(ppmt(r, per, n, pv, 0, when), fPpmt(r, per, n, pv, 0, financialWhen(when)), 1e-9);
        },
      ),
    );
  });

  it('rejects invalid arguments with a RangeError naming ppmt', () => {
    // @ts-expect-error: -1 is not a valid `when`
    expect(() => ppmt(0.05, 1, 10, 1000, 0, -1)).toThrow("ppmt: when must be 'end', 'begin', 0 or 1, received -1");
    expect(() => ppmt(0.05, 1, Number.NaN, 1000)).toThrow('ppmt: nper must be a finite number, received NaN');
  });
});
