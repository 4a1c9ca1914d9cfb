import { describe, expect, it } from 'vitest';
import { fractionalSavingsUncertainty } from '../../src/econometrics/fractionalSavingsUncertainty.js';

describe('fractionalSavingsUncertainty (Guideline 14 Annex B)', () => {
  it('reproduces a worked monthly example', () => {
    // Constructed example: 24 baseline months, p = 2, CV(RMSE) = 10 %, 12 reporting months, F = 20 %, 90 %.
    // t(0.95; 22) = 1.717 (Student t table). Monthly data: no autocorrelation correction, k = 1.26.
    //   √((1 + 2/24) / 12) = √(1.083333 / 12) = √0.0902778 = 0.300463
    //   1.717 × 1.26 × 0.10 × 0.300463 = 0.065003
    //   FSU = 0.065003 / 0.20 = 0.32502 (32.5 %)
    const r = fractionalSavingsUncertainty({ cvRmse: 0.1, n: 24, p: 2, m: 12, savingsFraction: 0.2 });
    expect(r.tStat).toBeCloseTo(1.717, 3);
    expect(r.df).toBe(22);
    expect(r.k).toBe(1.26);
    expect(r.autocorrelationApplied).toBe(false);
    expect(r.baselineFractionUncertainty).toBeCloseTo(0.065003, 4);
    expect(r.fractionalUncertainty).toBeCloseTo(0.32502, 3);
  });

  it('applies n′ = n(1 − ρ)/(1 + ρ) to daily data with ρ ≥ 0.5 only (nmecr reading of Guideline 14)', () => {
    // n = 365, ρ = 0.6: n′ = 365 × 0.4 / 1.6 = 91.25; the √ term becomes √((n/n′)(1 + 2/n′)/m) = √(4 × 1.021918 / m).
    const base = { cvRmse: 0.2, n: 365, p: 3, m: 365, savingsFraction: 0.1, confidence: 0.9, interval: 'daily' as const };
    const corrected = fractionalSavingsUncertainty({ ...base, rho: 0.6 });
    expect(corrected.autocorrelationApplied).toBe(true);
    expect(corrected.nEffective).toBeCloseTo(91.25, 10);
    expect(corrected.df).toBeCloseTo(88.25, 10);
    const plain = fractionalSavingsUncertainty({ ...base, rho: 0.6, autocorrelation: 'never' });
    const ratio = (corrected.fractionalUncertainty / corrected.tStat) / (plain.fractionalUncertainty / plain.tStat);
    expect(ratio).toBeCloseTo(Math.sqrt((4 * (1 + 2 / 91.25)) / (1 + 2 / 365)), 12);
    // ρ below 0.5, or monthly data: no correction
    expect(fractionalSavingsUncertainty({ ...base, rho: 0.4 }).autocorrelationApplied).toBe(false);
    expect(fractionalSavingsUncertainty({ ...base, interval: 'monthly', rho: 0.7 }).autocorrelationApplied).toBe(false);
    expect(fractionalSavingsUncertainty({ ...base, interval: 'monthly', rho: 0.2, autocorrelation: 'always' }).autocorrelationApplied).toBe(true);
  });

  it('uses Sun & Baltazar’s factor on request (CalTRACK 2.0 §4.3.2.4)', () => {
    // Billing data, M = 12 months: k = −0.00022 × 144 + 0.03306 × 12 + 0.94054 = 1.30558.
    const r = fractionalSavingsUncertainty({ cvRmse: 0.1, n: 24, p: 2, m: 12, savingsFraction: 0.2, k: 'sun-baltazar' });
    expect(r.k).toBeCloseTo(1.30558, 10);
    // Daily data, 365 days = 11.99 months: k = −0.00024 M² + 0.03535 M + 1.00286
    const M = 365 / 30.4375;
    const d = fractionalSavingsUncertainty({ cvRmse: 0.1, n: 365, p: 2, m: 365, savingsFraction: 0.2, k: 'sun-baltazar', interval: 'daily' });
    expect(d.k).toBeCloseTo(-0.00024 * M * M + 0.03535 * M + 1.00286, 12);
  });

  it('gives NaN for a non-positive savings fraction, and refuses impossible inputs', () => {
    expect(fractionalSavingsUncertainty({ cvRmse: 0.1, n: 24, p: 2, m: 12, savingsFraction: -0.05 }).fractionalUncertainty).toBeNaN();
    expect(() => fractionalSavingsUncertainty({ cvRmse: 0.1, n: 2, p: 2, m: 12, savingsFraction: 0.1 })).toThrow(/n > p/);
    expect(() => fractionalSavingsUncertainty({ cvRmse: 0.1, n: 12, p: 5, m: 12, savingsFraction: 0.1, rho: 0.9, autocorrelation: 'always' })).toThrow(
      /no degrees of freedom/,
    );
  });
});
