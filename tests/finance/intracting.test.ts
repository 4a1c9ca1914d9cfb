import { describe, expect, it } from 'vitest';
import { intracting } from '../../src/finance/intracting.js';

describe('intracting', () => {
  it('repays the advance from the savings until it is repaid', () => {
    // Hand calculation: 10,000 advanced; savings 4000/yr repay 4000, 4000, then the last 2000 in year 3.
    const r = intracting(10_000, [0, 4000, 4000, 4000, 4000]);
    expect(Array.from(r.flowsEur)).toEqual([10_000, -4000, -4000, -2000, 0]);
    expect(Array.from(r.repaymentEur)).toEqual([0, 4000, 4000, 2000, 0]);
    expect(r.repaidInYear).toBe(3);
    expect(r.outstandingEur).toBe(0);
  });

  it('repays only a share of the savings, skips years with extra cost', () => {
    // Half of the savings: 2000 in year 1, nothing in year 2 (negative savings), 1500 in year 3.
    const r = intracting(10_000, [500, 4000, -1000, 3000], { shareOfSavings: 0.5 });
    expect(Array.from(r.repaymentEur)).toEqual([0, 2000, 0, 1500]);
    expect(r.repaidInYear).toBeNull();
    expect(r.outstandingEur).toBe(6500);
  });

  it('is repaid at once when nothing is advanced', () => {
    const r = intracting(0, [0, 100]);
    expect(r.repaidInYear).toBe(0);
    expect(Array.from(r.flowsEur)).toEqual([0, 0]);
  });

  it('rejects invalid arguments with a RangeError naming intracting', () => {
    expect(() => intracting(1000, [0, 10], { shareOfSavings: 0 })).toThrow(
      'intracting: shareOfSavings must be a number greater than 0 and at most 1, received 0',
    );
    expect(() => intracting(-5, [0, 10])).toThrow('intracting: investmentEur must be a finite number ≥ 0, received -5');
  });
});
