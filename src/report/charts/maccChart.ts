/**
 * Chart 5 — marginal abatement cost curve (MACC) across use cases, for one scenario and one perspective.
 *
 * Design: chart.js has no variable-width bar, so the chart is a `scatter` chart on two linear axes where each
 * measure is a dataset of two invisible points, its opposite corners {x: tonnes before it, y: 0} and {x: tonnes
 * after it, y: cost}; the `territoiresMacc` plugin fills the rectangle between them in the dataset's colour and
 * writes the use case's name on it. The axes fit the points by themselves, the legend names every measure with its
 * cost, and the data stay plain numbers in the configuration (snapshot-tested).
 *
 * One measure per use case (the variants of a use case exclude one another, so their tonnes do not add up): the
 * featured variant (see `featuredVariant`) unless `options.variants` names one. Width = tonnes avoided over the
 * horizon against the status quo (`metrics.avoidedTco2e`), height = `metrics.abatementCostEurPerTco2e` (−NPV
 * without the carbon value / tonnes, undiscounted); sorted by cost, cheapest first. A measure that avoids nothing
 * has no abatement cost: it is listed under the chart instead.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Perspective, RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkPerspective,
  checkScenario,
  checkVariant,
  common,
  defaultScenario,
  featuredVariant,
  findRow,
  plugins,
  scenarioName,
  TICK_FONT,
  valueGrid,
  variantName,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, round, TCO2E, tickFormatter } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt } from './palette.js';
import { maccPlugin } from './plugins.js';

export interface MaccOptions extends CommonChartOptions {
  /** Scenario id (default TEND, else the run's first scenario). */
  scenario?: string;
  perspective: Perspective;
  /** Variant shown per use case (default: the featured variant). */
  variants?: Record<string, string>;
}

/**
 * Marginal abatement cost curve: one rectangle per use case, width = avoided tCO2e (1 decimal), height =
 * €/tCO2e (0 decimals), sorted by cost.
 * @example
 * maccChart(results, { scenario: 'TEND', perspective: 'socioEconomic' }).data.datasets[0].data
 * // town example: [{ x: 0, y: 0 }, { x: 2426.9, y: -2312 }] (lighting, cabinet remote control saves 2,312 €/t)
 */
export function maccChart(results: RunResults, options: MaccOptions): ChartConfiguration<'scatter'> {
  const fn = 'maccChart';
  const { lang, palette } = common(fn, options);
  const scenario = checkScenario(fn, results, options.scenario ?? defaultScenario(results));
  const perspective = checkPerspective(fn, options.perspective);

  const shown: { useCase: string; variant: string; avoided: number; cost: number }[] = [];
  const excluded: string[] = [];
  for (const useCase of results.manifest.useCases) {
    const chosen = options.variants?.[useCase];
    const variant = chosen === undefined ? featuredVariant(results, useCase, scenario) : checkVariant(fn, results, useCase, chosen);
    const row = findRow(results, { useCase, variant, scenario, perspective });
    const cost = row?.metrics.abatementCostEurPerTco2e ?? null;
    const avoided = row ? round(row.metrics.avoidedTco2e, 1) : 0;
    if (cost === null || !(avoided > 0)) excluded.push(`${useCaseLabel(useCase, lang)} — ${variantName(results, useCase, variant, lang)}`);
    else shown.push({ useCase, variant, avoided, cost: round(cost, 0) });
  }
  shown.sort((a, b) => a.cost - b.cost);

  let x = 0;
  const datasets = shown.map((m, i) => {
    const x0 = x;
    x = round(x + m.avoided, 1);
    const colour = colourAt(palette, i);
    return {
      label: `${useCaseLabel(m.useCase, lang)} — ${variantName(results, m.useCase, m.variant, lang)} (${formatWithUnit(m.cost, `€/${TCO2E}`, lang, 0)})`,
      data: [
        { x: x0, y: 0 },
        { x, y: m.cost },
      ],
      backgroundColor: colour,
      borderColor: colour,
      pointRadius: 0,
      showLine: false,
    };
  });

  const first = results.manifest.startYear;
  const last = first + results.manifest.horizonYears;
  const subtitle = [`${scenarioName(results, scenario, lang)} — ${t('perspectiveWord', lang)} ${t(perspective, lang)}`, t('maccSubtitle', lang)];
  if (excluded.length > 0) subtitle.push(`${t('notShown', lang)}${lang === 'fr' ? '\u00a0: ' : ': '}${excluded.join(' ; ')}`);
  const cheapest = shown[0];
  const alt =
    lang === 'fr'
      ? `Courbe des coûts d'abattement de ${shown.length} mesure(s) (scénario ${scenario}, perspective ${t(perspective, lang)}) totalisant ${formatWithUnit(x, TCO2E, lang)} évitées${cheapest ? ` ; la moins coûteuse est ${useCaseLabel(cheapest.useCase, lang).toLowerCase()} à ${formatWithUnit(cheapest.cost, `€/${TCO2E}`, lang, 0)}` : ''}${excluded.length > 0 ? ` ; ${excluded.length} sans émission évitée` : ''}.`
      : `Abatement cost curve of ${shown.length} measure(s) (scenario ${scenario}, ${t(perspective, lang)} perspective) avoiding ${formatWithUnit(x, TCO2E, lang)} in total${cheapest ? `; the cheapest is ${useCaseLabel(cheapest.useCase, lang).toLowerCase()} at ${formatWithUnit(cheapest.cost, `€/${TCO2E}`, lang, 0)}` : ''}${excluded.length > 0 ? `; ${excluded.length} avoid nothing` : ''}.`;
  const base = baseOptions({ results, lang, title: t('maccTitle', lang), subtitle, alt, scenarios: [scenario] });
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        territoiresMacc: { labels: shown.map((m) => useCaseLabel(m.useCase, lang)) },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.max(x, 1),
          title: axisTitle(`${t('maccX', lang)} [${TCO2E} ${first}–${last}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          grace: '10%',
          title: axisTitle(`${t('maccY', lang)} [€/${TCO2E}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'scatter'>(maccPlugin),
  };
}
