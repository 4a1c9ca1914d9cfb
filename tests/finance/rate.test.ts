import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rate as fRate } from 'financial';
import { pmt } from '../../src/finance/pmt.js';
import { rate } from '../../src/finance/rate.js';
import { expectClose, financialWhen, money, whenValues } from './support.js';

describe('rate', () => {
  it('reproduces the numpy-financial test value', () => {
    // numpy-financial tests/test_financial.py, test_rate (0.1107 to 4 decimals) and test_rate_decimal
    // (0.1106908537142689284704528100). Hand check: no payment, so 3500·(1+r)^10 = 10000,
    // r = (10000/3500)^(1/10) - 1 = 2.857142857^0.1 - 1 = 0.1106908537.
    expect(rate(10, 0, -3500, 10_000)).toBeCloseTo(0.1107, 4);
    expect(rate(10, 0, -3500, 10_000)).toBeCloseTo((10_000 / 3500) ** 0.1 - 1, 9);
  });

  it('returns NaN when no rate is feasible, for every spelling of when', () => {
    // numpy-financial tests/test_financial.py, test_rate_with_infeasible_solution: pmt and pv of the same sign.
    for (const when of whenValues) expect(rate(12, 400, 10_000, 5000, when)).toBeNaN();
  });

  it("accepts 'begin' and 1 alike", () => {
    // numpy-financial tests/test_financial.py, test_when.
    expect(rate(10, 20, -3500, 10_000, 1)).toBe(rate(10, 20, -3500, 10_000, 'begin'));
    expect(rate(10, 20, -3500, 10_000, 0)).toBe(rate(10, 20, -3500, 10_000));
  });

  it('inverts pmt from a guess near the rate (property)', () => {
    // Newton from the default 0.1 can overshoot far (e.g. r = 0.136, n = 40 goes to 11 and creeps back for more
    // than 100 iterations: NaN, as numpy-financial and the financial package also return), so start nearby.
    fc.assert(
      fc.property(money(0.005, 0.2), fc.integer({ min: 2, max: 40 }), money(1000, 1e6), fc.constantFrom(...whenValues), (r, n, pv, when) => {
        const payment = pmt(r, n, pv, 0, when);
        // Default tol 1e-6 on the last Newton step: Newton converges quadratically, so the result is far closer.
        // (A tol near 1e-12 can stall in rounding noise: rate() then returns NaN, as numpy-financial would.)
        expect(rate(n, payment, pv, 0, when, r * 1.2)).toBeCloseTo(r, 9);
      }),
    );
  });

  it('matches the financial npm package on random inputs', () => {
    let compared = 0;
    fc.assert(
      fc.property(money(0.005, 0.2), fc.integer({ min: 2, max: 40 }), money(1000, 1e6), fc.constantFrom(...whenValues), (r, n, pv, when) => {
        const payment = pmt(r, n, pv, 0, when);
        const theirs = fRate(n, payment, pv, 0, financialWhen(when));
        const ours = rate(n, payment, pv, 0, when);
        if (Number.isNaN(theirs)) expect(ours).toBeNaN();
        else {
          compared++;
          expectClose(ours, theirs, 1e-9);
        }
      }),
    );
    expect(compared).toBeGreaterThan(80);
  });

  it('rejects invalid arguments with a RangeError naming rate', () => {
    // @ts-expect-error: 2 is not a valid `when`
    expect(() => rate(10, 0, -3500, 10_000, 2)).toThrow("rate: when must be 'end', 'begin', 0 or 1, received 2");
    expect(() => rate(Number.NaN, 0, -3500, 10_000)).toThrow('rate: nper must be a finite number, received NaN');
    expect(() => rate(10, 0, -3500, 10_000, 'end', 0.1, -1)).toThrow('rate: tol must be a finite number greater than 0, received -1');
    expect(() => rate(10, 0, -3500, 10_000, 'end', 0.1, 1e-6, 1.5)).toThrow('rate: maxiter must be an integer ≥ 1, received 1.5');
  });
});
