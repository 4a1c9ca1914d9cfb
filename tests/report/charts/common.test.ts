import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow, sourceLine, statusQuoOf, wrapLabel } from '../../../src/report/charts/common.js';
import { lightingResults } from './support.js';

let results: RunResults;
beforeAll(async () => {
  results = await lightingResults();
});

describe('featuredVariant', () => {
  it('is the digital variant with the highest socio-economic NPV against the status quo in TEND', () => {
    const digital = results.variants.filter((v) => v.useCase === 'lighting' && v.kind === 'digital').map((v) => v.id);
    const npvs = digital.map((variant) => findRow(results, { useCase: 'lighting', variant, scenario: 'TEND', perspective: 'socioEconomic' })!.metrics.npvEur);
    // Recomputed here from the rows: the argmax over the digital variants.
    const expected = digital[npvs.indexOf(Math.max(...npvs))];
    expect(featuredVariant(results, 'lighting')).toBe(expected);
    expect(results.variants.find((v) => v.id === expected)!.kind).toBe('digital');
  });

  it('falls back to the first digital variant when the scenario has no rows', () => {
    const noRows = { ...results, results: [] };
    const firstDigital = results.variants.find((v) => v.useCase === 'lighting' && v.kind === 'digital')!.id;
    expect(featuredVariant(noRows, 'lighting')).toBe(firstDigital);
  });
});

describe('statusQuoOf', () => {
  it('finds the status quo of a use case', () => {
    expect(results.variants.find((v) => v.id === statusQuoOf(results, 'lighting'))!.kind).toBe('statusQuo');
  });
});

describe('sourceLine', () => {
  it('names the tool version, the ADEME scenarios, the territory and the UTC date', () => {
    expect(sourceLine(results, 'fr')).toBe(
      `Source\u00a0: Territoires v${results.manifest.version} — scénarios ADEME Transition(s) 2050 (TEND, S1, S2, S3, S4) — ${results.manifest.territory.name} — calcul du 1 janvier 2026`,
    );
    expect(sourceLine(results, 'en', ['TEND'])).toContain('Source: Territoires v');
    expect(sourceLine(results, 'en', ['TEND'])).toContain('ADEME Transition(s) 2050 scenarios (TEND)');
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces into lines of at most the width', () => {
    expect(wrapLabel('LED + télégestion des armoires', 20)).toEqual(['LED + télégestion', 'des armoires']);
    expect(wrapLabel('court', 20)).toEqual(['court']);
  });
});
