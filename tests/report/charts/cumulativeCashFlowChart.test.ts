import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { cumulativeCashFlowChart } from '../../../src/report/charts/cumulativeCashFlowChart.js';
import { round } from '../../../src/report/charts/format.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
let variant: string;
beforeAll(async () => {
  results = await lightingResults();
  variant = featuredVariant(results, 'lighting');
});

describe('cumulativeCashFlowChart', () => {
  it('matches its snapshot (lighting, featured variant, financial)', () => {
    expect(plain(cumulativeCashFlowChart(results, { useCase: 'lighting', variant, perspective: 'financial' }))).toMatchSnapshot();
  });

  it('ends each line at the NPV: the cumulative discounted flow at the horizon is the NPV (definition of NPV)', () => {
    const config = cumulativeCashFlowChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' });
    results.manifest.scenarios.forEach((scenario, i) => {
      const row = findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'socioEconomic' })!;
      const points = config.data.datasets[i].data as { x: number; y: number }[];
      expect(points).toHaveLength(results.manifest.horizonYears + 1);
      expect(points[0].x).toBe(results.manifest.startYear);
      // M€ axis: NPVs of several million euros; 3 decimals = 1,000 €.
      expect(points[points.length - 1].y).toBeCloseTo(row.metrics.npvEur / 1e6, 3);
    });
  });

  it('marks the discounted payback year on the zero line of each scenario that reaches it', () => {
    const config = cumulativeCashFlowChart(results, { useCase: 'lighting', variant, perspective: 'financial' });
    const markers = config.options?.plugins?.territoiresMarkers?.markers ?? [];
    const expected = results.manifest.scenarios
      .map((scenario) => findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'financial' })!.metrics.discountedPaybackYears)
      .filter((p): p is number => p !== null)
      .map((p) => round(results.manifest.startYear + p, 1))
      .sort((a, b) => a - b);
    expect(markers.map((m) => m.x)).toEqual(expected);
    for (const m of markers) {
      expect(m.y).toBe(0);
      // "TEND : 2031,1": the year is never grouped, the colon has a no-break space before it in French.
      expect(m.text).toMatch(/^(TEND|S\d)\u00a0: \d{4}(,\d)?$/);
    }
    // The legend says it too, so the year does not rest on the marker's colour.
    expect(config.data.datasets[0].label).toMatch(/^TEND \((retour \d{4}(,\d)?|pas de retour)\)$/);
  });

  it('keeps lines apart without colour: one dash pattern and point shape per scenario', () => {
    const ds = cumulativeCashFlowChart(results, { useCase: 'lighting', variant, perspective: 'financial' }).data.datasets;
    expect(new Set(ds.map((d) => JSON.stringify(d.borderDash))).size).toBe(ds.length);
    expect(new Set(ds.map((d) => d.pointStyle)).size).toBe(ds.length);
  });

  it('rejects the status quo as variant and an unknown perspective', () => {
    expect(() => cumulativeCashFlowChart(results, { useCase: 'lighting', variant: 'status-quo', perspective: 'financial' })).toThrow(
      /options.variant must be one of/,
    );
    expect(() => cumulativeCashFlowChart(results, { useCase: 'lighting', variant, perspective: 'budget' as 'financial' })).toThrow(
      /options.perspective must be 'financial' or 'socioEconomic'/,
    );
  });
});
