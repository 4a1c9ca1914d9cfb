/**
 * Renders chart configurations to PNG or SVG with chart.js on @napi-rs/canvas (Skia, prebuilt through npm; no
 * system library), at a fixed size, without animation, in the bundled DejaVu Sans font so that text renders the
 * same on every machine. chart.js and the canvas are imported on first use only: the CLI does not pay for them
 * when it writes no chart.
 *
 * SVG: @napi-rs/canvas's SVG canvas with text converted to paths (`SvgExportFlag.ConvertTextToPaths`): the file
 * needs no font and carries no text node, so user-supplied names cannot inject markup. The XML declaration is
 * dropped so the SVG can be inlined in HTML; the output starts with `<svg`.
 */
import { join } from 'node:path';
import type { Chart as ChartClass, ChartConfiguration, ChartItem, ChartType } from 'chart.js';
import { packageRoot } from '../../core/paths.js';
import type { Perspective, RunResults } from '../../evaluate/engine.js';
import { carbonWaterfallChart } from './carbonWaterfallChart.js';
import { defaultScenario, featuredVariant } from './common.js';
import { cumulativeCashFlowChart } from './cumulativeCashFlowChart.js';
import { decretTertiaireChart } from './decretTertiaireChart.js';
import { digitalBalanceChart } from './digitalBalanceChart.js';
import { fanChart } from './fanChart.js';
import type { Lang } from './labels.js';
import { maccChart } from './maccChart.js';
import { npvByScenarioChart } from './npvByScenarioChart.js';
import { FONT_FAMILY } from './plugins.js';
import { probabilityChart, probabilityChartHeight } from './probabilityChart.js';
import { scenarioMetricTable, scenarioMetricTableData, scenarioMetricTableHeight } from './scenarioMetricTable.js';
import { tornadoChart, tornadoChartHeight } from './tornadoChart.js';
import { yearlyEmissionsChart } from './yearlyEmissionsChart.js';

export interface RenderOptions {
  format: 'png' | 'svg';
  /** Width of the image [px] (default 1000). */
  width?: number;
  /** Height of the image [px] (default 560). */
  height?: number;
}

/**
 * Folder of the bundled fonts (src/report/fonts, found from the package root so it works from dist/ too).
 * @example fontsDir() // '/…/territoires/src/report/fonts'
 */
export function fontsDir(): string {
  return join(packageRoot(), 'src', 'report', 'fonts');
}

let ready: Promise<{ Chart: typeof ChartClass; canvas: typeof import('@napi-rs/canvas') }> | undefined;

/** Imports chart.js and the canvas once, registers chart.js's components and the bundled fonts. */
function load(): Promise<{ Chart: typeof ChartClass; canvas: typeof import('@napi-rs/canvas') }> {
  ready ??= (async () => {
    const [chartjs, canvas] = await Promise.all([import('chart.js'), import('@napi-rs/canvas')]);
    chartjs.Chart.register(...chartjs.registerables);
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const key = canvas.GlobalFonts.registerFromPath(join(fontsDir(), file), FONT_FAMILY);
      if (!key) throw new Error(`renderChart: cannot load the bundled font ${join(fontsDir(), file)}`);
    }
    const d = chartjs.Chart.defaults;
    d.font.family = FONT_FAMILY;
    d.font.size = 12;
    d.color = '#1a1a1a';
    return { Chart: chartjs.Chart, canvas };
  })();
  return ready;
}

/**
 * Copies the plain objects and arrays of a configuration (chart.js writes into the configuration it is given:
 * merged scales, listeners on data arrays), keeping functions and class instances (plugins, callbacks) as they
 * are.
 */
function cloneConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneConfig(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = cloneConfig(v);
    return out as T;
  }
  return value;
}

type Lib = Awaited<ReturnType<typeof load>>;

function checkRenderOptions(format: unknown, width: number, height: number): void {
  if (format !== 'png' && format !== 'svg') throw new RangeError(`renderChart: format must be 'png' or 'svg', received ${String(format)}`);
  for (const [name, v] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(v) || v < 50 || v > 10_000) throw new RangeError(`renderChart: ${name} must be an integer from 50 to 10000 [px], received ${v}`);
  }
}

