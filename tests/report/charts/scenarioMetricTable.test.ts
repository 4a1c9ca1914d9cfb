import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { round } from '../../../src/report/charts/format.js';
import { NOT_APPLICABLE, OKABE_ITO, tint } from '../../../src/report/charts/palette.js';
import { scenarioMetricTable, scenarioMetricTableData, TABLE_METRICS } from '../../../src/report/charts/scenarioMetricTable.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
beforeAll(async () => {
  results = await lightingResults();
});

describe('scenarioMetricTable', () => {
  it('matches its snapshot, as a chart and as data (lighting only)', () => {
    expect(plain(scenarioMetricTable(results))).toMatchSnapshot();
    expect(scenarioMetricTableData(results, { lang: 'en' })).toMatchSnapshot();
  });

  it('holds five metrics per use case of the featured variant, one column per scenario, values from the rows', () => {
    const table = scenarioMetricTableData(results);
    expect(table.scenarios).toEqual(results.manifest.scenarios);
    expect(table.rows.map((r) => r.metric)).toEqual([...TABLE_METRICS]);
    const variant = featuredVariant(results, 'lighting');
    const avoided = table.rows.find((r) => r.metric === 'avoided')!;
    const npv = table.rows.find((r) => r.metric === 'npvFinancial')!;
    results.manifest.scenarios.forEach((scenario, j) => {
      const socio = findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'socioEconomic' })!.metrics;
      const fin = findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'financial' })!.metrics;
      expect(avoided.values[j]).toBe(round(socio.avoidedTco2e, 1));
      expect(npv.values[j]).toBe(round(fin.npvEur / 1e6, 3)); // M€: lighting NPVs are millions
    });
    expect(npv.label).toBe('Éclairage public — VAN financière [M€]');
  });

  it('colours by value: the largest favourable value of a row in the strongest blue, text on every cell', () => {
    const npv = scenarioMetricTableData(results).rows.find((r) => r.metric === 'npvFinancial')!;
    const j = npv.values.indexOf(Math.max(...(npv.values as number[])));
    // Lighting NPVs are all positive (favourable); the largest has score 1 → strength 0.12 + 0.68 = 0.8.
    expect(npv.fills[j]).toBe(tint(OKABE_ITO[0], 0.8));
    expect(npv.texts.every((s) => s.length > 0)).toBe(true);
  });

  it('writes “jamais” on grey when a payback is never reached', () => {
    const variant = featuredVariant(results, 'lighting');
    const edited: RunResults = {
      ...results,
      results: results.results.map((r) =>
        r.variant === variant && r.scenario === 'S1' && r.perspective === 'financial' && r.comparedTo === 'status-quo'
          ? { ...r, metrics: { ...r.metrics, discountedPaybackYears: null } }
          : r,
      ),
    };
    const row = scenarioMetricTableData(edited).rows.find((r) => r.metric === 'discountedPayback')!;
    const j = results.manifest.scenarios.indexOf('S1');
    expect(row.values[j]).toBeNull();
    expect(row.texts[j]).toBe('jamais');
    expect(row.fills[j]).toBe(NOT_APPLICABLE);
  });

  it('carries the same cells in the chart configuration', () => {
    const config = scenarioMetricTable(results, { lang: 'en' });
    const data = scenarioMetricTableData(results, { lang: 'en' });
    const table = config.options?.plugins?.territoiresTable;
    expect(table?.columns).toEqual(data.scenarios);
    expect(table?.rows?.map((r) => r.cells?.map((c) => c.text))).toEqual(data.rows.map((r) => r.texts));
  });
});
