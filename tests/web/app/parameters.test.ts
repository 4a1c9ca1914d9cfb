import { describe, expect, it } from 'vitest';
import { loadRunData } from '../../../src/evaluate/load.js';
import { displayUnit, MAIN_PARAMETERS, sliderSpecs, sliderStep } from '../../../src/web/app/parameters.js';

const data = loadRunData();

describe('sliderStep', () => {
  it('picks a 1-2-5 step giving about 100 positions', () => {
    // (1500 − 500) / 100 = 10 → 10; (0.045 − 0.012) / 100 = 0.00033 → next 1-2-5 value 0.0005;
    // (0.06 − 0) / 100 = 0.0006 → 0.001; (45 − 5) / 100 = 0.4 → 0.5.
    expect(sliderStep(500, 1500)).toBe(10);
    expect(sliderStep(0.012, 0.045)).toBe(0.0005);
    expect(sliderStep(0, 0.06)).toBe(0.001);
    expect(sliderStep(5, 45)).toBe(0.5);
    expect(sliderStep(3, 3)).toBe(1);
  });
});

describe('sliderSpecs', () => {
  it('bounds each slider by the range of its default and carries its source and confidence', () => {
    const specs = sliderSpecs(data, ['lighting', 'water', 'climate-risk', 'buildings']);
    const led = specs.find((s) => s.name === 'ledLuminaireCostEur');
    // models/lighting/parameters.yaml: value 1050 EUR/unit, range 500–1500, confidence medium, Marcoussis source.
    expect(led).toMatchObject({ defaultValue: 1050, low: 500, high: 1500, unit: 'EUR/unit', confidence: 'medium', useCase: 'lighting' });
    expect(led?.source).toMatch(/Marcoussis/);
    // scenarios/reference/finance-rules.yaml: socioEconomicDiscountRate 0.032, range 0.012–0.045, France Stratégie.
    const socio = specs.find((s) => s.name === 'socioEconomicDiscountRate');
    expect(socio).toMatchObject({ defaultValue: 0.032, low: 0.012, high: 0.045, confidence: 'high', useCase: null });
    expect(socio?.source).toMatch(/France Stratégie/);
    for (const s of specs) {
      expect(s.low, s.name).toBeLessThanOrEqual(s.defaultValue);
      expect(s.defaultValue, s.name).toBeLessThanOrEqual(s.high);
      // An assumption without a source shows its note instead.
      if (s.source === null) expect(s.note, s.name).toBeTruthy();
    }
    // Every main parameter exists in the data with a range: none silently missing.
    expect(specs.map((s) => s.name)).toEqual(MAIN_PARAMETERS.map((p) => p.name));
  });

  it('keeps only the parameters of the use cases evaluated, plus those that move every use case', () => {
    const names = sliderSpecs(data, ['water']).map((s) => s.name);
    expect(names).toEqual(['financialDiscountRate', 'socioEconomicDiscountRate', 'platformSubscriptionEurPerDevicePerYear', 'meterRadioCostEur', 'leakDetectionDaysDigital']);
  });
});

describe('displayUnit', () => {
  it('shows fractions as percentages and names the other units in the page language', () => {
    expect(displayUnit('fraction', 'fr')).toEqual({ unit: '%', factor: 100, digits: 1 });
    expect(displayUnit('EUR/unit', 'fr').unit).toBe('€ par unité');
    expect(displayUnit('EUR/unit', 'en').unit).toBe('€ per unit');
    expect(displayUnit('kWh/m3', 'fr')).toEqual({ unit: 'kWh/m3', factor: 1, digits: 2 });
  });
});
