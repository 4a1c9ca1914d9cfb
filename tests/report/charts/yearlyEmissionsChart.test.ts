import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { round } from '../../../src/report/charts/format.js';
import { yearlyEmissionsChart } from '../../../src/report/charts/yearlyEmissionsChart.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
let variant: string;
beforeAll(async () => {
  results = await lightingResults();
  variant = featuredVariant(results, 'lighting');
});

type Points = { x: number; y: number }[];

describe('yearlyEmissionsChart', () => {
  it('matches its snapshot (lighting, featured variant, amortised)', () => {
    expect(plain(yearlyEmissionsChart(results, { useCase: 'lighting', variant }))).toMatchSnapshot();
  });

  it('draws the status quo and the variant in every scenario, from the comparison rows', () => {
    const ds = yearlyEmissionsChart(results, { useCase: 'lighting', variant }).data.datasets;
    expect(ds).toHaveLength(2 * results.manifest.scenarios.length);
    results.manifest.scenarios.forEach((scenario, i) => {
      const y = findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'socioEconomic' })!.yearly;
      const sq = ds[2 * i].data as Points;
      const own = ds[2 * i + 1].data as Points;
      // Amortised view: operating years 1…N only.
      expect(sq).toHaveLength(results.manifest.horizonYears);
      expect(sq[0]).toEqual({ x: results.manifest.startYear + 1, y: round(y.referenceEmissionsAmortisedTco2e[1], 1) });
      expect(own[own.length - 1].y).toBe(round(y.emissionsAmortisedTco2e[y.year.length - 1], 1));
      expect(ds[2 * i].borderDash).toEqual([6, 4]);
      expect(ds[2 * i + 1].borderDash).toEqual([]);
    });
  });

  it('at purchase, the gap between the lines sums to the avoided tonnes (avoided = Σ reference − variant, DESIGN.md)', () => {
    const ds = yearlyEmissionsChart(results, { useCase: 'lighting', variant, allocation: 'atPurchase' }).data.datasets;
    const row = findRow(results, { useCase: 'lighting', variant, scenario: 'TEND', perspective: 'socioEconomic' })!;
    const sq = ds[0].data as Points;
    const own = ds[1].data as Points;
    expect(sq).toHaveLength(results.manifest.horizonYears + 1);
    const gap = sq.reduce((s, p, j) => s + p.y - own[j].y, 0);
    // 26 values each rounded to 0.1 t: at most 26 × 0.05 × 2 = 2.6 t of rounding.
    expect(Math.abs(gap - row.metrics.avoidedTco2e)).toBeLessThan(2.6);
  });

  it('rejects an unknown allocation', () => {
    expect(() => yearlyEmissionsChart(results, { useCase: 'lighting', variant, allocation: 'linear' as 'amortised' })).toThrow(/options.allocation/);
  });
});
