import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { round } from '../../../src/report/charts/format.js';
import { maccChart } from '../../../src/report/charts/maccChart.js';
import { exampleResults, lightingResults, plain } from './support.js';

let lighting: RunResults;
let all: RunResults;
beforeAll(async () => {
  [lighting, all] = await Promise.all([lightingResults(), exampleResults({ scenarios: ['TEND'] })]);
});

type Corners = [{ x: number; y: number }, { x: number; y: number }];

describe('maccChart', () => {
  it('matches its snapshot (lighting only, TEND, socio-economic)', () => {
    expect(plain(maccChart(lighting, { scenario: 'TEND', perspective: 'socioEconomic' }))).toMatchSnapshot();
  });

  it('sorts measures by cost, with widths = avoided tonnes laid end to end, heights = abatement cost (every use case of the example)', () => {
    const config = maccChart(all, { perspective: 'socioEconomic' });
    const bars = config.data.datasets.map((d) => d.data as unknown as Corners);
    let x = 0;
    let previousCost = -Infinity;
    for (const [p0, p1] of bars) {
      expect(p0).toEqual({ x, y: 0 });
      expect(p1.x).toBeGreaterThan(p0.x);
      expect(p1.y).toBeGreaterThanOrEqual(previousCost);
      previousCost = p1.y;
      x = p1.x;
    }
    // Each shown measure's width and height are its row's avoidedTco2e (0.1 t) and abatement cost (1 €/t).
    const labels = config.options?.plugins?.territoiresMacc?.labels ?? [];
    expect(labels).toHaveLength(bars.length);
    const excluded = (config.options?.plugins?.subtitle?.text as string[]).slice(2).join(' ');
    for (const useCase of all.manifest.useCases) {
      const variant = featuredVariant(all, useCase, 'TEND');
      const m = findRow(all, { useCase, variant, scenario: 'TEND', perspective: 'socioEconomic' })!.metrics;
      const i = config.data.datasets.findIndex((d) => d.label!.includes(all.variants.find((v) => v.useCase === useCase && v.id === variant)!.name.fr));
      if (m.abatementCostEurPerTco2e === null || round(m.avoidedTco2e, 1) <= 0) {
        // A measure that avoids nothing has no abatement cost: listed under the title, not drawn.
        expect(i).toBe(-1);
        expect(excluded).toContain(all.variants.find((v) => v.useCase === useCase && v.id === variant)!.name.fr);
      } else {
        expect(bars[i][1].x - bars[i][0].x).toBeCloseTo(round(m.avoidedTco2e, 1), 1);
        expect(bars[i][1].y).toBe(round(m.abatementCostEurPerTco2e, 0));
      }
    }
  });

  it('shows the variant named in options.variants instead of the featured one', () => {
    const config = maccChart(lighting, { perspective: 'financial', variants: { lighting: 'led' } });
    const m = findRow(lighting, { useCase: 'lighting', variant: 'led', scenario: 'TEND', perspective: 'financial' })!.metrics;
    const [p0, p1] = config.data.datasets[0].data as unknown as Corners;
    expect(p1.x - p0.x).toBeCloseTo(m.avoidedTco2e, 1);
    expect(p1.y).toBe(round(m.abatementCostEurPerTco2e!, 0));
    expect(() => maccChart(lighting, { perspective: 'financial', variants: { lighting: 'nope' } })).toThrow(/options.variant must be one of/);
  });
});
