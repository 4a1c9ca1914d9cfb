import { describe, expect, it } from 'vitest';
import { equivalentAnnualCost } from '../../src/finance/equivalentAnnualCost.js';
import { pmt } from '../../src/finance/pmt.js';

describe('equivalentAnnualCost', () => {
  it('spreads a present value into a constant yearly amount', () => {
    // Hand calculation: 10000 / ((1 - 1.04^-10)/0.04) = 10000 / 8.110896 = 1232.909.
    expect(equivalentAnnualCost(0.04, 10, 10_000)).toBeCloseTo(1232.909443, 6);
    // It is the annuity that repays the present value: -pmt(rate, years, presentValue).
    expect(equivalentAnnualCost(0.04, 10, 10_000)).toBeCloseTo(-pmt(0.04, 10, 10_000), 9);
    // Rate 0: 10000 / 10 = 1000.
    expect(equivalentAnnualCost(0, 10, 10_000)).toBe(1000);
  });

  it('rejects invalid arguments with a RangeError naming equivalentAnnualCost', () => {
    expect(() => equivalentAnnualCost(0.04, 0, 10_000)).toThrow('equivalentAnnualCost: years must be a finite number greater than 0, received 0');
    expect(() => equivalentAnnualCost(0.04, 10, Number.NaN)).toThrow('equivalentAnnualCost: presentValue must be a finite number, received NaN');
  });
});
