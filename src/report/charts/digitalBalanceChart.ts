/**
 * Chart 6 — the carbon balance of the digital layer, per use case, for one scenario: what the featured digital
 * variant avoids against the status quo and against the best non-digital alternative (both net of its own
 * footprint, since the variant's emissions include it), beside its own footprint (devices, gateways, network,
 * platform: `metrics.digitalTco2e`). Grouped bars with their values written; the footprint is hatched.
 */
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkScenario,
  common,
  defaultScenario,
  featuredVariant,
  plugins,
  rowOf,
  scenarioName,
  statusQuoOf,
  TICK_FONT,
  valueGrid,
  variantName,
  variantsOf,
  wrapLabel,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, roundOrNull, TCO2E, tickFormatter } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt } from './palette.js';
import { hatchPlugin, valueLabelsPlugin } from './plugins.js';

export interface DigitalBalanceOptions extends CommonChartOptions {
  /** Scenario id (default TEND, else the run's first scenario). */
  scenario?: string;
}

/**
 * Per use case with a digital variant: avoided tCO2e against the status quo, avoided tCO2e against the best
 * non-digital alternative (null when the use case has none), and the digital footprint [tCO2e over the
 * horizon, 1 decimal], socio-economic rows (carbon is the same in both perspectives).
 * @example
 * digitalBalanceChart(results, { scenario: 'TEND' }).data.datasets.map((d) => d.data[0])
 * // town example, lighting (cabinet remote control): [2426.9, 111.3, 13.1]
 */
export function digitalBalanceChart(results: RunResults, options: DigitalBalanceOptions = {}): ChartConfiguration<'bar'> {
  const fn = 'digitalBalanceChart';
  const { lang, palette } = common(fn, options);
  const scenario = checkScenario(fn, results, options.scenario ?? defaultScenario(results));

  const entries = results.manifest.useCases
    .filter((useCase) => variantsOf(results, useCase).some((v) => v.kind === 'digital'))
    .map((useCase) => {
      const variant = featuredVariant(results, useCase, scenario);
      const sq = statusQuoOf(results, useCase);
      const vsStatusQuo = rowOf(fn, results, { useCase, variant, scenario, perspective: 'socioEconomic' });
      const vsAlternative = results.results.find(
        (r) => r.useCase === useCase && r.variant === variant && r.scenario === scenario && r.perspective === 'socioEconomic' && r.comparedTo !== sq,
      );
      return {
        useCase,
        variant,
        alternative: vsAlternative?.comparedTo ?? null,
        values: [vsStatusQuo.metrics.avoidedTco2e, vsAlternative ? vsAlternative.metrics.avoidedTco2e : null, vsStatusQuo.metrics.digitalTco2e].map((v) =>
          roundOrNull(v, 1),
        ),
      };
    });

  const keys = ['avoidedVsStatusQuo', 'avoidedVsAlternative', 'digitalFootprint'] as const;
  const colours = [colourAt(palette, 0), colourAt(palette, 2), colourAt(palette, 3)];
  const datasets = keys.map((key, k) => ({
    label: t(key, lang),
    data: entries.map((e) => e.values[k]),
    backgroundColor: colours[k],
    borderColor: colours[k],
    borderWidth: 1,
  }));

  const first = results.manifest.startYear;
  const last = first + results.manifest.horizonYears;
  const parts = entries.map(
    (e) =>
      `${useCaseLabel(e.useCase, lang).toLowerCase()} ${lang === 'fr' ? 'évite' : 'avoids'} ${formatWithUnit(e.values[0] ?? 0, TCO2E, lang)} ${lang === 'fr' ? 'pour une empreinte numérique de' : 'for a digital footprint of'} ${formatWithUnit(e.values[2] ?? 0, TCO2E, lang)}`,
  );
  const alt =
    lang === 'fr'
      ? `Barres du bilan carbone de la couche numérique par cas d'usage (scénario ${scenario})${parts.length > 0 ? ` : ${parts.join(' ; ')}` : ''}.`
      : `Bars of the carbon balance of the digital layer by use case (scenario ${scenario})${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
  const base = baseOptions({
    results,
    lang,
    title: t('digitalTitle', lang),
    subtitle: [scenarioName(results, scenario, lang), t('digitalSubtitle', lang)],
    alt,
    scenarios: [scenario],
  });
  return {
    type: 'bar',
    data: {
      labels: entries.map((e) => [useCaseLabel(e.useCase, lang), ...wrapLabel(variantName(results, e.useCase, e.variant, lang), 30)]),
      datasets,
    },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        territoiresHatch: { datasets: [2] },
        territoiresValueLabels: { datasets: [0, 1, 2], lang, unit: '', decimals: 0, mode: 'value' },
      },
      scales: {
        x: { title: axisTitle(t('useCase', lang)), ticks: { color: '#1a1a1a', font: TICK_FONT }, grid: { display: false } },
        y: {
          grace: '8%',
          title: axisTitle(`${t('digitalAxis', lang)} [${TCO2E} ${first}–${last}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'bar'>(hatchPlugin, valueLabelsPlugin),
  };
}
