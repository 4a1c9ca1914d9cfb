import { describe, expect, it } from 'vitest';
import { subsidy } from '../../src/finance/subsidy.js';

describe('subsidy', () => {
  it('grants a share of the expenditure, up to the cap', () => {
    // Hand calculation: 40 % of 200,000 = 80,000, capped at 60,000.
    expect(subsidy(200_000, { share: 0.4, capEur: 60_000 })).toBe(60_000);
    // Under the cap: 25 % of 100,000 = 25,000.
    expect(subsidy(100_000, { share: 0.25, capEur: 60_000 })).toBe(25_000);
    // No cap.
    expect(subsidy(100_000, { share: 0.3 })).toBe(30_000);
  });

  it('takes a lump sum (e.g. CEE valued elsewhere) as share 1 with a cap', () => {
    expect(subsidy(100_000, { share: 1, capEur: 7_500 })).toBe(7_500);
  });

  it('rejects invalid arguments with a RangeError naming subsidy', () => {
    expect(() => subsidy(-1, { share: 0.2 })).toThrow('subsidy: capexEur must be a finite number ≥ 0, received -1');
    expect(() => subsidy(1000, { share: 1.2 })).toThrow('subsidy: share must be a number from 0 to 1, received 1.2');
    expect(() => subsidy(1000, { share: 0.2, capEur: -5 })).toThrow('subsidy: capEur must be a finite number ≥ 0, received -5');
  });
});