/**
 * Draws a configuration on a new canvas (synchronously: chart.js draws at construction when animation is off)
 * and returns the image: SVG at once, PNG when its encoding, which runs off the main thread, is done. The chart
 * is destroyed once its image is out, so several PNG encodings can overlap the drawing of the next charts.
 */
function drawAndEncode(lib: Lib, config: ChartConfiguration, format: 'png' | 'svg', width: number, height: number): Promise<Buffer> {
  const c = cloneConfig(config);
  c.options = { ...c.options, responsive: false, animation: false, devicePixelRatio: 1 };
  if (format === 'svg') {
    const target = lib.canvas.createCanvas(width, height, lib.canvas.SvgExportFlag.ConvertTextToPaths);
    const chart = new lib.Chart(target as unknown as ChartItem, c);
    try {
      // Read before destroy(), which clears the canvas.
      const svg = target.getContent().toString('utf8');
      return Promise.resolve(Buffer.from(svg.replace(/^<\?xml[^>]*>\s*/, ''), 'utf8'));
    } finally {
      chart.destroy();
    }
  }
  const target = lib.canvas.createCanvas(width, height);
  const chart = new lib.Chart(target as unknown as ChartItem, c);
  return target.encode('png').finally(() => chart.destroy());
}

/**
 * Renders a chart configuration to an image.
 * @param config a chart.js configuration (from one of the chart functions of this folder, or any other); not
 *   modified
 * @param options format 'png' (Buffer of PNG bytes) or 'svg' (Buffer of UTF-8 SVG text); width and height [px]
 * @returns the image bytes
 * @example
 * const png = await renderChart(npvByScenarioChart(results, { useCase: 'lighting' }), { format: 'png' });
 * // png.subarray(1, 4).toString() === 'PNG'; 1000 × 560 px
 */
export async function renderChart<T extends ChartType>(
  config: ChartConfiguration<T>,
  { format, width = 1000, height = 560 }: RenderOptions,
): Promise<Buffer> {
  checkRenderOptions(format, width, height);
  return drawAndEncode(await load(), config as unknown as ChartConfiguration, format, width, height);
}

/** One chart of a report, rendered. */
export interface ReportChart {
  /** Stable id, usable as a file name (`charts/<id>.png`). */
  id: string;
  /** The use case it belongs to, for charts of one use case. */
  useCase?: string;
  /** Where the report places it ('uncertainty': the uncertainty section, when the run has draws). */
  section: 'summary' | 'useCase' | 'portfolio' | 'uncertainty';
  title: string;
  /** One-sentence description for accessibility (HTML `alt`). */
  alt: string;
  png: Buffer;
  svg?: Buffer;
}

interface Planned {
  id: string;
  useCase?: string;
  section: ReportChart['section'];
  config: ChartConfiguration;
  height?: number;
}

/**
 * Every chart a report needs, rendered to PNG (and SVG when asked):
 * - per use case, for its featured variant (highest socio-economic NPV against the status quo in TEND among the
 *   digital variants, see `featuredVariant`): NPV by scenario and variant; cumulative discounted cash flow in the
 *   financial and socio-economic perspectives; the carbon waterfall in TEND only (to keep the count reasonable);
 *   yearly emissions;
 * - across use cases: the scenario × metric table (summary), the abatement cost curve (TEND, socio-economic) and
 *   the digital layer's balance (TEND);
 * - the décret tertiaire trajectory when the run has the buildings use case;
 * - when the run carries its uncertainty (`territoires run --draws N`), per use case and for its featured variant:
 *   the tornado of the socio-economic NPV (on the tornado's scenario), the fan of the socio-economic NPV by
 *   scenario, and the probabilities (NPV > 0, net tCO2e < 0, both) of every variant by scenario; section
 *   'uncertainty'.
 * TEND stands for the run's first scenario when TEND was not run.
 * @param results a run's results
 * @param lang language of every text
 * @param theme a theme's palette (`#rrggbb` colours); default Okabe–Ito
 * @param options `svg: true` also renders each chart to SVG (about doubles the time)
 * @example
 * const charts = await chartsForReport(results, 'fr');
 * // town example (lighting, water): 13 charts, ids 'metric-table', 'npv-lighting', 'cashflow-lighting-financial', …
 */
