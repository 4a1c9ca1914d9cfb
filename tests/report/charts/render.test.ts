import type { ChartConfiguration } from 'chart.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import {
  carbonWaterfallChart,
  chartsForReport,
  cumulativeCashFlowChart,
  decretTertiaireChart,
  digitalBalanceChart,
  featuredVariant,
  maccChart,
  npvByScenarioChart,
  renderChart,
  scenarioMetricTable,
  yearlyEmissionsChart,
} from '../../../src/report/charts/index.js';
import { rgbOf, tint } from '../../../src/report/charts/palette.js';
import { buildingsResults, exampleResults, lightingResults, pixelStats } from './support.js';

let lighting: RunResults;
let buildings: RunResults;
let all: RunResults;
beforeAll(async () => {
  [lighting, buildings, all] = await Promise.all([lightingResults(), buildingsResults(), exampleResults()]);
});

/** A chart is drawn when a meaningful share of it differs from the white background and it has several colours. */
async function expectDrawn(png: Buffer, what: string, width = 1000, height = 560): Promise<void> {
  expect(png.subarray(1, 4).toString('latin1'), what).toBe('PNG');
  const s = await pixelStats(png);
  expect([s.width, s.height], what).toEqual([width, height]);
  // Title, axes, legend and source line alone cover about 2 % of a 1000 × 560 chart; drawn series add more.
  expect(s.nonBackgroundShare, what).toBeGreaterThan(0.03);
  expect(s.distinctColours, what).toBeGreaterThanOrEqual(3);
}

describe('renderChart', () => {
  it('renders each of the eight charts to a non-blank PNG, its first series drawn in its colour', async () => {
    const variant = featuredVariant(lighting, 'lighting');
    // [configuration, colour of its first drawn series]: Okabe–Ito blue, the waterfall's first phase (orange), the
    // table's strongest favourable cell (blue at 80 %).
    const configs = {
      npv: [npvByScenarioChart(lighting, { useCase: 'lighting' }), '#0072B2'],
      cashflow: [cumulativeCashFlowChart(lighting, { useCase: 'lighting', variant, perspective: 'financial' }), '#0072B2'],
      waterfall: [carbonWaterfallChart(lighting, { useCase: 'lighting' }), '#E69F00'],
      emissions: [yearlyEmissionsChart(lighting, { useCase: 'lighting', variant }), '#0072B2'],
      macc: [maccChart(lighting, { perspective: 'socioEconomic' }), '#0072B2'],
      digital: [digitalBalanceChart(lighting), '#0072B2'],
      table: [scenarioMetricTable(lighting), tint('#0072B2', 0.8)],
      decret: [decretTertiaireChart(buildings), '#0072B2'],
    } as const;
    for (const [name, [config, colour]] of Object.entries(configs)) {
      const png = await renderChart(config as ChartConfiguration, { format: 'png' });
      await expectDrawn(png, name);
      // The legend swatch alone is ≤ 22 × 12 = 264 px of that colour (measured with the series emptied: 116–264 px);
      // the drawn series adds well over 1,000 (measured: lines 1,391–2,602, bars and cells 5,622 and more).
      expect((await pixelStats(png)).count(rgbOf(colour)), name).toBeGreaterThan(1000);
    }
  });

  it('renders the same bytes twice (fixed size, no animation, bundled font)', async () => {
    const config = carbonWaterfallChart(lighting, { useCase: 'lighting' });
    const a = await renderChart(config, { format: 'png', width: 640, height: 400 });
    const b = await renderChart(config, { format: 'png', width: 640, height: 400 });
    expect(a.equals(b)).toBe(true);
    await expectDrawn(a, 'waterfall 640 × 400', 640, 400);
  });

  it('does not modify the configuration it renders', async () => {
    const config = npvByScenarioChart(lighting, { useCase: 'lighting' });
    const before = JSON.stringify(config);
    await renderChart(config, { format: 'png' });
    expect(JSON.stringify(config)).toBe(before);
  });

  it('writes SVG that starts with <svg, has the asked size and its text as paths', async () => {
    const svg = (await renderChart(maccChart(lighting, { perspective: 'financial', lang: 'en' }), { format: 'svg', width: 800, height: 450 })).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/width="800" height="450"/);
    expect(svg).toContain('<path');
    expect(svg).not.toContain('<text'); // SvgExportFlag.ConvertTextToPaths: no font needed, no text node to escape
  });

  it('rejects an unknown format and an absurd size', async () => {
    const config = digitalBalanceChart(lighting);
    await expect(renderChart(config, { format: 'gif' as 'png' })).rejects.toThrow(/format must be 'png' or 'svg'/);
    await expect(renderChart(config, { format: 'png', width: 0 })).rejects.toThrow(/width must be an integer/);
  });
});

describe('chartsForReport', () => {
  it('renders the full set for every use case of the example, each with a title, an alt sentence and a non-blank PNG', async () => {
    const charts = await chartsForReport(all, 'fr');
    const ids = charts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const useCase of all.manifest.useCases) {
      for (const id of [`npv-${useCase}`, `cashflow-${useCase}-financial`, `cashflow-${useCase}-socioEconomic`, `waterfall-${useCase}-TEND`, `emissions-${useCase}`]) {
        const chart = charts.find((c) => c.id === id);
        expect(chart, id).toBeDefined();
        expect(chart!.useCase).toBe(useCase);
        expect(chart!.section).toBe('useCase');
      }
    }
    expect(ids).toEqual(expect.arrayContaining(['metric-table', 'macc-TEND', 'digital-balance-TEND']));
    expect(ids.includes('decret-tertiaire-TEND')).toBe(all.manifest.useCases.includes('buildings'));
    // 5 per use case, the table, the MACC, the digital balance, and the décret chart with buildings.
    expect(charts).toHaveLength(5 * all.manifest.useCases.length + 3 + (all.manifest.useCases.includes('buildings') ? 1 : 0));
    for (const c of charts) {
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.alt, c.id).toMatch(/^[A-ZÉ].{40,}\.$/);
      expect(c.svg).toBeUndefined();
      const s = await pixelStats(c.png);
      expect(s.nonBackgroundShare, c.id).toBeGreaterThan(0.03);
      expect(s.distinctColours, c.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses a theme’s colours, writes English and adds SVG on request', async () => {
    const charts = await chartsForReport(lighting, 'en', { colours: ['#8B1E3F', '#3C153B', '#89BD9E'] }, { svg: true });
    const npv = charts.find((c) => c.id === 'npv-lighting')!;
    expect(npv.title).toBe('Public lighting — NPV by scenario and variant');
    expect((await pixelStats(npv.png)).count(rgbOf('#8B1E3F'))).toBeGreaterThan(5000);
    for (const c of charts) expect(c.svg?.toString('utf8').startsWith('<svg'), c.id).toBe(true);
  });
});
