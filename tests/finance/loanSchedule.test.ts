import { describe, expect, it } from 'vitest';
import { loanSchedule } from '../../src/finance/loanSchedule.js';
import { loanFlows } from '../../src/finance/loanFlows.js';

describe('loanSchedule', () => {
  it('splits each annuity into interest and principal', () => {
    // Hand calculation, 100,000 at 3 % over 2 years, annuity 52,261.08:
    // year 1 interest 3000.00, principal 49,261.08, still owed 50,738.92;
    // year 2 interest 50,738.92 × 0.03 = 1522.17, principal 50,738.92, owed 0.
    const s = loanSchedule(100_000, 0.03, 2, 3);
    expect(s.interestEur[1]).toBeCloseTo(-3000, 9);
    expect(s.principalRepaymentEur[1]).toBeCloseTo(-49_261.083744, 5);
    expect(s.outstandingEur[1]).toBeCloseTo(50_738.916256, 5);
    expect(s.interestEur[2]).toBeCloseTo(-1522.167488, 5);
    expect(s.outstandingEur[2]).toBe(0);
    expect(s.outstandingEur[0]).toBe(100_000);
    for (let t = 1; t < 3; t++) expect(s.interestEur[t] + s.principalRepaymentEur[t]).toBeCloseTo(s.annuityEur[t], 9);
  });

  it('matches the numpy-financial amortisation table (monthly periods)', () => {
    // https://numpy.org/numpy-financial/latest/ipmt.html: 2500 at 8.24 %/12 over 12 periods; balance after
    // period 1 is 2299.42 and after period 6 is 1275.66.
    const s = loanSchedule(2500, 0.0824 / 12, 12, 13);
    expect(s.outstandingEur[1]).toBeCloseTo(2299.42, 2);
    expect(s.outstandingEur[6]).toBeCloseTo(1275.66, 2);
    expect(s.principalRepaymentEur.reduce((a, b) => a + b, 0)).toBeCloseTo(-2500, 9);
  });

  it('agrees with loanFlows and shows what is owed at a short horizon', () => {
    const s = loanSchedule(10_000, 0.02, 10, 4, 1);
    const flows = loanFlows(10_000, 0.02, 10, 4, 1);
    expect(Array.from(s.annuityEur.slice(2))).toEqual(Array.from(flows.slice(2)));
    expect(s.outstandingEur[3]).toBeGreaterThan(0); // 8 of 10 annuities fall after the horizon
    expect(s.annuityEur[0]).toBe(0);
  });

  it('rejects invalid arguments with a RangeError naming loanSchedule', () => {
    expect(() => loanSchedule(10_000, -1, 5, 6)).toThrow('loanSchedule: annualRate must be a finite number greater than -1, received -1');
  });
});
