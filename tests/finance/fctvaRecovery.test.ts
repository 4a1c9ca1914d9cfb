import { describe, expect, it } from 'vitest';
import { FCTVA_RATE, fctvaRecovery } from '../../src/finance/fctvaRecovery.js';

describe('fctvaRecovery', () => {
  it('pays 16.404 % of the eligible expenditure incl. VAT two years later by default', () => {
    // Hand calculation: 0.16404 × 120,000 = 19,684.80, received in N+2.
    const receipts = fctvaRecovery([120_000, 0, 0]);
    expect(receipts).toBeInstanceOf(Float64Array);
    expect(receipts[0]).toBe(0);
    expect(receipts[1]).toBe(0);
    expect(receipts[2]).toBeCloseTo(19_684.8, 9);
    expect(FCTVA_RATE.value).toBe(0.16404); // CGCT art. L1615-6, as cited in reference/parameters.md
  });

  it('follows the N, N+1 and N+2 regimes', () => {
    // Hand calculation: 0.16404 × 100,000 = 16,404 and 0.16404 × 50,000 = 8,202, shifted by 0, 1 or 2 years.
    const capex = [100_000, 50_000, 0, 0];
    expect(Array.from(fctvaRecovery(capex, 0.16404, 0)).map((x) => Math.round(x * 100) / 100)).toEqual([16_404, 8_202, 0, 0]);
    expect(Array.from(fctvaRecovery(capex, 0.16404, 1)).map((x) => Math.round(x * 100) / 100)).toEqual([0, 16_404, 8_202, 0]);
    expect(Array.from(fctvaRecovery(capex, 0.16404, 2)).map((x) => Math.round(x * 100) / 100)).toEqual([0, 0, 16_404, 8_202]);
  });

  it('drops receipts that fall after the horizon', () => {
    // Expense in the last year with lag 2: the receipt would be two years past the series.
    expect(Array.from(fctvaRecovery([0, 0, 100_000]))).toEqual([0, 0, 0]);
  });

  it('rejects invalid arguments with a RangeError naming fctvaRecovery', () => {
    expect(() => fctvaRecovery([1000], 0.16404, 3)).toThrow('fctvaRecovery: lagYears must be an integer from 0 to 2, received 3');
    expect(() => fctvaRecovery([1000], 16.404)).toThrow('fctvaRecovery: rate must be a number from 0 to 1, received 16.404');
    expect(() => fctvaRecovery([])).toThrow(/^fctvaRecovery: eligibleCapexInclVatEur must be/);
  });

  it('writes into a given series instead of allocating one', () => {
    // Hand calculation as above: 0.16404 × 100,000 = 16,404 in N+1; the previous content of `into` is replaced.
    const into = Float64Array.from([9, 9, 9]);
    const receipts = fctvaRecovery([100_000, 0, 0], 0.16404, 1, into);
    expect(receipts).toBe(into);
    expect(Array.from(into).map((x) => Math.round(x * 100) / 100)).toEqual([0, 16_404, 0]);
    expect(() => fctvaRecovery([1, 2], 0.16404, 1, new Float64Array(3))).toThrow('fctvaRecovery: into must be a separate series');
  });
});
