import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { digitalBalanceChart } from '../../../src/report/charts/digitalBalanceChart.js';
import { round } from '../../../src/report/charts/format.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
beforeAll(async () => {
  results = await lightingResults();
});

describe('digitalBalanceChart', () => {
  it('matches its snapshot (lighting only, TEND)', () => {
    expect(plain(digitalBalanceChart(results, { scenario: 'TEND' }))).toMatchSnapshot();
  });

  it('sets what the digital variant avoids (vs status quo, vs the best alternative) beside its own footprint', () => {
    const ds = digitalBalanceChart(results, { scenario: 'S1' }).data.datasets;
    const variant = featuredVariant(results, 'lighting', 'S1');
    const vsStatusQuo = findRow(results, { useCase: 'lighting', variant, scenario: 'S1', perspective: 'socioEconomic' })!.metrics;
    const vsAlternative = results.results.find(
      (r) => r.useCase === 'lighting' && r.variant === variant && r.scenario === 'S1' && r.perspective === 'socioEconomic' && r.comparedTo !== 'status-quo',
    )!;
    // The engine compares digital variants to an alternative, never to a digital variant or the status quo.
    expect(results.variants.find((v) => v.useCase === 'lighting' && v.id === vsAlternative.comparedTo)!.kind).toBe('alternative');
    expect(ds.map((d) => d.data[0])).toEqual([
      round(vsStatusQuo.avoidedTco2e, 1),
      round(vsAlternative.metrics.avoidedTco2e, 1),
      round(vsStatusQuo.digitalTco2e, 1),
    ]);
    expect(vsStatusQuo.digitalTco2e).toBeGreaterThan(0); // a digital variant has a footprint of its own
  });
});
