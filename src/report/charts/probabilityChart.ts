/**
 * Probability chart — for each variant of a use case and each scenario, the share of the Monte Carlo draws where
 * the NPV is positive, where the net carbon balance is negative (the variant avoids emissions), and where both
 * hold (`results.uncertainty.montecarlo`, probabilities against the status quo).
 *
 * Grouped horizontal bars, one group per variant and scenario (variants in model order, scenarios in run order),
 * three bars per group. Not colour alone: each bar's label names what it measures and gives its percentage.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Perspective, RunResults } from '../../evaluate/engine.js';
import { axisTitle, baseOptions, checkPerspective, checkUseCase, common, plugins, TICK_FONT, variantName, variantsOf, wrapLabel, type CommonChartOptions } from './common.js';
import { formatNumber, round } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, GRID, INK } from './palette.js';
import { drawsLine, monteCarloRowOf, ut, type UncertaintyTextKey } from './uncertaintyCommon.js';
import { annotationsPlugin } from './uncertaintyPlugins.js';

export interface ProbabilityChartOptions extends CommonChartOptions {
  useCase: string;
  /** Perspective of P(NPV > 0) (default 'socioEconomic'); the carbon balance does not depend on it. */
  perspective?: Perspective;
}

const MEASURES: { key: 'npvPositive' | 'netNegative' | 'both'; colour: number }[] = [
  { key: 'npvPositive', colour: 0 },
  { key: 'netNegative', colour: 2 },
  { key: 'both', colour: 6 },
];

/**
 * Height of the probability image for a number of groups (variant × scenario) [px]: three 16 px bars per group.
 * @example probabilityChartHeight(4) // 390
 */
export function probabilityChartHeight(groups: number): number {
  return Math.max(360, 198 + 48 * groups);
}

/**
 * P(NPV > 0), P(net tCO2e < 0) and P(both) over the draws, per variant and scenario [%, 1 decimal].
 * @example
 * const c = probabilityChart(results, { useCase: 'lighting' });
 * // c.data.datasets[0].data[0] = 100: the LED retrofit's socio-economic NPV is positive in every draw under TEND
 * // (town example, montecarlo.results[…].probabilities.npvPositive = 1)
 */
export function probabilityChart(results: RunResults, options: ProbabilityChartOptions): ChartConfiguration<'bar'> {
  const fn = 'probabilityChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const perspective = checkPerspective(fn, options.perspective ?? 'socioEconomic');
  const scenarios = results.manifest.scenarios;
  const variants = variantsOf(results, useCase).filter((v) => v.kind !== 'statusQuo');
  const groups = variants.flatMap((v) =>
    scenarios.map((scenario, j) => ({
      variant: v.id,
      scenario,
      first: j === 0,
      p: monteCarloRowOf(fn, results, { useCase, variant: v.id, scenario, perspective }).probabilities,
    })),
  );
  const pct = (x: number) => round(x * 100, 1);
  const label = (key: UncertaintyTextKey) => (key === 'npvPositive' ? `${ut('npvPositive', lang)} (${t(perspective, lang)})` : ut(key, lang));
  const datasets = MEASURES.map((m) => ({
    label: label(m.key),
    data: groups.map((g) => pct(g.p[m.key])),
    backgroundColor: colourAt(palette, m.colour),
    borderColor: colourAt(palette, m.colour),
    borderWidth: 1,
    barPercentage: 0.9,
    categoryPercentage: 0.85,
  }));
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  // One decimal at most, and never « 100 % » or « 0 % » unless every draw or none agrees.
  const shown = (p: number) => {
    const x = pct(p);
    if (x === 100 && p < 1) return `>\u00a0${formatNumber(99.9, lang, 1)}`;
    if (x === 0 && p > 0) return `<\u00a0${formatNumber(0.1, lang, 1)}`;
    return formatNumber(x, lang, 1);
  };
  const texts = MEASURES.map((m, k) => ({
    dataset: k,
    texts: groups.map((g) => `${ut(m.key, lang)}${colon}${shown(g.p[m.key])}\u00a0%`),
  }));

  const ucName = useCaseLabel(useCase, lang);
  const best = groups.reduce((a, b) => (b.p.both > a.p.both ? b : a), groups[0]);
  const bestText = best
    ? lang === 'fr'
      ? ` ; la plus forte probabilité des deux à la fois est celle de « ${variantName(results, useCase, best.variant, lang)} » sous ${best.scenario} (${shown(best.p.both)} %)`
      : `; the highest probability of both is “${variantName(results, useCase, best.variant, lang)}” under ${best.scenario} (${shown(best.p.both)} %)`
    : '';
  const alt =
    lang === 'fr'
      ? `Barres horizontales des probabilités sur ${drawsLine(results, lang)} pour ${variants.length} variantes (${ucName.toLowerCase()}) et ${scenarios.length} scénarios : VAN positive, bilan carbone net négatif, et les deux${bestText}.`
      : `Horizontal bars of the probabilities over ${drawsLine(results, lang)} for ${variants.length} variants (${ucName.toLowerCase()}) and ${scenarios.length} scenarios: positive NPV, negative net carbon balance, and both${bestText}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${ut('probabilityTitle', lang)}`,
    subtitle: [drawsLine(results, lang), ut('probabilitySubtitle', lang)],
    alt,
  });
  return {
    type: 'bar',
    data: {
      labels: groups.map((g) => (g.first ? [...wrapLabel(variantName(results, useCase, g.variant, lang), 30), g.scenario] : [g.scenario])),
      datasets,
    },
    options: {
      ...base,
      indexAxis: 'y',
      layout: { padding: { top: 8, right: 130, bottom: 28, left: 8 } },
      plugins: { ...base.plugins, territoiresAnnotations: { texts: [], bars: texts, verticals: [] } },
      scales: {
        x: {
          min: 0,
          max: 100,
          title: axisTitle(`${ut('probabilityAxis', lang)} [%]`),
          ticks: { callback: (value: number | string) => (typeof value === 'number' ? `${formatNumber(value, lang, 0)}` : value), color: INK, font: TICK_FONT, stepSize: 10 },
          grid: { color: GRID },
        },
        y: { ticks: { color: INK, font: { size: 10 }, autoSkip: false }, grid: { display: false } },
      },
    },
    plugins: plugins<'bar'>(annotationsPlugin),
  };
}