export async function chartsForReport(
  results: RunResults,
  lang: Lang,
  theme: { colours?: string[] } = {},
  options: { svg?: boolean } = {},
): Promise<ReportChart[]> {
  const colours = theme.colours;
  const scenario = defaultScenario(results);
  const planned: Planned[] = [];
  const add = (p: Omit<Planned, 'config'> & { config: ChartConfiguration<ChartType> }) => planned.push(p as Planned);

  const table = scenarioMetricTableData(results, { lang, colours });
  add({ id: 'metric-table', section: 'summary', config: scenarioMetricTable(results, { lang, colours }), height: scenarioMetricTableHeight(table.rows.length) });
  for (const useCase of results.manifest.useCases) {
    const variant = featuredVariant(results, useCase, scenario);
    add({ id: `npv-${useCase}`, useCase, section: 'useCase', config: npvByScenarioChart(results, { useCase, lang, colours }) });
    for (const perspective of ['financial', 'socioEconomic'] satisfies Perspective[]) {
      add({
        id: `cashflow-${useCase}-${perspective}`,
        useCase,
        section: 'useCase',
        config: cumulativeCashFlowChart(results, { useCase, variant, perspective, lang, colours }),
      });
    }
    add({ id: `waterfall-${useCase}-${scenario}`, useCase, section: 'useCase', config: carbonWaterfallChart(results, { useCase, scenario, lang, colours }) });
    add({ id: `emissions-${useCase}`, useCase, section: 'useCase', config: yearlyEmissionsChart(results, { useCase, variant, lang, colours }) });
    if (useCase === 'buildings') {
      add({ id: `decret-tertiaire-${scenario}`, useCase, section: 'useCase', config: decretTertiaireChart(results, { scenario, lang, colours }) });
    }
  }
  if (results.uncertainty) {
    for (const useCase of results.manifest.useCases) {
      const variant = featuredVariant(results, useCase, scenario);
      const tornado = tornadoChart(results, { useCase, variant, perspective: 'socioEconomic', lang, colours });
      add({ id: `tornado-${useCase}`, useCase, section: 'uncertainty', config: tornado, height: tornadoChartHeight(tornado.data.labels?.length ?? 0) });
      add({ id: `fan-${useCase}`, useCase, section: 'uncertainty', config: fanChart(results, { useCase, variant, perspective: 'socioEconomic', lang, colours }) });
      const probabilities = probabilityChart(results, { useCase, lang, colours });
      add({ id: `probability-${useCase}`, useCase, section: 'uncertainty', config: probabilities, height: probabilityChartHeight(probabilities.data.labels?.length ?? 0) });
    }
  }
  add({ id: `macc-${scenario}`, section: 'portfolio', config: maccChart(results, { scenario, perspective: 'socioEconomic', lang, colours }) });
  if (results.variants.some((v) => v.kind === 'digital')) {
    add({ id: `digital-balance-${scenario}`, section: 'portfolio', config: digitalBalanceChart(results, { scenario, lang, colours }) });
  }

  // Draw every chart first (synchronous), letting the PNG encodings run in the background, then collect them.
  const lib = await load();
  const jobs = planned.map((p) => {
    const height = p.height ?? 560;
    checkRenderOptions('png', 1000, height);
    return {
      p,
      png: drawAndEncode(lib, p.config, 'png', 1000, height),
      svg: options.svg ? drawAndEncode(lib, p.config, 'svg', 1000, height) : undefined,
    };
  });
  // Promise.all handles every rejection (a failed encoding fails the call, none is left unhandled).
  const pngs = await Promise.all(jobs.map((j) => j.png));
  const svgs = await Promise.all(jobs.map((j) => j.svg ?? Promise.resolve(undefined)));
  const out: ReportChart[] = jobs.map(({ p }, i) => {
    const plugins = p.config.options?.plugins;
    const title = plugins?.title?.text;
    const svg = svgs[i];
    return {
      id: p.id,
      ...(p.useCase ? { useCase: p.useCase } : {}),
      section: p.section,
      title: Array.isArray(title) ? title.join(' ') : String(title ?? p.id),
      alt: plugins?.territoiresAlt?.text ?? '',
      png: pngs[i],
      ...(svg ? { svg } : {}),
    };
  });
  return out;
}
