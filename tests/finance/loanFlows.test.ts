import { describe, expect, it } from 'vitest';
import { loanFlows } from '../../src/finance/loanFlows.js';
import { npv } from '../../src/finance/npv.js';

describe('loanFlows', () => {
  it('receives the principal then pays constant annuities', () => {
    // Hand calculation: annuity = 100000 × 0.03 / (1 - 1.03^-2) = 3000 / 0.057404 = 52,261.08.
    const flows = loanFlows(100_000, 0.03, 2, 4);
    expect(flows[0]).toBe(100_000);
    expect(flows[1]).toBeCloseTo(-52_261.083744, 5);
    expect(flows[2]).toBe(flows[1]);
    expect(flows[3]).toBe(0);
    // Discounted at the loan's own rate, a loan is worth nothing.
    expect(npv(0.03, flows)).toBeCloseTo(0, 8);
  });

  it('starts at startIndex and drops annuities after the horizon', () => {
    const flows = loanFlows(10_000, 0, 5, 4, 1);
    // Rate 0: 10000/5 = 2000 a year, years 2 and 3 inside the series, 4–6 dropped.
    expect(Array.from(flows)).toEqual([0, 10_000, -2000, -2000]);
  });

  it('rejects invalid arguments with a RangeError naming loanFlows', () => {
    expect(() => loanFlows(10_000, 0.03, 0, 4)).toThrow('loanFlows: years must be an integer ≥ 1, received 0');
    expect(() => loanFlows(10_000, 0.03, 5, 4, 4)).toThrow('loanFlows: startIndex must be an integer from 0 to 3, received 4');
    expect(() => loanFlows(-1, 0.03, 5, 4)).toThrow('loanFlows: principalEur must be a finite number ≥ 0, received -1');
  });
});
