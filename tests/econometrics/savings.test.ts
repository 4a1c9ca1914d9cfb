import { describe, expect, it } from 'vitest';
import { fitBaseline } from '../../src/econometrics/baseline.js';
import { avoidedEnergy } from '../../src/econometrics/savings.js';

// Baseline hand case (baseline.test.ts): gas = 950 + 50.2·DJU, CV(RMSE) = √9000/13,500 = 0.0070273, n = 4, p = 2.
const fit = fitBaseline([6000, 10900, 16100, 21000], [{ name: 'dju_18', values: [100, 200, 300, 400] }]);

describe('avoidedEnergy', () => {
  it('computes the savings of a reporting period and their Guideline 14 uncertainty', () => {
    // Reporting months: DJU [150, 250], measured [7000, 11000].
    // Adjusted baseline 8480 + 13,500 = 21,980; measured 18,000; savings 3,980 kWh; F = 3,980/21,980 = 0.181074.
    // FSU (90 %): t(0.95; 2) = 2.920 (table) × 1.26 × 0.0070273 × √((1 + 2/4)/2) / 0.181074
    //           = 3.6792 × 0.0070273 × 0.866025 / 0.181074 = 0.12366
    const s = avoidedEnergy(fit, { y: [7000, 11000], x: [[150, 250]] });
    expect(s.m).toBe(2);
    expect(s.adjustedBaselineTotal).toBeCloseTo(21980, 8);
    expect(s.measuredTotal).toBe(18000);
    expect(s.savings).toBeCloseTo(3980, 8);
    expect(Array.from(s.savingsPerPeriod)).toEqual([expect.closeTo(1480, 8), expect.closeTo(2500, 8)]);
    expect(s.savingsFraction).toBeCloseTo(3980 / 21980, 12);
    expect(s.uncertainty.tStat).toBeCloseTo(2.92, 3);
    expect(s.uncertainty.fractionalUncertainty).toBeCloseTo(0.12366, 4);
    // absolute = FSU × savings = 0.12366 × 3,980 ≈ 492 kWh
    expect(s.uncertainty.absolute).toBeCloseTo(s.uncertainty.fractionalUncertainty * s.savings, 8);
    // residual lag-1 autocorrelation −0.7857 (lag1Autocorrelation.test.ts); monthly data: no correction
    expect(s.baseline.rho).toBeCloseTo(-13200 / 16800, 12);
    expect(s.uncertainty.autocorrelationApplied).toBe(false);
    // at 68 % the fraction is far below 50 %: Guideline 14's criterion is met
    expect(s.uncertainty68.confidence).toBe(0.68);
    expect(s.uncertainty68.fractionalUncertainty).toBeLessThan(s.uncertainty.fractionalUncertainty);
    expect(s.guideline14UncertaintyMet).toBe(true);
  });

  it('reports no uncertainty fraction and no verdict when consumption went up', () => {
    const s = avoidedEnergy(fit, { y: [9000, 14000], x: [[150, 250]] });
    expect(s.savings).toBeCloseTo(21980 - 23000, 8);
    expect(s.uncertainty.fractionalUncertainty).toBeNaN();
    expect(s.guideline14UncertaintyMet).toBeNull();
  });

  it('refuses an empty reporting period', () => {
    expect(() => avoidedEnergy(fit, { y: [], x: [[]] })).toThrow(/no observations/);
  });
});
