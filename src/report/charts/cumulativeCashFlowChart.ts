/**
 * Chart 2 — cumulative discounted cash flow of one variant against the status quo, one line per scenario over
 * the years, with the discounted payback year marked on each line (a diamond and its year, drawn by the
 * `territoiresMarkers` plugin) and written in the legend.
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
  TICK_FONT,
  valueGrid,
  variantName,
  type CommonChartOptions,
} from './common.js';
import { formatWithUnit, formatYear, maxAbs, moneyScale, round, tickFormatter, yearTick } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, dashAt, pointStyleAt } from './palette.js';
import { markersPlugin, type Marker } from './plugins.js';

export interface CumulativeCashFlowOptions extends CommonChartOptions {
  useCase: string;
  /** Variant id (not the status quo). */
  variant: string;
  /** 'financial' (the authority's budget) or 'socioEconomic' (society). */
  perspective: Perspective;
}

/**
 * Cumulative discounted incremental cash flow (status quo cost − variant cost, discounted, summed) per scenario
 * [k€ or M€], x = calendar year; the discounted payback year (`metrics.discountedPaybackYears` after the start
 * year, interpolated by the engine) marked where it exists.
 * @example
 * cumulativeCashFlowChart(results, { useCase: 'lighting', variant: 'led-telemanagement-cabinet', perspective: 'financial' })
 * // town example, TEND: discounted payback ≈5 years, the line crosses zero around 2026 + 5 = 2031, marked "TEND : 2031"
 */
export function cumulativeCashFlowChart(results: RunResults, options: CumulativeCashFlowOptions): ChartConfiguration<'line'> {
  const fn = 'cumulativeCashFlowChart';
  const { lang, palette } = common(fn, options);
  const useCase = checkUseCase(fn, results, options.useCase);
  const variant = checkVariant(fn, results, useCase, options.variant);
  const perspective = checkPerspective(fn, options.perspective);
  const scenarios = results.manifest.scenarios;
  const start = results.manifest.startYear;

  const rows = scenarios.map((scenario) => rowOf(fn, results, { useCase, variant, scenario, perspective }));
  const scale = moneyScale(maxAbs(rows.flatMap((r) => r.yearly.cumulativeDiscountedCashFlowEur)));
  const markers: Marker[] = [];
  // French typography: a no-break space before the colon.
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const datasets = rows.map((row, i) => {
    const colour = colourAt(palette, i);
    const payback = row.metrics.discountedPaybackYears;
    const paybackYear = payback === null ? null : round(start + payback, 1);
    if (paybackYear !== null) {
      markers.push({ x: paybackYear, y: 0, text: `${scenarios[i]}${colon}${formatYear(paybackYear, lang)}`, colour, row: 0 });
    }
    const suffix = paybackYear === null ? t('noPayback', lang) : `${t('payback', lang)} ${formatYear(paybackYear, lang)}`;
    return {
      label: `${scenarios[i]} (${suffix})`,
      data: row.yearly.year.map((year, j) => ({ x: year, y: round(row.yearly.cumulativeDiscountedCashFlowEur[j] / scale.factor, scale.decimals) })),
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dashAt(i),
      borderWidth: 2,
      pointStyle: pointStyleAt(i),
      pointRadius: 2.5,
      tension: 0,
    };
  });
  // Markers close to each other get their labels on separate text rows.
  markers.sort((a, b) => a.x - b.x);
  markers.forEach((m, k) => {
    if (k > 0 && m.x - markers[k - 1].x < 2.5) m.row = markers[k - 1].row + 1;
  });

  const ucName = useCaseLabel(useCase, lang);
  const vName = variantName(results, useCase, variant, lang);
  const reached = rows.filter((r) => r.metrics.discountedPaybackYears !== null).length;
  const finalTend = datasets[0].data[datasets[0].data.length - 1].y;
  const alt =
    lang === 'fr'
      ? `Courbes du flux de trésorerie actualisé cumulé de « ${vName} » par rapport au statu quo (perspective ${t(perspective, lang)}) dans ${scenarios.length} scénarios ; le retour sur investissement actualisé ${reached === 0 ? "n'est atteint dans aucun scénario" : `est atteint dans ${reached} scénario${reached > 1 ? 's' : ''} sur ${scenarios.length}`} et le cumul en fin d'horizon vaut ${formatWithUnit(finalTend, scale.unit, lang, scale.decimals)} en ${scenarios[0]}.`
      : `Lines of the cumulative discounted cash flow of "${vName}" against the status quo (${t(perspective, lang)} perspective) in ${scenarios.length} scenarios; discounted payback is reached in ${reached === 0 ? 'none of them' : `${reached} of them`} and the cumulative total at the horizon is ${formatWithUnit(finalTend, scale.unit, lang, scale.decimals)} in ${scenarios[0]}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${t('cashFlowTitle', lang)}`,
    subtitle: `${vName} — ${t('perspectiveWord', lang)} ${t(perspective, lang)}`,
    alt,
    pointLegend: true,
  });
  const lastYear = rows[0].yearly.year[rows[0].yearly.year.length - 1];
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      plugins: { ...base.plugins, territoiresMarkers: { markers } },
      scales: {
        x: {
          type: 'linear',
          min: start,
          max: lastYear,
          title: axisTitle(t('year', lang)),
          ticks: { callback: yearTick, stepSize: 2, color: '#1a1a1a', font: TICK_FONT },
          grid: { display: false },
        },
        y: {
          // Zero (break-even) is always on the axis.
          beginAtZero: true,
          title: axisTitle(`${t('cashFlowAxis', lang)} [${scale.unit}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'line'>(markersPlugin),
  };
}
