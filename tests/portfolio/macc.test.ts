import { describe, it, expect } from 'vitest';
import type { Perspective, ResultRow } from '../../src/evaluate/engine.js';
import type { Metrics, Yearly } from '../../src/evaluate/metrics.js';
import { againstStatusQuo, macc } from '../../src/portfolio/macc.js';

const EMPTY_YEARLY: Yearly = {
  year: [],
  cashFlowEur: [],
  discountedCashFlowEur: [],
  cumulativeDiscountedCashFlowEur: [],
  costEur: [],
  referenceCostEur: [],
  emissionsTco2e: [],
  referenceEmissionsTco2e: [],
  emissionsAmortisedTco2e: [],
  referenceEmissionsAmortisedTco2e: [],
  embodiedTco2e: [],
  useTco2e: [],
  endOfLifeTco2e: [],
  digitalTco2e: [],
  avoidedTco2e: [],
  energyKwh: [],
  referenceEnergyKwh: [],
};

/** A result row as the engine writes it, with the two metrics the MACC reads; the others are zero or null. */
function row(r: {
  variant: string;
  cost: number | null;
  avoided: number;
  territory?: string;
  useCase?: ResultRow['useCase'];
  comparedTo?: string;
  scenario?: string;
  perspective?: Perspective;
  kind?: string;
}): ResultRow {
  const metrics: Metrics = {
    npvEur: r.cost === null ? 0 : -r.cost * r.avoided,
    irr: null,
    irrMultiple: false,
    mirr: null,
    simplePaybackYears: null,
    discountedPaybackYears: null,
    benefitCostRatio: null,
    capexEur: 0,
    lifecycleCostEur: 0,
    equivalentAnnualCostEur: 0,
    energySavedKwh: 0,
    energySavedFraction: null,
    levelisedCostOfSavedEnergyEurPerKwh: null,
    embodiedTco2e: 0,
    useTco2e: 0,
    endOfLifeTco2e: 0,
    digitalTco2e: 0,
    avoidedTco2e: r.avoided,
    netTco2e: -r.avoided,
    carbonPaybackYears: null,
    abatementCostEurPerTco2e: r.cost,
    subsidiesEur: 0,
    fctvaEur: 0,
  };
  return {
    territory: r.territory ?? 'town',
    useCase: r.useCase ?? 'lighting',
    variant: r.variant,
    variantKind: r.kind ?? 'digital',
    comparedTo: r.comparedTo ?? 'status-quo',
    scenario: r.scenario ?? 'TEND',
    perspective: r.perspective ?? 'socioEconomic',
    metrics,
    yearly: EMPTY_YEARLY,
  };
}

