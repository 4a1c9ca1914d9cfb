import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { drawsLine, monteCarloRowOf, quantityLabel, quantityValue, tornadoOutputOf, uncertaintyOf } from '../../../src/report/charts/uncertaintyCommon.js';
import { withUncertainty } from '../uncertaintyFixtures.js';
import { lightingResults } from './support.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

let results: RunResults;
beforeAll(async () => {
  results = withUncertainty(await lightingResults());
});

describe('quantityLabel', () => {
  it('names a trajectory by the first clause of its description, in the report’s language', () => {
    // scenarios/tend.yaml (electricityPriceEurPerKwh): « Prix de l'électricité des petits sites des collectivités
    // (0,02–0,5 GWh/an), hors TVA » — cut at the parenthesis.
    expect(quantityLabel(results, 'trajectory:electricityPriceEurPerKwh', 'fr')).toBe("Prix de l'électricité des petits sites des collectivités");
    expect(quantityLabel(results, 'trajectory:electricityPriceEurPerKwh', 'en')).toBe("Electricity price for local authorities' small sites");
  });

  it('names a parameter by the first clause of its description in the report’s language, else by its identifier', () => {
    // models/lighting/parameters.yaml: « Purchase and installation of one LED street luminaire in a retrofit, removal … »
    // and descriptionFr « Coût d'achat et de pose d'un luminaire LED d'éclairage public en rénovation, … »: the first
    // clause (cut at the comma) is longer than 72 characters, so it is cut at a word with an ellipsis.
    const fr = quantityLabel(results, 'ledLuminaireCostEur', 'fr');
    expect(fr.startsWith("Coût d'achat et de pose d'un luminaire LED")).toBe(true);
    expect(quantityLabel(results, 'noSuchParameter', 'fr')).toBe('noSuchParameter');
    expect(quantityLabel(results, 'ledLuminaireCostEur', 'en')).toBe('Purchase and installation of one LED street luminaire in a retrofit');
    expect(quantityLabel(results, 'noSuchParameter', 'en')).toBe('noSuchParameter');
    // A first clause longer than 72 characters is cut at a word and ends with an ellipsis.
    const long = { ...results, parameters: [{ ...results.parameters[0], name: 'x', description: `${'word '.repeat(20)}end` }] };
    expect(quantityLabel(long, 'x', 'en')).toBe(`${'word '.repeat(14).trimEnd()}…`);
    expect(quantityLabel(results, 'trajectory:noSuchTrajectory', 'fr')).toBe('noSuchTrajectory');
  });
});

describe('quantityValue', () => {
  it('writes 3 significant digits with the unit, fractions as percentages and multipliers with ×', () => {
    expect(quantityValue(0.2987, 'fraction', 'parameter', 'fr')).toBe(`29,9${NBSP}%`);
    expect(quantityValue(777.69, 'EUR/unit', 'parameter', 'en')).toBe(`778${NBSP}EUR/unit`);
    expect(quantityValue(4213.4, 'h/year', 'parameter', 'fr')).toBe(`4${NNBSP}210${NBSP}h/year`);
    expect(quantityValue(0.78862, 'fraction', 'trajectory', 'fr')).toBe(`×${NBSP}0,789`);
  });
});

describe('reading results.uncertainty', () => {
  it('finds a Monte Carlo row and a tornado output, and throws a clear error when absent', async () => {
    const q = { useCase: 'lighting', variant: 'led', scenario: 'S2', perspective: 'financial' as const };
    expect(monteCarloRowOf('f', results, q)).toMatchObject(q);
    expect(tornadoOutputOf('f', results, { useCase: 'lighting', variant: 'led', perspective: 'financial', metric: 'netTco2e' }).metric).toBe('netTco2e');
    expect(() => monteCarloRowOf('f', results, { ...q, scenario: 'S9' })).toThrow(/f: no Monte Carlo result for lighting \/ led \/ S9/);
    const plainRun = await lightingResults();
    expect(() => uncertaintyOf('f', plainRun)).toThrow(/f: these results carry no uncertainty/);
  });

  it('says the draws and the seed', () => {
    // The fixture: 1,000 draws, seed 7.
    expect(drawsLine(results, 'fr')).toBe(`1${NNBSP}000 tirages, graine 7`);
    expect(drawsLine(results, 'en')).toBe('1,000 draws, seed 7');
  });
});
