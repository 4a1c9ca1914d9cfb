import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipmt as fIpmt } from 'financial';
import { ipmt } from '../../src/finance/ipmt.js';
import { pmt } from '../../src/finance/pmt.js';
import { ppmt } from '../../src/finance/ppmt.js';
import { expectClose, financialWhen, money, periodRate, whenValues } from './support.js';

describe('ipmt', () => {
  it('reproduces the numpy-financial documentation amortisation table', () => {
    // https://numpy.org/numpy-financial/latest/ipmt.html: 1-year loan of 2500 at 8.24 % compounded monthly;
    // interest column -17.17, -15.79, …, -1.49 and total interest np.round(np.sum(ipmt), 2) = -112.98.
    const interest = Array.from({ length: 12 }, (_, i) => ipmt(0.0824 / 12, i + 1, 12, 2500));
    const documented = [-17.17, -15.79, -14.4, -13.01, -11.6, -10.18, -8.76, -7.32, -5.88, -4.42, -2.96, -1.49];
    interest.forEach((value, i) => expect(value).toBeCloseTo(documented[i], 2));
    expect(interest.reduce((a, b) => a + b, 0)).toBeCloseTo(-112.98, 2);
  });

  it('reproduces the numpy-financial test values', () => {
    // numpy-financial tests/test_financial.py, TestIpmt (Google Sheets' IPMT).
    expectClose(ipmt(0.1 / 12, 1, 24, 2000), -16.666667, 1e-6);
    expectClose(ipmt(0.1 / 12, 2, 24, 2000), -16.03647345, 1e-6);
    expectClose(ipmt(0.1 / 12, 4, 24, 2000), -14.76028842, 1e-6);
    expect(ipmt(0.1 / 12, 0, 24, 2000)).toBeNaN(); // per < 1
  });

  it("handles 'begin': no interest in period 1, one period's discount after", () => {
    // numpy-financial tests/test_financial.py, TestIpmt.test_when_is_begin and test_gh_17 (Google Sheets).
    expect(ipmt(0.1 / 12, 1, 24, 2000, 0, 'begin')).toBe(0);
    expect(ipmt(0.1 / 12, 1, 24, 2000, 0, 1)).toBe(0);
    const r = 0.001988079518355057;
    expectClose(ipmt(r, 2, 360, 300_000, 0, 'begin'), -594.107158, 1e-6);
    expectClose(ipmt(r, 3, 360, 300_000, 0, 'begin'), -592.971592, 1e-6);
  });

  it('is 0 at rate 0 and adds up with ppmt to pmt', () => {
    // Hand calculation: no interest at rate 0.
    expect(ipmt(0, 3, 12, 1200)).toBeCloseTo(0, 12); // -0: the balance (negative) times 0
    fc.assert(
      fc.property(periodRate, fc.integer({ min: 1, max: 360 }), money(1, 1e6), fc.constantFrom(...whenValues), (r, n, pv, when) => {
        const per = 1 + Math.floor(n / 2);
        expectClose(ipmt(r, per, n, pv, 0, when) + ppmt(r, per, n, pv, 0, when), pmt(r, n, pv, 0, when), 1e-9);
      }),
    );
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
          expectClose(ipmt(r, per, n, pv, 0, when), fIpmt(r, per, n, pv, 0, financialWhen(when)), 1e-9);
        },
      ),
    );
  });

  it('rejects invalid arguments with a RangeError naming ipmt', () => {
    // @ts-expect-error: 2 is not a valid `when`
    expect(() => ipmt(0.05, 1, 10, 1000, 0, 2)).toThrow("ipmt: when must be 'end', 'begin', 0 or 1, received 2");
    expect(() => ipmt(0.05, Number.NaN, 10, 1000)).toThrow('ipmt: per must be a finite number, received NaN');
  });
});
