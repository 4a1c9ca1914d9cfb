import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { fanChart } from '../../../src/report/charts/fanChart.js';
import { formatNumber, round } from '../../../src/report/charts/format.js';
import { withUncertainty } from '../uncertaintyFixtures.js';
import { lightingResults, plain } from './support.js';

let results: RunResults;
let variant: string;
beforeAll(async () => {
  results = withUncertainty(await lightingResults());
  variant = featuredVariant(results, 'lighting');
});

const summary = (scenario: string) =>
  results.uncertainty!.montecarlo.results.find((r) => r.useCase === 'lighting' && r.variant === variant && r.scenario === scenario && r.perspective === 'socioEconomic')!.metrics.npvEur;

describe('fanChart', () => {
  it('matches its snapshot (lighting, featured variant, socio-economic)', () => {
    expect(plain(fanChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }))).toMatchSnapshot();
  });

  it('draws per scenario the P5–P95 and P10–P90 bands, the median and the deterministic value, read from the results [M€]', () => {
    const c = fanChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' });
    const m = (x: number | null) => round(x! / 1e6, 3);
    results.manifest.scenarios.forEach((scenario, j) => {
      const s = summary(scenario);
      expect(c.data.datasets[0].data[j]).toEqual([m(s.p5), m(s.p95)]);
      expect(c.data.datasets[1].data[j]).toEqual([m(s.p10), m(s.p90)]);
      expect(c.data.datasets[2].data[j]).toBe(m(s.p50));
      const row = findRow(results, { useCase: 'lighting', variant, scenario, perspective: 'socioEconomic' })!;
      expect(c.data.datasets[3].data[j]).toBe(m(row.metrics.npvEur));
    });
    expect(c.data.labels).toHaveLength(5);
  });

  it('tells bands and markers apart without colour: widths, shapes, and P10, P50, P90 written beside each band', () => {
    const c = fanChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' });
    const [outer, inner, median, deterministic] = c.data.datasets as unknown as Record<string, unknown>[];
    expect(outer.maxBarThickness).toBe(72);
    expect(inner.maxBarThickness).toBe(36);
    expect([median.pointStyle, deterministic.pointStyle]).toEqual(['rectRot', 'crossRot']);
    const texts = c.options?.plugins?.territoiresAnnotations?.texts ?? [];
    const s = summary('TEND');
    const f = (x: number | null) => formatNumber(round(x! / 1e6, 3), 'fr', 2, 2);
    expect(texts.filter((t) => t.x === 0).map((t) => t.text)).toEqual([`P90 ${f(s.p90)}`, `P50 ${f(s.p50)}`, `P10 ${f(s.p10)}`]);
    expect(texts).toHaveLength(3 * 5);
  });

  it('names the draws and the seed, in English on request', () => {
    const c = fanChart(results, { useCase: 'lighting', variant, perspective: 'financial', lang: 'en' });
    // The fixture: 1,000 draws, seed 7.
    expect(c.options?.plugins?.subtitle?.text).toEqual([expect.stringMatching(/· Financial NPV · 1,000 draws, seed 7$/), expect.stringMatching(/^Bands: 90 %/)]);
    expect(c.options?.scales?.y?.title).toMatchObject({ text: 'Financial NPV [M€]' });
  });

  it('says when the results carry no uncertainty', async () => {
    const plainRun = await lightingResults();
    expect(() => fanChart(plainRun, { useCase: 'lighting', variant, perspective: 'socioEconomic' })).toThrow(/fanChart: these results carry no uncertainty/);
  });
});
