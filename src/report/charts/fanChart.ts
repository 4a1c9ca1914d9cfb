/**
 * Fan chart — the spread of a variant's NPV by scenario, from the Monte Carlo summaries (`results.uncertainty`).
 *
 * Per scenario: a wide light band from P5 to P95 (90 % of the draws), a narrow dark band from P10 to P90 (80 %),
 * a diamond at the median (P50) and a cross at the deterministic run's value. Scenarios share the draws (common
 * random numbers), so the bands compare scenarios under the same uncertainty.
 *
 * Not colour alone: the bands differ in width, the markers in shape, and P10, P50 and P90 are written beside each
 * band.
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
  rowOf,
  scenarioName,
  TICK_FONT,
  valueGrid,
  variantName,
  type CommonChartOptions,
} from './common.js';
import { formatNumber, maxAbs, moneyScale, round, tickFormatter } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, INK, tint } from './palette.js';
import { outputAxis } from './tornadoChart.js';
import { drawsLine, monteCarloRowOf, ut } from './uncertaintyCommon.js';
import { annotationsPlugin, type AnnotationText } from './uncertaintyPlugins.js';

export interface FanChartOptions extends CommonChartOptions {
  useCase: string;
  /** A variant of the use case other than the status quo. */
  variant: string;
  perspective: Perspective;
}

/** Half the width of the wide band [px]: the percentile texts start just beyond it. */
const OUTER_HALF_WIDTH_PX = 36;

/**
 * NPV percentiles of one variant against the status quo, by scenario [€ shown in k€ or M€]: P5–P95 and P10–P90
 * bands, the median, and the deterministic value. Values are rounded to the displayed precision.
 * @example
 * const c = fanChart(results, { useCase: 'lighting', variant: 'led', perspective: 'socioEconomic' });
 * // c.data.datasets[1].data[0] = [P10, P90] of the socio-economic NPV in TEND, in M€ (town example: ≈ [2.6, 6.9])
 */
export function fanChart(results: RunResults, options: FanChartOptions): ChartConfiguration<'bar' | 'line'> {
  const fn = 'fanChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const variant = checkVariant(fn, results, useCase, options.variant);
  const perspective = checkPerspective(fn, options.perspective);
  const scenarios = results.manifest.scenarios;
  const summaries = scenarios.map((scenario) => monteCarloRowOf(fn, results, { useCase, variant, scenario, perspective }).metrics.npvEur);
  const deterministic = scenarios.map((scenario) => rowOf(fn, results, { useCase, variant, scenario, perspective }).metrics.npvEur);
  const scale = moneyScale(maxAbs([...summaries.flatMap((s) => [s.p5, s.p95]), ...deterministic]));
  const v = (x: number | null) => (x === null ? null : round(x / scale.factor, scale.decimals));
  const band = (a: number | null, b: number | null) => (a === null || b === null ? null : ([v(a)!, v(b)!] as [number, number]));
  const decimals = scale.unit === 'M€' ? 2 : 0;

  const colour = colourAt(palette, 0);
  const datasets = [
    {
      type: 'bar' as const,
      label: ut('band90', lang),
      data: summaries.map((s) => band(s.p5, s.p95)),
      backgroundColor: tint(colour, 0.3),
      borderColor: colour,
      borderWidth: 1,
      grouped: false,
      barPercentage: 0.9,
      categoryPercentage: 0.9,
      maxBarThickness: 2 * OUTER_HALF_WIDTH_PX,
      pointStyle: 'rect' as const,
      order: 3,
    },
    {
      type: 'bar' as const,
      label: ut('band80', lang),
      data: summaries.map((s) => band(s.p10, s.p90)),
      backgroundColor: colour,
      borderColor: colour,
      borderWidth: 1,
      grouped: false,
      barPercentage: 0.5,
      categoryPercentage: 0.9,
      maxBarThickness: OUTER_HALF_WIDTH_PX,
      pointStyle: 'rect' as const,
      order: 2,
    },
    {
      type: 'line' as const,
      label: ut('median', lang),
      data: summaries.map((s) => v(s.p50)),
      showLine: false,
      pointStyle: 'rectRot' as const,
      pointRadius: 8,
      backgroundColor: '#ffffff',
      borderColor: INK,
      borderWidth: 2,
      order: 1,
    },
    {
      type: 'line' as const,
      label: ut('deterministic', lang),
      data: deterministic.map((x) => v(x)),
      showLine: false,
      pointStyle: 'crossRot' as const,
      pointRadius: 9,
      backgroundColor: colourAt(palette, 3),
      borderColor: colourAt(palette, 3),
      borderWidth: 3,
      order: 0,
    },
  ];

  const texts: AnnotationText[] = summaries.flatMap((s, i) =>
    (['p90', 'p50', 'p10'] as const).flatMap((k) => {
      const x = v(s[k]);
      if (x === null) return [];
      return [{ x: i, y: x, text: `${k.toUpperCase()} ${formatNumber(x, lang, decimals, decimals)}`, align: 'left' as const, dx: OUTER_HALF_WIDTH_PX + 6, bold: k === 'p50' }];
    }),
  );

  const ucName = useCaseLabel(useCase, lang);
  const name = variantName(results, useCase, variant, lang);
  const what = outputAxis('npvEur', perspective, scale.unit, lang).replace(/ \[.*\]$/, '');
  const bands = scenarios
    .map((sc, i) => {
      const s = summaries[i];
      if (s.p10 === null || s.p90 === null) return `${sc} —`;
      return `${sc} ${formatNumber(v(s.p10)!, lang, decimals, decimals)}–${formatNumber(v(s.p90)!, lang, decimals, decimals)}`;
    })
    .join(', ');
  const alt =
    lang === 'fr'
      ? `Éventail de la ${what} de « ${name} » (${ucName.toLowerCase()}) par scénario sur ${drawsLine(results, lang)} : de P10 à P90, en ${scale.unit}, ${bands}.`
      : `Fan chart of the ${what} of “${name}” (${ucName.toLowerCase()}) by scenario over ${drawsLine(results, lang)}: P10 to P90, in ${scale.unit}, ${bands}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${ut('fanTitle', lang)}`,
    subtitle: [`${name} · ${what} · ${drawsLine(results, lang)}`, ut('fanSubtitle', lang)],
    alt,
    pointLegend: true,
  });
  return {
    type: 'bar',
    data: { labels: scenarios.map((s) => scenarioName(results, s, lang).split(' — ')), datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        territoiresAnnotations: { texts, verticals: [] },
        // Bands first, then the markers (the draw order, `order`, would otherwise set the legend's).
        legend: { ...base.plugins.legend, labels: { ...base.plugins.legend.labels, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
      },
      scales: {
        x: { title: axisTitle(t('scenario', lang)), ticks: { color: INK, font: TICK_FONT }, grid: { display: false } },
        y: {
          title: axisTitle(outputAxis('npvEur', perspective, scale.unit, lang)),
          ticks: { callback: tickFormatter(lang), color: INK, font: TICK_FONT },
          grid: valueGrid(),
          grace: '5%',
        },
      },
    },
    plugins: plugins<'bar' | 'line'>(annotationsPlugin),
  };
}

