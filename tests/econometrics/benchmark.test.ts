import { describe, expect, it } from 'vitest';
import { benchmark, REFERENCE_DISTRIBUTIONS, type ReferenceDistribution } from '../../src/econometrics/benchmark.js';

describe('benchmark', () => {
  it('places a network efficiency between the sourced deciles', () => {
    // Quantiles: 66 % (P10, losses 34 %), 79.8 % (P50, national average used as median), 91 % (P90, losses 9 %).
    // 85 %: P50 + (0.85 − 0.798)/(0.91 − 0.798) × 40 = 50 + 0.4643 × 40 = 68.57
    const r = benchmark('networkEfficiency', 0.85);
    expect(r.percentile).toBeCloseTo(50 + ((0.85 - 0.798) / (0.91 - 0.798)) * 40, 10);
    expect(r.range).toBe('within');
    expect(r.position).toBe('typical');
    expect(r.ratioToReference).toBeCloseTo(0.85 / 0.798, 12);
    expect(r.sentence.fr).toBe(
      'Rendement du réseau d’eau potable : 85 %, au 69e centile de la distribution de référence, dans la moyenne (moyenne nationale SISPEA : 79,8 %). La distribution de référence repose en partie sur une hypothèse.',
    );
    expect(r.distribution.source).toMatch(/SISPEA/);
  });

  it('judges efficiency with higher-is-better and consumption with lower-is-better', () => {
    // 93 % > P90: best quarter. 60 % < P10: worst quarter.
    expect(benchmark('networkEfficiency', 0.93)).toMatchObject({ range: 'above', percentile: null, position: 'better' });
    expect(benchmark('networkEfficiency', 0.6)).toMatchObject({ range: 'below', position: 'worse' });
    // Lighting: 150 kWh/hab between P50 = 85 and P90 = 170: 50 + (65/85) × 40 = 80.6 → among the heaviest consumers.
    const heavy = benchmark('lightingKwhPerInhabitant', 150);
    expect(heavy.percentile).toBeCloseTo(50 + (65 / 85) * 40, 10);
    expect(heavy.position).toBe('worse');
    expect(heavy.sentence.fr).toMatch(/^Consommation de l’éclairage public : 150 kWh par habitant et par an, au 81e centile .*parmi les plus consommateurs/);
    expect(heavy.sentence.en).toMatch(/at the 81st percentile/);
    // 30 kWh/hab < P10 = 40: below the range, among the most frugal.
    expect(benchmark('lightingKwhPerInhabitant', 30)).toMatchObject({ range: 'below', position: 'better' });
    expect(benchmark('lightingKwhPerInhabitant', 30).sentence.fr).toMatch(/sous le 10e centile/);
  });

  it('derives the lighting reference from 5.6 TWh for about 66 million inhabitants', () => {
    // 5.6e9 kWh / 66e6 inhabitants = 84.8 kWh/hab, consistent with ADEME's 85 kWh/hab (2012).
    expect(5.6e9 / 66e6).toBeCloseTo(REFERENCE_DISTRIBUTIONS.lightingKwhPerInhabitant.reference.value, -1);
    expect(REFERENCE_DISTRIBUTIONS.buildingKwhPerM2.confidence).toBe('assumption');
  });

  it('accepts a user distribution and checks it', () => {
    const custom: ReferenceDistribution = { ...REFERENCE_DISTRIBUTIONS.buildingKwhPerM2, quantiles: [{ p: 0, value: 50 }, { p: 100, value: 250 }], confidence: 'high' };
    // uniform between 50 and 250: 150 is the 50th percentile
    const r = benchmark('buildingKwhPerM2', 150, custom);
    expect(r.percentile).toBeCloseTo(50, 12);
    expect(r.sentence.fr).not.toMatch(/hypothèse/);
    expect(() => benchmark('buildingKwhPerM2', 150, { ...custom, quantiles: [{ p: 10, value: 100 }, { p: 50, value: 90 }] })).toThrow(/must increase/);
    expect(() => benchmark('buildingKwhPerM2', NaN)).toThrow(/finite/);
  });
});
