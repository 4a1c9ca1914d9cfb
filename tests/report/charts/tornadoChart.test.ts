import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { featuredVariant, findRow } from '../../../src/report/charts/common.js';
import { formatNumber, round } from '../../../src/report/charts/format.js';
import { tornadoChart, tornadoChartHeight } from '../../../src/report/charts/tornadoChart.js';
import { quantityLabel } from '../../../src/report/charts/uncertaintyCommon.js';
import { TORNADO_QUANTITIES, withUncertainty } from '../uncertaintyFixtures.js';
import { lightingResults, plain } from './support.js';

// U+202F (narrow no-break space) groups thousands in fr-FR; U+00A0 sits before units.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

let results: RunResults;
let variant: string;
let baseEur: number;
beforeAll(async () => {
  results = withUncertainty(await lightingResults());
  variant = featuredVariant(results, 'lighting');
  baseEur = findRow(results, { useCase: 'lighting', variant, scenario: 'TEND', perspective: 'socioEconomic' })!.metrics.npvEur;
});

describe('tornadoChart', () => {
  it('matches its snapshot (lighting, featured variant, socio-economic NPV, synthetic tornado)', () => {
    expect(plain(tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }))).toMatchSnapshot();
  });

  it('draws, per quantity with a swing, floating bars from the base to the output at P10 and at P90, widest first', () => {
    const c = tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' });
    // The fixture's fourth quantity moves nothing (swing 0): three rows remain, in the fixture's decreasing swings.
    expect(c.data.labels).toHaveLength(3);
    // The town's lighting NPVs are millions of euros, hence M€ with 3 decimals; outputs are b + k·|b| (fixture).
    const b = round(baseEur / 1e6, 3);
    TORNADO_QUANTITIES.slice(0, 3).forEach((q, i) => {
      expect(c.data.datasets[0].data[i]).toEqual([b, round((baseEur + q.atLow * Math.abs(baseEur)) / 1e6, 3)]);
      expect(c.data.datasets[1].data[i]).toEqual([b, round((baseEur + q.atHigh * Math.abs(baseEur)) / 1e6, 3)]);
    });
    expect(c.options?.scales?.x?.title).toMatchObject({ text: 'VAN socio-économique [M€]' });
    expect(c.options?.indexAxis).toBe('y');
    expect(c.data.datasets.map((d) => d.grouped)).toEqual([false, false]);
  });

  it('labels each row with the quantity’s name and its P10 and P90 values with their unit', () => {
    const labels = tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }).data.labels as string[][];
    // Trajectory multipliers 0.8 and 1.3; 800 and 1,300 EUR/unit; the discount rate 0.022 and 0.039 as percentages.
    expect(labels.map((l) => l[l.length - 1])).toEqual([
      `P10 ×${NBSP}0,8 · P90 ×${NBSP}1,3`,
      `P10 800${NBSP}EUR/unit · P90 1${NNBSP}300${NBSP}EUR/unit`,
      `P10 2,2${NBSP}% · P90 3,9${NBSP}%`,
    ]);
    expect(labels.map((l) => l.slice(0, -1).join(' '))).toEqual(TORNADO_QUANTITIES.slice(0, 3).map((q) => quantityLabel(results, q.name, 'fr')));
  });

  it('writes each bar’s value beside it, named P10 or P90 (the bars’ meaning is never colour alone), and the base as a line', () => {
    const p = tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }).options?.plugins?.territoiresAnnotations;
    const v = (k: number) => formatNumber(round((baseEur + k * Math.abs(baseEur)) / 1e6, 3), 'fr', 2, 2);
    expect(p?.bars?.[0]).toEqual({ dataset: 0, texts: TORNADO_QUANTITIES.slice(0, 3).map((q) => `P10 ${v(q.atLow)}`) });
    expect(p?.bars?.[1]).toEqual({ dataset: 1, texts: TORNADO_QUANTITIES.slice(0, 3).map((q) => `P90 ${v(q.atHigh)}`) });
    expect(p?.verticals).toEqual([{ x: round(baseEur / 1e6, 3), text: `Valeur de base${NBSP}: ${v(0)}${NBSP}M€` }]);
  });

  it('charts net tCO2e too, keeps the `top` widest rows, and writes English', () => {
    const c = tornadoChart(results, { useCase: 'lighting', variant, perspective: 'financial', metric: 'netTco2e', top: 2, lang: 'en' });
    expect(c.data.labels).toHaveLength(2);
    expect(c.options?.scales?.x?.title).toMatchObject({ text: 'Net carbon balance [tCO\u2082e]' });
    expect(c.options?.plugins?.title?.text).toBe('Public lighting — What moves the result (tornado)');
  });

  it('says when the results carry no uncertainty, and rejects bad options', async () => {
    const plainRun = await lightingResults();
    expect(() => tornadoChart(plainRun, { useCase: 'lighting', variant, perspective: 'socioEconomic' })).toThrow(/carry no uncertainty; run with --draws/);
    expect(() => tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic', metric: 'irr' as 'npvEur' })).toThrow(/options.metric/);
    expect(() => tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic', top: 0 })).toThrow(/options.top/);
    expect(() => tornadoChart(results, { useCase: 'lighting', variant: 'status-quo', perspective: 'socioEconomic' })).toThrow(/options.variant/);
  });

  it('sizes the image for its rows', () => {
    // 200 px of title, legend, axis and source line, and 42 px per row (three label lines), at least 420 px.
    expect(tornadoChartHeight(3)).toBe(420);
    expect(tornadoChartHeight(10)).toBe(620);
  });
});
