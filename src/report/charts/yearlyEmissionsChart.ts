/**
 * Chart 4 — yearly emissions of the status quo and of one variant, per scenario (lines), for one use case.
 * Each scenario has its colour and point shape; the variant is a solid line, the status quo a dashed one with
 * hollow points, and the legend names both.
 */
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkUseCase,
  checkVariant,
  common,
  plugins,
  rowOf,
  TICK_FONT,
  valueGrid,
  variantName,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, round, TCO2E, tickFormatter, yearTick } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, pointStyleAt } from './palette.js';

export interface YearlyEmissionsOptions extends CommonChartOptions {
  useCase: string;
  /** Variant id (not the status quo). */
  variant: string;
  /**
   * 'amortised' (default: manufacturing and end of life spread over the equipment's lifetime, the inventory view,
   * which keeps the yearly curve readable) or 'atPurchase' (counted in the year of purchase, the trajectory view
   * of the metrics).
   */
  allocation?: 'amortised' | 'atPurchase';
}

/**
 * Yearly emissions [tCO2e/yr, 1 decimal] of the status quo and of the variant in every scenario, x = calendar
 * year (operating years only in the amortised view; from the investment year at purchase). Series from the comparison rows (`yearly.emissionsAmortisedTco2e` / `referenceEmissionsAmortisedTco2e`,
 * or `emissionsTco2e` / `referenceEmissionsTco2e` at purchase).
 * @example
 * yearlyEmissionsChart(results, { useCase: 'lighting', variant: 'led-telemanagement-cabinet' })
 * // 10 lines: TEND — statu quo, TEND — LED + télégestion des armoires, S1 — …
 */
export function yearlyEmissionsChart(results: RunResults, options: YearlyEmissionsOptions): ChartConfiguration<'line'> {
  const fn = 'yearlyEmissionsChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const variant = checkVariant(fn, results, useCase, options.variant);
  const allocation = options.allocation ?? 'amortised';
  if (allocation !== 'amortised' && allocation !== 'atPurchase') {
    throw new RangeError(`${fn}: options.allocation must be 'amortised' or 'atPurchase', received ${String(allocation)}`);
  }
  const scenarios = results.manifest.scenarios;
  const vName = variantName(results, useCase, variant, lang);
  const rows = scenarios.map((scenario) => rowOf(fn, results, { useCase, variant, scenario, perspective: 'socioEconomic' }));

  const datasets = rows.flatMap((row, i) => {
    const y = row.yearly;
    const own = allocation === 'amortised' ? y.emissionsAmortisedTco2e : y.emissionsTco2e;
    const ref = allocation === 'amortised' ? y.referenceEmissionsAmortisedTco2e : y.referenceEmissionsTco2e;
    const colour = colourAt(palette, i);
    // The amortised view starts in the first operating year: in the investment year nothing runs yet, and a point
    // there would draw a misleading ramp from zero.
    const from = allocation === 'amortised' ? 1 : 0;
    const points = (s: number[]) => y.year.slice(from).map((year, j) => ({ x: year, y: round(s[j + from], 1) }));
    return [
      {
        label: `${scenarios[i]} — ${t('statusQuo', lang)}`,
        data: points(ref),
        borderColor: colour,
        backgroundColor: '#ffffff',
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointStyle: pointStyleAt(i),
        pointRadius: 2.5,
        tension: 0,
      },
      {
        label: `${scenarios[i]} — ${vName}`,
        data: points(own),
        borderColor: colour,
        backgroundColor: colour,
        borderDash: [] as number[],
        borderWidth: 2.5,
        pointStyle: pointStyleAt(i),
        pointRadius: 2.5,
        tension: 0,
      },
    ];
  });

  const ucName = useCaseLabel(useCase, lang);
  const lastYear = rows[0].yearly.year[rows[0].yearly.year.length - 1];
  const tend = datasets.slice(0, 2).map((d) => d.data[d.data.length - 1].y);
  const alt =
    lang === 'fr'
      ? `Courbes des émissions annuelles du statu quo et de « ${vName} » (${ucName.toLowerCase()}) dans ${scenarios.length} scénarios ; en ${lastYear}, scénario ${scenarios[0]}, le statu quo émet ${formatWithUnit(tend[0], `${TCO2E}/an`, lang)} et la variante ${formatWithUnit(tend[1], `${TCO2E}/an`, lang)}.`
      : `Lines of the yearly emissions of the status quo and of "${vName}" (${ucName.toLowerCase()}) in ${scenarios.length} scenarios; in ${lastYear}, scenario ${scenarios[0]}, the status quo emits ${formatWithUnit(tend[0], `${TCO2E}/yr`, lang)} and the variant ${formatWithUnit(tend[1], `${TCO2E}/yr`, lang)}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${t('emissionsTitle', lang)}`,
    subtitle: `${vName} — ${t(allocation, lang)}`,
    alt,
    pointLegend: true,
  });
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      scales: {
        x: {
          type: 'linear',
          min: rows[0].yearly.year[allocation === 'amortised' ? 1 : 0],
          max: lastYear,
          title: axisTitle(t('year', lang)),
          ticks: { callback: yearTick, stepSize: 2, color: '#1a1a1a', font: TICK_FONT },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          title: axisTitle(`${t('emissionsAxis', lang)} [${TCO2E}/${lang === 'fr' ? 'an' : 'yr'}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'line'>(),
  };
}
