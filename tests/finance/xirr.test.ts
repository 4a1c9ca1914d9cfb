import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xirr } from '../../src/finance/xirr.js';
import { xnpv } from '../../src/finance/xnpv.js';
import { irr } from '../../src/finance/irr.js';
import { conventionalSeries } from './support.js';

const values = [-10_000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xirr', () => {
  it("reproduces Excel's documented example", () => {
    // https://support.microsoft.com/zh-cn/excel/functions/xirr-function (Excel XIRR help, example table):
    // =XIRR(A3:A7, B3:B7, 0.1) = 0.373362535 (37.34 %). Excel stops at 0.000001 % accuracy, so compare to 5e-9.
    expect(Math.abs(xirr(values, dates) - 0.373362535)).toBeLessThan(5e-9);
    expect(Math.abs(xirr(values, dates, 0.1) - 0.373362535)).toBeLessThan(5e-9);
    expect(Math.abs(xnpv(xirr(values, dates), values, dates))).toBeLessThan(1e-8);
  });

  it('equals irr for yearly flows 365 days apart (property)', () => {
    // 2021-01-01 + 365·k days: no leap day inside 2021–2023, then each step of 365 days keeps 365-day years.
    fc.assert(
      fc.property(conventionalSeries, (flows) => {
        const start = Date.UTC(2021, 0, 1);
        const yearly = flows.map((_, k) => new Date(start + k * 365 * 86_400_000));
        expect(xirr(flows, yearly)).toBeCloseTo(irr(flows), 9);
      }),
    );
  });

  it('returns NaN when all flows have the same sign (Excel #NUM!)', () => {
    expect(xirr([-1, -2], ['2020-01-01', '2021-01-01'])).toBeNaN();
    expect(xirr([0, 5], ['2020-01-01', '2021-01-01'])).toBeNaN();
  });

  it('finds a rate from a poor guess through the bracketing fallback', () => {
    // -100 then 300 a year later: 300/(1+r) = 100, r = 2 (200 %). A guess of 1e6 sends Newton off the domain.
    expect(xirr([-100, 300], ['2025-01-01', '2026-01-01'], 1e6)).toBeCloseTo(2, 9);
  });

  it('rejects invalid arguments with a RangeError naming xirr', () => {
    expect(() => xirr(values, dates, -2)).toThrow('xirr: guess must be a finite number greater than -1, received -2');
    expect(() => xirr(values, ['2008-01-01'])).toThrow('xirr: dates must be as many dates as values (5), received 1 dates');
    expect(() => xirr([-1, 2], ['2008-01-01', '1 March 2008'])).toThrow(/^xirr: dates\[1\] must be a calendar date/);
    expect(() => xirr([], [])).toThrow(/^xirr: values must be/);
  });
});
