import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { findRow } from '../../../src/report/charts/common.js';
import { round } from '../../../src/report/charts/format.js';
import { npvByScenarioChart } from '../../../src/report/charts/npvByScenarioChart.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
beforeAll(async () => {
  results = await lightingResults();
});

type Tick = (this: unknown, value: number | string, index: number, ticks: unknown[]) => string;

describe('npvByScenarioChart', () => {
  it('matches its snapshot (lighting, French)', () => {
    expect(plain(npvByScenarioChart(results, { useCase: 'lighting' }))).toMatchSnapshot();
  });

  it('draws every variant against the status quo in both perspectives, NPVs from the result rows', () => {
    const config = npvByScenarioChart(results, { useCase: 'lighting' });
    const variants = results.variants.filter((v) => v.useCase === 'lighting' && v.kind !== 'statusQuo');
    expect(config.data.datasets).toHaveLength(2 * variants.length);
    // The lighting NPVs of the town example are millions of euros (e.g. ≈6–9 M€), hence the M€ axis, 3 decimals.
    expect(config.options?.scales?.y?.title).toMatchObject({ text: 'VAN [M€]' });
    variants.forEach((v, i) => {
      (['financial', 'socioEconomic'] as const).forEach((perspective, k) => {
        const data = config.data.datasets[2 * i + k].data;
        results.manifest.scenarios.forEach((scenario, j) => {
          const row = findRow(results, { useCase: 'lighting', variant: v.id, scenario, perspective })!;
          expect(data[j]).toBe(round(row.metrics.npvEur / 1e6, 3));
        });
      });
    });
  });

  it('hatches the socio-economic bars and says the perspective in each legend label', () => {
    const config = npvByScenarioChart(results, { useCase: 'lighting' });
    const hatched = config.options?.plugins?.territoiresHatch?.datasets ?? [];
    config.data.datasets.forEach((d, i) => {
      expect(hatched.includes(i)).toBe(i % 2 === 1);
      expect(d.label).toMatch(i % 2 === 1 ? /\(socio-économique\)$/ : /\(financière\)$/);
    });
  });

  it('formats ticks in French by default and in English on request', () => {
    const fr = npvByScenarioChart(results, { useCase: 'lighting' }).options?.scales?.y?.ticks?.callback as unknown as Tick;
    const en = npvByScenarioChart(results, { useCase: 'lighting', lang: 'en' }).options?.scales?.y?.ticks?.callback as unknown as Tick;
    // The exact strings of Intl.NumberFormat('fr-FR') (U+202F narrow no-break space) and ('en-GB').
    expect(fr.call({}, 1234.5, 0, [])).toBe('1\u202f234,5');
    expect(en.call({}, 1234.5, 0, [])).toBe('1,234.5');
  });

  it('titles in English with lang en', () => {
    const config = npvByScenarioChart(results, { useCase: 'lighting', lang: 'en' });
    expect(config.options?.plugins?.title?.text).toBe('Public lighting — NPV by scenario and variant');
    expect(config.options?.plugins?.territoiresSource?.text).toMatch(/^Source: Territoires v/);
  });

  it('rejects a use case the run does not hold, and an unknown language', () => {
    expect(() => npvByScenarioChart(results, { useCase: 'water' })).toThrow(/npvByScenarioChart: options.useCase must be one of lighting/);
    expect(() => npvByScenarioChart(results, { useCase: 'lighting', lang: 'de' as 'fr' })).toThrow(/lang must be 'fr' or 'en'/);
  });
});
