/**
 * Chart 3 — lifecycle carbon waterfall per variant against the status quo, for one use case and scenario.
 *
 * One group of four floating bars per variant, read left to right: the difference from the status quo in
 * manufacturing (0 → Δfab), then use (Δfab → Δfab + Δuse), then end of life (→ net), then the net total (0 → net).
 * Differences are over the horizon, phases at purchase (DESIGN.md: manufacturing counted in the year of purchase,
 * residual credit at the horizon), from the variant's and the status quo's flows (`embodiedKgCo2e`,
 * `useKgCo2e`, `endOfLifeKgCo2e`). Each bar is labelled with its length (the unit is on the axis); the net bar
 * is also hatched.
 */
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkScenario,
  checkUseCase,
  common,
  defaultScenario,
  flowOf,
  plugins,
  scenarioName,
  statusQuoOf,
  TICK_FONT,
  total,
  valueGrid,
  variantName,
  variantsOf,
  wrapLabel,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, round, TCO2E, tickFormatter } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt } from './palette.js';
import { hatchPlugin, valueLabelsPlugin } from './plugins.js';

export interface CarbonWaterfallOptions extends CommonChartOptions {
  useCase: string;
  /** Scenario id (default TEND, else the run's first scenario). */
  scenario?: string;
}

const PHASES = [
  { key: 'manufacturing', series: 'embodiedKgCo2e', colour: 1 },
  { key: 'use', series: 'useKgCo2e', colour: 0 },
  { key: 'endOfLife', series: 'endOfLifeKgCo2e', colour: 4 },
] as const;

/**
 * Lifecycle emissions of each variant minus the status quo's, by phase, and the net difference [tCO2e over the
 * horizon], 1 decimal. The net equals `metrics.netTco2e` of the variant against the status quo.
 * @example
 * carbonWaterfallChart(results, { useCase: 'lighting', scenario: 'TEND' }).data.datasets[3].data[0]
 * // [0, -1698.4]: LED retrofit, net over 25 years in the town example (metrics.netTco2e = -1698.4)
 */
export function carbonWaterfallChart(results: RunResults, options: CarbonWaterfallOptions): ChartConfiguration<'bar'> {
  const fn = 'carbonWaterfallChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const scenario = checkScenario(fn, results, options.scenario ?? defaultScenario(results));
  const sq = flowOf(fn, results, useCase, scenario, statusQuoOf(results, useCase));
  const variants = variantsOf(results, useCase).filter((v) => v.kind !== 'statusQuo');

  const steps = variants.map((v) => {
    const f = flowOf(fn, results, useCase, scenario, v.id);
    const deltas = PHASES.map((p) => (total(f[p.series]) - total(sq[p.series])) / 1000);
    const ends: number[] = [];
    let cum = 0;
    for (const d of deltas) {
      cum += d;
      ends.push(cum);
    }
    return { id: v.id, deltas, ends, net: cum };
  });
  const datasets = [
    ...PHASES.map((p, k) => ({
      label: t(p.key, lang),
      data: steps.map((s) => [round(k === 0 ? 0 : s.ends[k - 1], 1), round(s.ends[k], 1)] as [number, number]),
      backgroundColor: colourAt(palette, p.colour),
      borderColor: colourAt(palette, p.colour),
      borderWidth: 1,
      categoryPercentage: 0.9,
      barPercentage: 0.92,
    })),
    {
      label: t('net', lang),
      data: steps.map((s) => [0, round(s.net, 1)] as [number, number]),
      backgroundColor: colourAt(palette, 6),
      borderColor: colourAt(palette, 6),
      borderWidth: 1,
      categoryPercentage: 0.9,
      barPercentage: 0.92,
    },
  ];

  const ucName = useCaseLabel(useCase, lang);
  const first = results.manifest.startYear;
  const last = first + results.manifest.horizonYears;
  const best = steps.reduce((a, b) => (b.net < a.net ? b : a), steps[0]);
  const bestText = `${variantName(results, useCase, best.id, lang)} (${formatWithUnit(round(best.net, 1), TCO2E, lang)})`;
  const alt =
    lang === 'fr'
      ? `Cascade du bilan carbone sur le cycle de vie de ${steps.length} variantes (${ucName.toLowerCase()}, scénario ${scenario}) par rapport au statu quo, phase par phase (fabrication, usage, fin de vie) jusqu'au bilan net ; le bilan net le plus bas est celui de ${bestText}.`
      : `Waterfall of the lifecycle carbon of ${steps.length} variants (${ucName.toLowerCase()}, scenario ${scenario}) against the status quo, phase by phase (manufacturing, use, end of life) to the net balance; the lowest net balance is ${bestText}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${t('waterfallTitle', lang)}`,
    subtitle: [scenarioName(results, scenario, lang), t('waterfallSubtitle', lang)],
    alt,
    scenarios: [scenario],
  });
  return {
    type: 'bar',
    data: { labels: variants.map((v) => wrapLabel(variantName(results, useCase, v.id, lang))), datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        territoiresHatch: { datasets: [3] },
        territoiresValueLabels: { datasets: [0, 1, 2, 3], lang, unit: '', decimals: 0, mode: 'delta' },
      },
      scales: {
        x: { title: axisTitle(t('variant', lang)), ticks: { color: '#1a1a1a', font: TICK_FONT }, grid: { display: false } },
        y: {
          title: axisTitle(`${t('waterfallAxis', lang)} [${TCO2E} ${first}–${last}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
          grace: '8%',
        },
      },
    },
    plugins: plugins<'bar'>(hatchPlugin, valueLabelsPlugin),
  };
}