describe('macc', () => {
  it('sorts by abatement cost and lays the tonnes end to end', () => {
    // Documentation example, with a third bar: A −50 €/t on 100 t, C 5 €/t on 50 t, B 20 €/t on 300 t.
    // Edges by hand: A 0 → 100, C 100 → 150, B 150 → 450.
    const bars = macc([
      row({ variant: 'B', cost: 20, avoided: 300 }),
      row({ variant: 'A', cost: -50, avoided: 100, useCase: 'water' }),
      row({ variant: 'C', cost: 5, avoided: 50, useCase: 'buildings' }),
    ]);
    expect(bars.map((b) => [b.variant, b.abatementCostEurPerTco2e, b.startTco2e, b.cumulativeTco2e])).toEqual([
      ['A', -50, 0, 100],
      ['C', 5, 100, 150],
      ['B', 20, 150, 450],
    ]);
    expect(bars[0]).toMatchObject({ territory: 'town', useCase: 'water', scenario: 'TEND', avoidedTco2e: 100 });
  });

  it('keeps only variants against their status quo that avoid tonnes and have a cost', () => {
    const bars = macc([
      row({ variant: 'alt', cost: 10, avoided: 100, kind: 'alternative' }),
      row({ variant: 'dig', cost: -5, avoided: 40 }),
      // the same digital variant against the alternative: not a MACC bar
      row({ variant: 'dig', cost: 3, avoided: 60, comparedTo: 'alt' }),
      // avoids nothing: no abatement cost
      row({ variant: 'none', cost: null, avoided: -3 }),
      // the other perspective
      row({ variant: 'fin', cost: 1, avoided: 10, perspective: 'financial' }),
    ]);
    // dig (−5 €/t, 40 t) then alt (10 €/t, 100 t): cumulative 40, 140
    expect(bars.map((b) => [b.variant, b.cumulativeTco2e])).toEqual([
      ['dig', 40],
      ['alt', 140],
    ]);
    expect(macc([row({ variant: 'fin', cost: 1, avoided: 10, perspective: 'financial' })], { perspective: 'financial' })).toHaveLength(1);
  });

  it('restarts the cumulative tonnes in each scenario, in the order the scenarios first appear', () => {
    const bars = macc([
      row({ variant: 'x', cost: 30, avoided: 10, scenario: 'S2' }),
      row({ variant: 'x', cost: 10, avoided: 20, scenario: 'TEND' }),
      row({ variant: 'y', cost: 5, avoided: 7, scenario: 'S2', useCase: 'water' }),
    ]);
    // S2 first (first row): y 5 €/t 7 t → 7, x 30 €/t 10 t → 17; then TEND: x 20 t → 20
    expect(bars.map((b) => [b.scenario, b.variant, b.cumulativeTco2e])).toEqual([
      ['S2', 'y', 7],
      ['S2', 'x', 17],
      ['TEND', 'x', 20],
    ]);
  });

  it('breaks ties in cost by tonnes, then by territory', () => {
    const bars = macc([
      row({ variant: 'small', cost: 10, avoided: 5, territory: 'a' }),
      row({ variant: 'big', cost: 10, avoided: 50, territory: 'b' }),
      row({ variant: 'twin', cost: 10, avoided: 50, territory: 'a' }),
    ]);
    expect(bars.map((b) => `${b.territory}/${b.variant}`)).toEqual(['a/twin', 'b/big', 'a/small']);
  });

  it('with onePerGroup keeps the cheapest variant of each territory and use case', () => {
    const rows = [
      row({ variant: 'led', cost: -20, avoided: 100, kind: 'alternative' }),
      row({ variant: 'led-node', cost: -25, avoided: 120 }),
      row({ variant: 'smart', cost: 40, avoided: 30, useCase: 'water' }),
      row({ variant: 'led-node', cost: -10, avoided: 80, territory: 'village' }),
    ];
    const bars = macc(rows, { onePerGroup: true });
    // town/lighting keeps led-node (−25 < −20); village/lighting its only bar; town/water its only bar.
    // Order: −25 (120 t), −10 (80 t), 40 (30 t) → cumulative 120, 200, 230.
    expect(bars.map((b) => [b.territory, b.variant, b.cumulativeTco2e])).toEqual([
      ['town', 'led-node', 120],
      ['village', 'led-node', 200],
      ['town', 'smart', 230],
    ]);
    expect(macc(rows)).toHaveLength(4);
  });

  it('refuses an unknown perspective', () => {
    expect(() => macc([], { perspective: 'budget' as Perspective })).toThrow(/^macc: perspective/);
  });
});

describe('againstStatusQuo', () => {
  it('tells the status quo as the reference that is never a compared variant', () => {
    const rows = [
      row({ variant: 'alt', cost: 1, avoided: 1, comparedTo: 'baseline', kind: 'alternative' }),
      row({ variant: 'dig', cost: 1, avoided: 1, comparedTo: 'baseline' }),
      row({ variant: 'dig', cost: 1, avoided: 1, comparedTo: 'alt' }),
      // another territory whose status quo has another id
      row({ variant: 'dig', cost: 1, avoided: 1, comparedTo: 'today', territory: 'village' }),
    ];
    expect(againstStatusQuo(rows).map((r) => `${r.territory}:${r.variant}>${r.comparedTo}`)).toEqual([
      'town:alt>baseline',
      'town:dig>baseline',
      'village:dig>today',
    ]);
  });
});
