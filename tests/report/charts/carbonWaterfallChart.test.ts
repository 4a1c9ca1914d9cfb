import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { carbonWaterfallChart } from '../../../src/report/charts/carbonWaterfallChart.js';
import { findRow } from '../../../src/report/charts/common.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
beforeAll(async () => {
  results = await lightingResults();
});

describe('carbonWaterfallChart', () => {
  it('matches its snapshot (lighting, TEND)', () => {
    expect(plain(carbonWaterfallChart(results, { useCase: 'lighting', scenario: 'TEND' }))).toMatchSnapshot();
  });

  it('chains the phases: each floating bar starts where the previous one ends, the net starts at zero', () => {
    const ds = carbonWaterfallChart(results, { useCase: 'lighting' }).data.datasets;
    const bars = ds.map((d) => d.data as unknown as [number, number][]);
    for (let v = 0; v < bars[0].length; v++) {
      expect(bars[0][v][0]).toBe(0);
      expect(bars[1][v][0]).toBe(bars[0][v][1]);
      expect(bars[2][v][0]).toBe(bars[1][v][1]);
      expect(bars[3][v]).toEqual([0, bars[2][v][1]]);
    }
  });

  it('nets to the engine’s netTco2e (an independent sum: the metric is computed from the comparison, the chart from the flows)', () => {
    const config = carbonWaterfallChart(results, { useCase: 'lighting', scenario: 'S2' });
    const variants = results.variants.filter((v) => v.useCase === 'lighting' && v.kind !== 'statusQuo');
    const net = config.data.datasets[3].data as unknown as [number, number][];
    variants.forEach((v, i) => {
      const row = findRow(results, { useCase: 'lighting', variant: v.id, scenario: 'S2', perspective: 'socioEconomic' })!;
      expect(net[i][1]).toBeCloseTo(row.metrics.netTco2e, 1);
    });
  });

  it('labels every bar with its length and hatches the net', () => {
    const p = carbonWaterfallChart(results, { useCase: 'lighting' }).options?.plugins;
    expect(p?.territoiresValueLabels).toMatchObject({ datasets: [0, 1, 2, 3], mode: 'delta' });
    expect(p?.territoiresHatch?.datasets).toEqual([3]);
  });

  it('rejects a scenario that was not run', () => {
    expect(() => carbonWaterfallChart(results, { useCase: 'lighting', scenario: 'S9' })).toThrow(/options.scenario must be one of TEND/);
  });
});
