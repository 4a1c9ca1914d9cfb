import { describe, it, expect } from 'vitest';
import { abatementCost } from '../../src/carbon/abatementCost.js';

describe('abatementCost', () => {
  it('is −NPV / avoided tonnes', () => {
    // Documentation example: NPV −120,000 €, 400 t avoided → 120,000 / 400 = 300 €/t.
    expect(abatementCost({ npvEur: -120_000, avoidedTco2e: 400 })).toBe(300);
  });

  it('is negative when the measure saves money while abating', () => {
    // NPV +50,000 €, 250 t avoided → −50,000 / 250 = −200 €/t.
    expect(abatementCost({ npvEur: 50_000, avoidedTco2e: 250 })).toBe(-200);
  });

  it('is 0, not −0, for a zero NPV', () => {
    expect(Object.is(abatementCost({ npvEur: 0, avoidedTco2e: 10 }), 0)).toBe(true);
  });

  it('is null when nothing is avoided', () => {
    expect(abatementCost({ npvEur: -1000, avoidedTco2e: 0 })).toBeNull();
    expect(abatementCost({ npvEur: -1000, avoidedTco2e: -5 })).toBeNull();
  });

  it('refuses non-finite inputs, naming the function', () => {
    expect(() => abatementCost({ npvEur: Number.NaN, avoidedTco2e: 1 })).toThrow(/^abatementCost: npvEur/);
    expect(() => abatementCost({ npvEur: 1, avoidedTco2e: Number.POSITIVE_INFINITY })).toThrow(/^abatementCost: avoidedTco2e/);
  });
});
