import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pv as fPv } from 'financial';
import { pv } from '../../src/finance/pv.js';
import { cents, expectClose, financialWhen, periodRate, whenValues } from './support.js';

describe('pv', () => {
  it('reproduces the numpy-financial documentation example', () => {
    // https://numpy.org/numpy-financial/latest/pv.html: npf.pv(0.05/12, 10*12, -100, 15692.93)
    // = -100.00067131625819 ("one's initial deposit should also be $100").
    expectClose(pv(0.05 / 12, 10 * 12, -100, 15692.93), -100.00067131625819, 1e-11);
  });

  it('reproduces the numpy-financial test value and handles rate 0', () => {
    // numpy-financial tests/test_financial.py, test_pv_decimal: -127128.1709461939327295222005.
    expectClose(pv(0.07, 20, 12_000, 0), -127128.17094619393, 1e-12);
    expect(pv(0.07, 20, 12_000, 0, 1)).toBe(pv(0.07, 20, 12_000, 0, 'begin')); // test_when
    // Hand calculation, rate 0: -(fv + pmt·nper) = -(0 + (-100)·10) = 1000.
    expect(pv(0, 10, -100)).toBe(1000);
  });

  it('matches the financial npm package on random inputs', () => {
    fc.assert(
      fc.property(periodRate, fc.integer({ min: 1, max: 480 }), cents, cents, fc.constantFrom(...whenValues), (r, n, pmt, fvAtEnd, when) => {
        expectClose(pv(r, n, pmt, fvAtEnd, when), fPv(r, n, pmt, fvAtEnd, financialWhen(when)), 1e-9);
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming pv', () => {
    // @ts-expect-error: 'later' is not a valid `when`
    expect(() => pv(0.05, 10, -100, 0, 'later')).toThrow("pv: when must be 'end', 'begin', 0 or 1, received 'later'");
    expect(() => pv(0.05, 10, Number.NaN)).toThrow('pv: pmt must be a finite number, received NaN');
  });
});
