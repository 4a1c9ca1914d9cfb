import { describe, expect, it } from 'vitest';
import { yearAxis } from '../../src/core/time.js';
import { emptyFlows } from '../../src/evaluate/model.js';
import { financialCosts, socioEconomicCosts, totalEmissionsKg, zeroCosts, type FinanceSettings, type PerspectiveCosts } from '../../src/evaluate/perspective.js';

const settings: FinanceSettings = {
  vatRate: 0.2,
  vatRecoverable: false,
  fctvaRate: 0.16404,
  fctvaLagYears: 2,
  financialDiscountRate: 0.03,
  socioEconomicDiscountRate: 0.032,
};

function flowsWith(axisYears: number) {
  const axis = yearAxis(2026, axisYears);
  const f = emptyFlows(axis);
  f.capexEur[0] = 1000;
  f.opexEur[1] = 100;
  f.energyCostEur[1] = 50;
  f.residualValueEur[axisYears] = 200;
  f.useKgCo2e[1] = 2000;
  f.embodiedKgCo2e[0] = 500;
  f.externalCostEur![1] = 30;
  return f;
}

describe('financialCosts', () => {
  it('applies VAT, FCTVA with its lag, subsidies on the year-0 investment and the residual value (hand-worked)', () => {
    const f = flowsWith(4);
    const c = financialCosts(f, settings, [{ name: 'Fonds vert', share: 0.2 }]);
    // Year 0: 1000 × 1.2 = 1200 TTC, minus the subsidy 20 % × 1000 HT = 200 → 1000.
    expect(c.investmentEur[0]).toBeCloseTo(1000, 10);
    expect(c.subsidiesEur[0]).toBeCloseTo(200, 10);
    // FCTVA: 16.404 % × 1200 = 196.848, received in year N+2.
    expect(c.fctvaEur[2]).toBeCloseTo(196.848, 10);
    expect(c.investmentEur[2]).toBeCloseTo(-196.848, 10);
    // Running: (100 + 50) × 1.2 = 180; energy alone 60.
    expect(c.runningEur[1]).toBeCloseTo(180, 10);
    expect(c.energyEur[1]).toBeCloseTo(60, 10);
    // External costs are not the authority's: not in the financial view.
    expect(c.totalEur[1]).toBeCloseTo(180, 10);
    // Residual at the horizon: 200 × 1.2 × (1 − 0.16404) = 200.6304, a negative cost.
    expect(c.investmentEur[4]).toBeCloseTo(-200.6304, 10);
  });

  it('applies neither VAT nor FCTVA when the service recovers VAT', () => {
    const f = flowsWith(4);
    const c = financialCosts(f, { ...settings, vatRecoverable: true }, []);
    expect(c.investmentEur[0]).toBe(1000);
    expect(c.fctvaEur.every((x) => x === 0)).toBe(true);
    expect(c.runningEur[1]).toBe(150);
    expect(c.investmentEur[4]).toBe(-200);
  });

  it('caps the subsidies at the investment and at each rule’s cap', () => {
    const f = flowsWith(3);
    const c = financialCosts(f, settings, [
      { name: 'DETR', share: 0.8, capEur: 300 },
      { name: 'Fonds vert', share: 0.9 },
    ]);
    // min(800, 300) + 900 = 1200, capped at the 1000 HT investment.
    expect(c.subsidiesEur[0]).toBe(1000);
  });
});

describe('socioEconomicCosts', () => {
  it('counts costs excl. VAT, external costs and the carbon value of all phases (hand-worked)', () => {
    const f = flowsWith(4);
    const vac = new Float64Array([100, 200, 200, 200, 200]);
    const c = socioEconomicCosts(f, vac);
    expect(c.investmentEur[0]).toBe(1000);
    expect(c.investmentEur[4]).toBe(-200);
    expect(c.runningEur[1]).toBe(180); // 100 + 50 + 30 external
    // Carbon: year 0 500 kg × 100 €/t = 50 €; year 1 2000 kg × 200 €/t = 400 €.
    expect(c.carbonEur[0]).toBeCloseTo(50, 10);
    expect(c.carbonEur[1]).toBeCloseTo(400, 10);
    expect(c.totalEur[1]).toBeCloseTo(580, 10);
  });

  it('totals emissions over the three phases', () => {
    const f = flowsWith(2);
    f.endOfLifeKgCo2e[2] = 7;
    expect(Array.from(totalEmissionsKg(f))).toEqual([500, 2000, 7]);
  });
});

describe('cost series written into reused buffers', () => {
  /** Buffers holding leftovers of an earlier use: every value 7. */
  function dirty(n: number): PerspectiveCosts {
    const costs = zeroCosts(n);
    for (const series of Object.values(costs)) series.fill(7);
    return costs;
  }

  it('overwrites every series, as fresh ones would be (FCTVA on, VAT recoverable, subsidies)', () => {
    // The contract of `into`: any content, overwritten. Each series must equal the one computed without `into`,
    // including those a perspective leaves at zero (carbon in the financial view, subsidies and FCTVA in the
    // socio-economic one, FCTVA when the VAT is recoverable).
    const f = flowsWith(4);
    const n = f.capexEur.length;
    const rules = [{ name: 'grant', share: 0.3 }];
    for (const s of [settings, { ...settings, vatRecoverable: true }]) {
      const fresh = financialCosts(f, s, rules);
      const reused = financialCosts(f, s, rules, dirty(n));
      for (const key of Object.keys(fresh) as (keyof PerspectiveCosts)[]) expect(Array.from(reused[key]), key).toEqual(Array.from(fresh[key]));
    }
    const carbonValue = [100, 110, 120, 130, 140];
    const fresh = socioEconomicCosts(f, carbonValue);
    const reused = socioEconomicCosts(f, carbonValue, dirty(n));
    for (const key of Object.keys(fresh) as (keyof PerspectiveCosts)[]) expect(Array.from(reused[key]), key).toEqual(Array.from(fresh[key]));
  });
});
