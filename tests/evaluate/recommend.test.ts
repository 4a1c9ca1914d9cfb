import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/evaluate/recommend.js';
import { runResults, type VariantSpec } from '../report/fixtures.js';

// One use case: a status quo, two non-digital alternatives and one digital variant.
const VARIANTS: VariantSpec[] = [
  { id: 'sq', kind: 'statusQuo' },
  { id: 'alt-a', kind: 'alternative' },
  { id: 'alt-b', kind: 'alternative' },
  { id: 'dig', kind: 'digital' },
];

/** A comparison against the status quo with a socio-economic NPV [€] and net emissions [tCO2e]. */
const vsStatusQuo = (scenario: string, variant: string, socioNpv: number, netTco2e: number, financialNpv = socioNpv / 2) => ({
  scenario,
  variant,
  comparedTo: 'sq',
  financial: { npvEur: financialNpv, capexEur: 1000, subsidiesEur: 100, simplePaybackYears: 4.5, irr: 0.12, avoidedTco2e: -netTco2e, netTco2e },
  socioEconomic: { npvEur: socioNpv, avoidedTco2e: -netTco2e, netTco2e, abatementCostEurPerTco2e: -50 },
});

describe('recommend: the recommended variant per use case and scenario', () => {
  it('picks the highest socio-economic NPV among variants that do not increase emissions', () => {
    // alt-a 100 € / −10 t, alt-b 200 € / −5 t, dig 300 € / +20 t: dig is best but adds emissions, so alt-b.
    const r = recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', 100, -10), vsStatusQuo('TEND', 'alt-b', 200, -5), vsStatusQuo('TEND', 'dig', 300, 20)]));
    expect(r.recommendations).toHaveLength(1);
    const rec = r.recommendations[0];
    expect(rec).toMatchObject({ useCase: 'lighting', scenario: 'TEND', variant: 'alt-b', variantKind: 'alternative', statusQuo: 'sq', reason: 'lowCarbonBest', carbonIncrease: false, candidates: 3 });
    expect(rec.excludedForCarbon).toEqual(['dig']);
    // Key figures come from alt-b's two rows: financial NPV 200 / 2 = 100, socio 200, avoided 5 t, capex 1000.
    expect(rec.figures).toEqual({
      financialNpvEur: 100,
      socioEconomicNpvEur: 200,
      financialIrr: 0.12,
      paybackYears: 4.5,
      discountedPaybackYears: null,
      avoidedTco2e: 5,
      capexEur: 1000,
      subsidiesEur: 100,
      abatementCostEurPerTco2e: -50,
    });
  });

  it('counts net emissions of exactly zero as not increasing them', () => {
    // alt-a 100 € / 0 t qualifies; dig 300 € / +1 t does not.
    const r = recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', 100, 0), vsStatusQuo('TEND', 'dig', 300, 1)]));
    expect(r.recommendations[0]).toMatchObject({ variant: 'alt-a', reason: 'lowCarbonBest' });
  });

  it('falls back to the best positive socio-economic NPV, flagged as a carbon increase', () => {
    // alt-a −50 € / −10 t fails the NPV test; dig 300 € / +20 t and alt-b 100 € / +5 t both add emissions: dig.
    const r = recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', -50, -10), vsStatusQuo('TEND', 'alt-b', 100, 5), vsStatusQuo('TEND', 'dig', 300, 20)]));
    expect(r.recommendations[0]).toMatchObject({ variant: 'dig', reason: 'carbonIncrease', carbonIncrease: true, excludedForCarbon: [] });
    expect(r.recommendations[0].figures?.avoidedTco2e).toBe(-20);
  });

  it('recommends doing nothing when no variant has a positive socio-economic NPV (zero is not positive)', () => {
    const r = recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', 0, -10), vsStatusQuo('TEND', 'dig', -300, -20)]));
    expect(r.recommendations[0]).toMatchObject({ variant: 'sq', variantKind: 'statusQuo', reason: 'doNothing', carbonIncrease: false, figures: null, excludedForCarbon: [] });
  });

  it('breaks a tie in favour of the variant listed first', () => {
    const r = recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', 150, -1), vsStatusQuo('TEND', 'alt-b', 150, -1)]));
    expect(r.recommendations[0].variant).toBe('alt-a');
  });

  it('decides each scenario on its own numbers, in the order of the results', () => {
    // TEND: alt-a 100 vs alt-b 50 → alt-a; S1: alt-a 10 vs alt-b 80 → alt-b.
    const r = recommend(
      runResults(VARIANTS, [vsStatusQuo('TEND', 'alt-a', 100, -1), vsStatusQuo('TEND', 'alt-b', 50, -1), vsStatusQuo('S1', 'alt-a', 10, -1), vsStatusQuo('S1', 'alt-b', 80, -1)]),
    );
    expect(r.recommendations.map((x) => [x.scenario, x.variant])).toEqual([
      ['TEND', 'alt-a'],
      ['S1', 'alt-b'],
    ]);
  });

  it('ignores the comparisons against the alternative when recommending', () => {
    // dig vs alt-a has a large NPV (its increment), but against the status quo it is below alt-a.
    const results = runResults(VARIANTS, [
      vsStatusQuo('TEND', 'alt-a', 500, -10),
      vsStatusQuo('TEND', 'dig', 400, -12),
      { scenario: 'TEND', variant: 'dig', comparedTo: 'alt-a', financial: { npvEur: 9e6 }, socioEconomic: { npvEur: 9e6, netTco2e: -2 } },
    ]);
    expect(recommend(results).recommendations[0]).toMatchObject({ variant: 'alt-a', candidates: 2 });
  });

  it('throws when a use case has no status quo', () => {
    const results = runResults([{ id: 'alt-a', kind: 'alternative' }], [{ scenario: 'TEND', variant: 'alt-a', comparedTo: 'sq', financial: {}, socioEconomic: {} }]);
    expect(() => recommend(results)).toThrow(/no status quo/);
  });
});

