/**
 * Tornado chart — which uncertain quantities move one result most, for one variant against the status quo.
 *
 * One row per quantity, widest swing first (from `results.uncertainty.tornado`, computed one at a time by
 * src/evaluate/sensitivity.ts on the run's first scenario): two horizontal floating bars from the base value (every
 * quantity at its base), one to the output with the quantity at its P10, one to the output with it at its P90;
 * together they span the output's range for that quantity. The base value is a dashed vertical line.
 *
 * Not colour alone: each bar's end carries its value prefixed with `P10` or `P90`, the P90 bar has a thicker
 * border, the row label gives the quantity's P10 and P90 values with their unit, and the legend names both bars.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Perspective, RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkPerspective,
  checkUseCase,
  checkVariant,
  common,
  plugins,
  scenarioName,
  TICK_FONT,
  valueGrid,
  variantName,
  wrapLabel,
  type CommonChartOptions,
} from './common.js';
import { formatNumber, maxAbs, moneyScale, round, TCO2E, tickFormatter, type MoneyScale } from './format.js';
import { t, useCaseLabel, type Lang } from './labels.js';
import { colourAt, INK } from './palette.js';
import { quantityLabel, quantityValue, tornadoOutputOf, uncertaintyOf, ut } from './uncertaintyCommon.js';
import { annotationsPlugin } from './uncertaintyPlugins.js';

export interface TornadoChartOptions extends CommonChartOptions {
  useCase: string;
  /** A variant of the use case other than the status quo. */
  variant: string;
  perspective: Perspective;
  /** The output: 'npvEur' (default) or 'netTco2e'. */
  metric?: 'npvEur' | 'netTco2e';
  /** Rows shown at most, widest swing first (default: every row the run kept, 10 from `territoires run`). */
  top?: number;
}

/** Display scale of the output: money as €, k€ or M€; tonnes as they are. */
function outputScale(metric: 'npvEur' | 'netTco2e', values: number[]): MoneyScale | { factor: 1; unit: string; decimals: number } {
  return metric === 'npvEur' ? moneyScale(maxAbs(values)) : { factor: 1, unit: TCO2E, decimals: 1 };
}

/** Decimals of the value labels: two in M€, none otherwise. */
const labelDecimals = (unit: string): number => (unit === 'M€' ? 2 : 0);

/**
 * Height of the tornado image for a number of rows [px]: room for three label lines per row.
 * @example tornadoChartHeight(10) // 620
 */
export function tornadoChartHeight(rows: number): number {
  return Math.max(420, 200 + 42 * rows);
}

/**
 * Axis title of an output in a perspective, with its unit.
 * @example outputAxis('npvEur', 'socioEconomic', 'M€', 'fr') // 'VAN socio-économique [M€]'
 */
export function outputAxis(metric: 'npvEur' | 'netTco2e', perspective: Perspective, unit: string, lang: Lang): string {
  if (metric === 'netTco2e') return `${ut('netAxis', lang)} [${unit}]`;
  return `${t(perspective === 'financial' ? 'npvFinancial' : 'npvSocio', lang)} [${unit}]`;
}

/**
 * The tornado of one output: for each quantity (widest swing first), the output with that quantity at its P10
 * and at its P90, the others at their base value [€ shown in k€ or M€, or tCO2e]. Values are rounded to the
 * displayed precision.
 * @example
 * const c = tornadoChart(results, { useCase: 'lighting', variant: 'led', perspective: 'socioEconomic' });
 * // c.data.datasets[0].data[0] = [4.241, 2.972]: base 4.241 M€ and, with the electricity price path at its P10
 * // (× 0.79), 2.972 M€ (town example, TEND)
 */
