import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { probabilityChart, probabilityChartHeight } from '../../../src/report/charts/probabilityChart.js';
import type { AnnotationBars } from '../../../src/report/charts/uncertaintyPlugins.js';
import { withUncertainty } from '../uncertaintyFixtures.js';
import { lightingResults, plain } from './support.js';

const NBSP = '\u00a0';

let results: RunResults;
beforeAll(async () => {
  // P(NPV > 0) of the socio-economic rows: 1 in TEND, 0.9995 in S1, 0.45 elsewhere; P(net < 0) 0.0004 in S2, else 1.
  results = withUncertainty(await lightingResults(), {
    probabilities: (r) => {
      const npvPositive = r.scenario === 'TEND' ? 1 : r.scenario === 'S1' ? 0.9995 : 0.45;
      const netNegative = r.scenario === 'S2' ? 0.0004 : 1;
      return { npvPositive, netNegative, both: Math.min(npvPositive, netNegative), paybackWithin: 0.5 };
    },
  });
});

describe('probabilityChart', () => {
  it('matches its snapshot (lighting, socio-economic)', () => {
    expect(plain(probabilityChart(results, { useCase: 'lighting' }))).toMatchSnapshot();
  });

  it('has one group per variant and scenario and three bars: P(NPV > 0), P(net < 0), P(both) [%]', () => {
    const c = probabilityChart(results, { useCase: 'lighting' });
    const variants = results.variants.filter((v) => v.useCase === 'lighting' && v.kind !== 'statusQuo');
    expect(c.data.labels).toHaveLength(variants.length * 5);
    // Group order: variants in model order, scenarios in run order; values are the fixture's probabilities × 100.
    const expected = { TEND: [100, 100, 100], S1: [99.95, 100, 99.95], S2: [45, 0.04, 0.04], S3: [45, 100, 45], S4: [45, 100, 45] } as Record<string, number[]>;
    variants.forEach((_v, i) =>
      results.manifest.scenarios.forEach((scenario, j) => {
        const g = 5 * i + j;
        // round(…, 1): 99.95 → 100 and 0.04 → 0 on the bars; the labels below keep them apart from 100 % and 0 %.
        expect(c.data.datasets.map((d) => d.data[g])).toEqual(expected[scenario].map((x) => Math.round(x * 10) / 10));
      }),
    );
  });

  it('labels every bar with what it measures and its percentage, never 100 % or 0 % unless every draw or none', () => {
    const bars = probabilityChart(results, { useCase: 'lighting' }).options!.plugins!.territoiresAnnotations!.bars as AnnotationBars[];
    // Group 0 is TEND (every draw), group 1 is S1 (99.95 %), group 2 is S2 (0.04 % for the carbon balance).
    expect(bars.map((b) => b.texts[0])).toEqual([`VAN > 0${NBSP}: 100${NBSP}%`, `Bilan net < 0${NBSP}: 100${NBSP}%`, `Les deux${NBSP}: 100${NBSP}%`]);
    expect(bars[0].texts[1]).toBe(`VAN > 0${NBSP}: >${NBSP}99,9${NBSP}%`);
    expect(bars[1].texts[2]).toBe(`Bilan net < 0${NBSP}: <${NBSP}0,1${NBSP}%`);
    expect(bars[0].texts[3]).toBe(`VAN > 0${NBSP}: 45${NBSP}%`);
  });

  it('names a variant on the first row of its group only', () => {
    const labels = probabilityChart(results, { useCase: 'lighting' }).data.labels as string[][];
    expect(labels[0][labels[0].length - 1]).toBe('TEND');
    expect(labels[0].length).toBeGreaterThan(1);
    expect(labels.slice(1, 5)).toEqual([['S1'], ['S2'], ['S3'], ['S4']]);
  });

  it('writes English, and the financial perspective on request', () => {
    const c = probabilityChart(results, { useCase: 'lighting', perspective: 'financial', lang: 'en' });
    expect(c.data.datasets.map((d) => d.label)).toEqual(['NPV > 0 (financial)', 'Net balance < 0', 'Both']);
  });

  it('sizes the image for its groups', () => {
    // 198 px of title, legend, axis and source line, and three 16 px bars per group, at least 360 px.
    expect(probabilityChartHeight(2)).toBe(360);
    expect(probabilityChartHeight(20)).toBe(1158);
  });

  it('says when the results carry no uncertainty', async () => {
    const plainRun = await lightingResults();
    expect(() => probabilityChart(plainRun, { useCase: 'lighting' })).toThrow(/probabilityChart: these results carry no uncertainty/);
  });
});