describe('recommend: value of the digital layer', () => {
  it('reports each digital variant against the best alternative, with the extra investment and its own footprint', () => {
    const results = runResults(VARIANTS, [
      { ...vsStatusQuo('TEND', 'alt-a', 500, -10), financial: { npvEur: 250, capexEur: 4000 } },
      { ...vsStatusQuo('TEND', 'dig', 600, -12), financial: { npvEur: 280, capexEur: 4600 } },
      {
        scenario: 'TEND',
        variant: 'dig',
        comparedTo: 'alt-a',
        financial: { npvEur: 30, capexEur: 4600, simplePaybackYears: 7 },
        socioEconomic: { npvEur: 100, avoidedTco2e: 2, netTco2e: -2, digitalTco2e: 1.5 },
      },
    ]);
    const { digitalLayer } = recommend(results);
    expect(digitalLayer).toHaveLength(1);
    // Increments come from the dig-vs-alt-a rows; extra capex = 4600 − 4000 = 600 € (budget perspective).
    expect(digitalLayer[0]).toMatchObject({ useCase: 'lighting', scenario: 'TEND', variant: 'dig', comparedTo: 'alt-a', extraCapexEur: 600, digitalTco2e: 1.5 });
    expect(digitalLayer[0].figures).toMatchObject({ financialNpvEur: 30, socioEconomicNpvEur: 100, avoidedTco2e: 2, paybackYears: 7 });
  });

  it('gives a null extra investment when the alternative was not compared to the status quo', () => {
    const results = runResults(VARIANTS, [
      vsStatusQuo('TEND', 'dig', 600, -12),
      { scenario: 'TEND', variant: 'dig', comparedTo: 'alt-a', financial: {}, socioEconomic: { npvEur: 1 } },
    ]);
    expect(recommend(results).digitalLayer[0].extraCapexEur).toBeNull();
  });

  it('lists nothing when no digital variant was compared to an alternative', () => {
    expect(recommend(runResults(VARIANTS, [vsStatusQuo('TEND', 'dig', 600, -12)])).digitalLayer).toEqual([]);
  });
});