export function tornadoChart(results: RunResults, options: TornadoChartOptions): ChartConfiguration<'bar'> {
  const fn = 'tornadoChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const variant = checkVariant(fn, results, useCase, options.variant);
  const perspective = checkPerspective(fn, options.perspective);
  const metric = options.metric ?? 'npvEur';
  if (metric !== 'npvEur' && metric !== 'netTco2e') throw new RangeError(`${fn}: options.metric must be 'npvEur' or 'netTco2e', received ${String(metric)}`);
  const top = options.top ?? Infinity;
  if (!(top >= 1)) throw new RangeError(`${fn}: options.top must be at least 1, received ${top}`);
  const scenario = uncertaintyOf(fn, results).tornado.scenario;
  const out = tornadoOutputOf(fn, results, { useCase, variant, perspective, metric });
  // A quantity that moves nothing has no bar to show.
  const rows = out.rows.filter((r) => r.swing > 0).slice(0, top);
  const baseValue = out.base ?? (rows.length > 0 ? (rows[0].outputAtLow + rows[0].outputAtHigh) / 2 : 0);
  const scale = outputScale(metric, [baseValue, ...rows.flatMap((r) => [r.outputAtLow, r.outputAtHigh])]);
  const v = (x: number) => round(x / scale.factor, scale.decimals);
  const decimals = labelDecimals(scale.unit);
  const base = v(baseValue);
  // Room on both sides for the value labels; zero need not be on the axis (the zero line shows when it is).
  const ends = [base, ...rows.flatMap((r) => [v(r.outputAtLow), v(r.outputAtHigh)])];
  const [lo, hi] = [Math.min(...ends), Math.max(...ends)];
  const pad = hi > lo ? 0.2 * (hi - lo) : Math.max(1, Math.abs(hi) * 0.2);

  const low = colourAt(palette, 0);
  const high = colourAt(palette, 1);
  const datasets = [
    {
      label: ut('atP10', lang),
      data: rows.map((r) => [base, v(r.outputAtLow)] as [number, number]),
      backgroundColor: low,
      borderColor: low,
      borderWidth: 1,
      grouped: false,
      barPercentage: 0.75,
      categoryPercentage: 0.9,
    },
    {
      label: ut('atP90', lang),
      data: rows.map((r) => [base, v(r.outputAtHigh)] as [number, number]),
      backgroundColor: high,
      borderColor: INK,
      borderWidth: 2,
      grouped: false,
      barPercentage: 0.75,
      categoryPercentage: 0.9,
    },
  ];
  const fmt = (x: number) => formatNumber(x, lang, decimals, decimals);
  const withUnit = (x: number) => `${fmt(x)}\u00a0${scale.unit}`;
  const barText = (which: 'P10' | 'P90', x: number) => `${which} ${fmt(x)}`;

  const ucName = useCaseLabel(useCase, lang);
  const name = variantName(results, useCase, variant, lang);
  const what = outputAxis(metric, perspective, scale.unit, lang).replace(/ \[.*\]$/, '');
  const widest = rows[0];
  const widestText = widest
    ? lang === 'fr'
      ? ` ; la plus influente est « ${quantityLabel(results, widest.name, lang)} » (de ${withUnit(Math.min(v(widest.outputAtLow), v(widest.outputAtHigh)))} à ${withUnit(Math.max(v(widest.outputAtLow), v(widest.outputAtHigh)))})`
      : `; the most influential is “${quantityLabel(results, widest.name, lang)}” (from ${withUnit(Math.min(v(widest.outputAtLow), v(widest.outputAtHigh)))} to ${withUnit(Math.max(v(widest.outputAtLow), v(widest.outputAtHigh)))})`
    : lang === 'fr'
      ? ' ; aucune grandeur incertaine ne la fait varier'
      : '; no uncertain quantity moves it';
  const alt =
    lang === 'fr'
      ? `Diagramme en tornade de la ${what} de « ${name} » (${ucName.toLowerCase()}, scénario ${scenario}) : ${rows.length} grandeurs incertaines, chacune à son P10 puis à son P90 autour de la valeur de base ${withUnit(base)}${widestText}.`
      : `Tornado chart of the ${what} of “${name}” (${ucName.toLowerCase()}, scenario ${scenario}): ${rows.length} uncertain quantities, each at its P10 then its P90 around the base value ${withUnit(base)}${widestText}.`;
  const options0 = baseOptions({
    results,
    lang,
    title: `${ucName} — ${ut('tornadoTitle', lang)}`,
    subtitle: [`${name} · ${what} · ${scenarioName(results, scenario, lang)}`, ut('tornadoSubtitle', lang)],
    alt,
    scenarios: [scenario],
  });
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => [
        ...wrapLabel(quantityLabel(results, r.name, lang), 44),
        `P10 ${quantityValue(r.low, r.unit, r.kind, lang)} · P90 ${quantityValue(r.high, r.unit, r.kind, lang)}`,
      ]),
      datasets,
    },
    options: {
      ...options0,
      indexAxis: 'y',
      layout: { padding: { top: 22, right: 24, bottom: 28, left: 8 } },
      plugins: {
        ...options0.plugins,
        territoiresAnnotations: {
          texts: [],
          bars: [
            { dataset: 0, texts: rows.map((r) => barText('P10', v(r.outputAtLow))) },
            { dataset: 1, texts: rows.map((r) => barText('P90', v(r.outputAtHigh))) },
          ],
          verticals: out.base === null ? [] : [{ x: base, text: `${ut('base', lang)}${lang === 'fr' ? '\u00a0: ' : ': '}${withUnit(base)}` }],
        },
      },
      scales: {
        x: {
          title: axisTitle(outputAxis(metric, perspective, scale.unit, lang)),
          ticks: { callback: tickFormatter(lang), color: INK, font: TICK_FONT },
          grid: valueGrid(),
          beginAtZero: false,
          suggestedMin: round(lo - pad, scale.decimals),
          suggestedMax: round(hi + pad, scale.decimals),
        },
        y: { ticks: { color: INK, font: { size: 10 }, autoSkip: false }, grid: { display: false } },
      },
    },
    plugins: plugins<'bar'>(annotationsPlugin),
  };
}
