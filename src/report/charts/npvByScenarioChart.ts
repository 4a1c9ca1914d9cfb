/**
 * Chart 1 — NPV by scenario and variant, for one use case: grouped bars, one group per scenario, one bar per
 * variant and perspective (financial solid, socio-economic hatched, and said in the legend), each variant against
 * the status quo.
 */
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkUseCase,
  common,
  plugins,
  rowOf,
  scenarioName,
  TICK_FONT,
  valueGrid,
  variantName,
  variantsOf,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, maxAbs, moneyScale, round, tickFormatter } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, withAlpha } from './palette.js';
import { hatchPlugin } from './plugins.js';

export interface NpvByScenarioOptions extends CommonChartOptions {
  /** Use case id (e.g. 'lighting'). */
  useCase: string;
}

/**
 * NPV of every variant against the status quo, by scenario, in both perspectives [k€ or M€, chosen from the
 * largest value]. Values are rounded to the displayed precision (1,000 € on an M€ axis).
 * @example
 * const config = npvByScenarioChart(results, { useCase: 'lighting' });
 * // config.data.labels[0] = ['TEND', 'Tendanciel']; for the town example, LED + télégestion des armoires in TEND:
 * // financial NPV 8.863 M€ (datasets[6].data[0] = 8.863)
 */
export function npvByScenarioChart(results: RunResults, options: NpvByScenarioOptions): ChartConfiguration<'bar'> {
  const fn = 'npvByScenarioChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const scenarios = results.manifest.scenarios;
  const variants = variantsOf(results, useCase).filter((v) => v.kind !== 'statusQuo');

  const raw = variants.flatMap((v) =>
    (['financial', 'socioEconomic'] as const).map((perspective) => ({
      variant: v.id,
      perspective,
      npvEur: scenarios.map((scenario) => rowOf(fn, results, { useCase, variant: v.id, scenario, perspective }).metrics.npvEur),
    })),
  );
  const scale = moneyScale(maxAbs(raw.flatMap((r) => r.npvEur)));

  const datasets = raw.map((r, i) => {
    const colour = colourAt(palette, Math.floor(i / 2));
    const socio = r.perspective === 'socioEconomic';
    return {
      label: `${variantName(results, useCase, r.variant, lang)} (${t(r.perspective, lang)})`,
      data: r.npvEur.map((v) => round(v / scale.factor, scale.decimals)),
      backgroundColor: socio ? withAlpha(colour, 0.75) : colour,
      borderColor: colour,
      borderWidth: 1,
    };
  });
  const hatched = raw.map((r, i) => (r.perspective === 'socioEconomic' ? i : -1)).filter((i) => i >= 0);

  // Alt text: the best bar.
  let best = { value: -Infinity, label: '', scenario: '' };
  datasets.forEach((d) =>
    d.data.forEach((v, j) => {
      if (v > best.value) best = { value: v, label: d.label, scenario: scenarios[j] };
    }),
  );
  const ucName = useCaseLabel(useCase, lang);
  const alt =
    lang === 'fr'
      ? `Diagramme en barres de la valeur actuelle nette de ${variants.length} variantes (${ucName.toLowerCase()}) par rapport au statu quo dans ${scenarios.length} scénarios ; la plus élevée est ${best.label} en ${best.scenario} avec ${formatWithUnit(best.value, scale.unit, lang, scale.decimals)}.`
      : `Bar chart of the net present value of ${variants.length} variants (${ucName.toLowerCase()}) against the status quo in ${scenarios.length} scenarios; the highest is ${best.label} in ${best.scenario} at ${formatWithUnit(best.value, scale.unit, lang, scale.decimals)}.`;

  const base = baseOptions({ results, lang, title: `${ucName} — ${t('npvTitle', lang)}`, subtitle: t('npvSubtitle', lang), alt });
  return {
    type: 'bar',
    data: {
      labels: scenarios.map((s) => scenarioName(results, s, lang).split(' — ')),
      datasets,
    },
    options: {
      ...base,
      plugins: { ...base.plugins, territoiresHatch: { datasets: hatched } },
      scales: {
        x: { title: axisTitle(t('scenario', lang)), ticks: { color: '#1a1a1a', font: TICK_FONT }, grid: { display: false } },
        y: {
          title: axisTitle(`${t('npvAxis', lang)} [${scale.unit}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'bar'>(hatchPlugin),
  };
}
