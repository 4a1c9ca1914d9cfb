import { describe, expect, it } from 'vitest';
import { xnpv } from '../../src/finance/xnpv.js';
import { npv } from '../../src/finance/npv.js';
import { expectClose } from './support.js';

// Excel's documented example, the same for XNPV and XIRR.
const values = [-10_000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xnpv', () => {
  it("reproduces Excel's documented example", () => {
    // https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2007/bb224772(v=office.12):
    // =XNPV(.09, A2:A6, B2:B6) = 2086.6476 (or 2086.65).
    expect(xnpv(0.09, values, dates)).toBeCloseTo(2086.6476, 4);
  });

  it('accepts Date objects, read by their UTC calendar day', () => {
    const asDates = dates.map((d) => new Date(`${d}T00:00:00Z`));
    expect(xnpv(0.09, values, asDates)).toBe(xnpv(0.09, values, dates));
    // Time of day is ignored: 23:59 UTC is still the same day.
    const late = dates.map((d) => new Date(`${d}T23:59:00Z`));
    expect(xnpv(0.09, values, late)).toBe(xnpv(0.09, values, dates));
  });

  it('counts 365-day years from the first date, in any order after it', () => {
    // Hand calculation: 2025-01-01 → 2026-01-01 is 365 days = 1 year: -100 + 110/1.1 = 0.
    expect(xnpv(0.1, [-100, 110], ['2025-01-01', '2026-01-01'])).toBeCloseTo(0, 12);
    // Leap year 2024: 2024-01-01 → 2025-01-01 is 366 days, 366/365 years.
    expectClose(xnpv(0.1, [-100, 110], ['2024-01-01', '2025-01-01']), -100 + 110 / 1.1 ** (366 / 365), 1e-14);
    // Order after the first date does not matter.
    expect(xnpv(0.09, [-10_000, 2750, 2750, 3250, 4250], [dates[0], dates[4], dates[1], dates[3], dates[2]])).toBeCloseTo(
      xnpv(0.09, values, dates),
      9,
    );
    // Yearly dates 365 days apart give npv.
    expectClose(xnpv(0.05, [-100, 50, 60], ['2021-01-01', '2022-01-01', '2023-01-01']), npv(0.05, [-100, 50, 60]), 1e-12);
  });

  it('rejects invalid arguments with a RangeError naming xnpv', () => {
    expect(() => xnpv(-1, values, dates)).toThrow('xnpv: rate must be a finite number greater than -1, received -1');
    expect(() => xnpv(0.09, values, dates.slice(1))).toThrow('xnpv: dates must be as many dates as values (5), received 4 dates');
    expect(() => xnpv(0.09, [-1, 2], ['2008-01-01', '2007-12-31'])).toThrow(
      'xnpv: dates[1] must be on or after the first date, dates[0], received -1 days before it',
    );
    expect(() => xnpv(0.09, [-1, 2], ['2008-01-01', '2008-02-30'])).toThrow(
      "xnpv: dates[1] must be a calendar date written YYYY-MM-DD, such as 2026-01-01, received '2008-02-30'",
    );
    expect(() => xnpv(0.09, [-1, 2], ['2008-01-01', new Date('nope')])).toThrow(/^xnpv: dates\[1\] must be a valid Date/);
    expect(() => xnpv(0.09, [-1, Number.NaN], ['2008-01-01', '2008-02-01'])).toThrow('xnpv: values[1] must be a finite number, received NaN');
  });
});
