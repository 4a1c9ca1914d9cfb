/** The uncertainty charts drawn: non-blank images, and their place in `chartsForReport`. */
import type { ChartConfiguration } from 'chart.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { chartsForReport, fanChart, featuredVariant, probabilityChart, renderChart, tornadoChart } from '../../../src/report/charts/index.js';
import { rgbOf, tint } from '../../../src/report/charts/palette.js';
import { withUncertainty } from '../uncertaintyFixtures.js';
import { lightingResults, pixelStats } from './support.js';

let plainRun: RunResults;
let results: RunResults;
beforeAll(async () => {
  plainRun = await lightingResults();
  results = withUncertainty(plainRun);
});

describe('uncertainty charts, drawn', () => {
  it('render to non-blank PNGs, their first series drawn in its colour', async () => {
    const variant = featuredVariant(results, 'lighting');
    // [configuration, height, colour of its first series]: Okabe–Ito blue (the P10 bars, the inner band, P(NPV > 0));
    // the fan's outer band is that blue at 30 %.
    const configs = {
      tornado: [tornadoChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }), 420, '#0072B2'],
      fan: [fanChart(results, { useCase: 'lighting', variant, perspective: 'socioEconomic' }), 560, tint('#0072B2', 0.3)],
      probability: [probabilityChart(results, { useCase: 'lighting' }), 1158, '#0072B2'],
    } as const;
    for (const [name, [config, height, colour]] of Object.entries(configs)) {
      const png = await renderChart(config as unknown as ChartConfiguration, { format: 'png', height });
      const s = await pixelStats(png);
      expect([s.width, s.height], name).toEqual([1000, height]);
      // Title, axes, legend and source line alone cover about 2 % of a chart; drawn bars add more.
      expect(s.nonBackgroundShare, name).toBeGreaterThan(0.03);
      expect(s.distinctColours, name).toBeGreaterThanOrEqual(3);
      // A legend swatch is at most 22 × 12 = 264 px; the bars add thousands.
      expect(s.count(rgbOf(colour)), name).toBeGreaterThan(1000);
    }
  });
});

describe('chartsForReport and uncertainty', () => {
  it('adds the tornado, the fan and the probabilities of each use case, in the uncertainty section, when the run has draws', async () => {
    const charts = await chartsForReport(results, 'fr');
    const uncertain = charts.filter((c) => c.section === 'uncertainty');
    expect(uncertain.map((c) => c.id)).toEqual(['tornado-lighting', 'fan-lighting', 'probability-lighting']);
    for (const c of uncertain) {
      expect(c.useCase).toBe('lighting');
      expect(c.alt, c.id).toMatch(/^[A-ZÉ].{40,}\.$/);
      expect((await pixelStats(c.png)).nonBackgroundShare, c.id).toBeGreaterThan(0.03);
    }
    // Three rows of tornado (the fixture's fourth quantity moves nothing), 5 variants × 5 scenarios of probabilities
    // (198 px + 25 rows × 48 px).
    expect((await pixelStats(uncertain[0].png)).height).toBe(420);
    expect((await pixelStats(uncertain[2].png)).height).toBe(1398);
  });

  it('adds none without draws', async () => {
    expect((await chartsForReport(plainRun, 'fr')).some((c) => c.section === 'uncertainty')).toBe(false);
  });
});
