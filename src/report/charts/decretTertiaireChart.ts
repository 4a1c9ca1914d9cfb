/**
 * Chart 8 — public buildings: yearly final energy consumption of every variant against the décret tertiaire
 * targets (Décret n° 2019-771 du 23 juillet 2019: −40 % in 2030, −50 % in 2040, −60 % in 2050 against a
 * reference year's consumption), for one scenario.
 *
 * The consumption is the buildings model's `energyKwh` flow (all buildings of the inventory, devices included).
 * RunResults does not carry the inventory's own reference consumption (`referenceKwhPerYear`), so the reference is
 * the status quo's consumption in the first operating year (index 1); the chart says so. The portfolio total is
 * shown, whereas the décret applies building by building (≥ 1,000 m²): the chart is an indication for the whole
 * portfolio, not a compliance check. Targets are a step line (each target holds from its year on), labelled at
 * each milestone; the milestones are the buildings model's `DECRET_TERTIAIRE_MILESTONES`.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { DECRET_TERTIAIRE_MILESTONES } from '../../../models/buildings/model.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  axisTitle,
  baseOptions,
  checkScenario,
  common,
  defaultScenario,
  flowOf,
  plugins,
  scenarioName,
  TICK_FONT,
  valueGrid,
  variantName,
  variantsOf,
  type CommonChartOptions,
} from './common.js';
import { formatNumber, formatWithUnit, round, tickFormatter, yearTick } from './format.js';
import { t, useCaseLabel } from './labels.js';
import { colourAt, dashAt, INK, MUTED, pointStyleAt } from './palette.js';
import { markersPlugin, type Marker } from './plugins.js';

export interface DecretTertiaireOptions extends CommonChartOptions {
  /** Scenario id (default TEND, else the run's first scenario). */
  scenario?: string;
}

/**
 * Consumption of each buildings variant [MWh/yr, 1 decimal] over the operating years, and the décret tertiaire
 * targets as a step line from the reference.
 * @example
 * decretTertiaireChart(results, { scenario: 'TEND' })
 * // with a reference of 1,000 MWh: targets 600 MWh from 2030, 500 MWh from 2040, 400 MWh from 2050
 */
export function decretTertiaireChart(results: RunResults, options: DecretTertiaireOptions = {}): ChartConfiguration<'line'> {
  const fn = 'decretTertiaireChart';
  const { lang, palette } = common(fn, options);
  if (!results.manifest.useCases.includes('buildings')) {
    throw new RangeError(`${fn}: the run has no buildings use case (use cases: ${results.manifest.useCases.join(', ')})`);
  }
  const scenario = checkScenario(fn, results, options.scenario ?? defaultScenario(results));
  const variants = variantsOf(results, 'buildings');
  const start = results.manifest.startYear;
  const last = start + results.manifest.horizonYears;
  const years = Array.from({ length: results.manifest.horizonYears }, (_, i) => start + 1 + i);

  const statusQuo = variants.find((v) => v.kind === 'statusQuo');
  if (!statusQuo) throw new Error(`${fn}: the buildings use case has no status quo in the results`);
  const referenceMwh = round(flowOf(fn, results, 'buildings', scenario, statusQuo.id).energyKwh[1] / 1000, 1);
  if (!(referenceMwh > 0)) throw new Error(`${fn}: the status quo consumes nothing in its first operating year; no reference`);

  let k = 0;
  const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = variants.map((v) => {
    const kwh = flowOf(fn, results, 'buildings', scenario, v.id).energyKwh;
    const sq = v.kind === 'statusQuo';
    const colour = sq ? MUTED : colourAt(palette, k);
    const style = sq ? { borderDash: [6, 4], pointStyle: 'circle' as const } : { borderDash: dashAt(k), pointStyle: pointStyleAt(k) };
    if (!sq) k++;
    return {
      label: variantName(results, 'buildings', v.id, lang),
      data: years.map((year, i) => ({ x: year, y: round(kwh[i + 1] / 1000, 1) })),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      pointRadius: 2,
      tension: 0,
      ...style,
    };
  });

  const milestones = DECRET_TERTIAIRE_MILESTONES.filter((m) => m.year <= last);
  const targetPoints = [{ x: start + 1, y: referenceMwh }, ...milestones.map((m) => ({ x: m.year, y: round(referenceMwh * (1 - m.reductionFraction), 1) }))];
  if (milestones.length > 0 && targetPoints[targetPoints.length - 1].x < last) targetPoints.push({ x: last, y: targetPoints[targetPoints.length - 1].y });
  const targetColour = INK;
  const markers: Marker[] = milestones.map((m) => ({
    x: m.year,
    y: round(referenceMwh * (1 - m.reductionFraction), 1),
    text: `${m.year}${lang === 'fr' ? '\u00a0: ' : ': '}−${formatNumber(m.reductionFraction * 100, lang, 0)}\u00a0%`,
    colour: targetColour,
    row: 0,
  }));
  if (milestones.length > 0) {
    datasets.push({
      label: t('decretTargets', lang),
      data: targetPoints,
      borderColor: targetColour,
      backgroundColor: targetColour,
      borderWidth: 3,
      pointRadius: 0,
      tension: 0,
      stepped: 'before',
    });
  }

  // Alt text: which variants meet the 2030 target (when it is inside the horizon).
  const first = milestones[0];
  let verdict = '';
  if (first) {
    const target = round(referenceMwh * (1 - first.reductionFraction), 1);
    const meeting = variants.filter((_, i) => (datasets[i].data.find((p) => p.x === first.year)?.y ?? Infinity) <= target).map((v) => variantName(results, 'buildings', v.id, lang));
    verdict =
      lang === 'fr'
        ? ` ; en ${first.year}, ${meeting.length === 0 ? 'aucune variante n’atteint' : `${meeting.join(', ')} atteign${meeting.length > 1 ? 'ent' : 'ait'}`} l'objectif de ${formatWithUnit(target, 'MWh', lang)}`
        : `; in ${first.year}, ${meeting.length === 0 ? 'no variant meets' : `${meeting.join(', ')} meet${meeting.length > 1 ? '' : 's'}`} the target of ${formatWithUnit(target, 'MWh', lang)}`;
  }
  const ucName = useCaseLabel('buildings', lang);
  const alt =
    lang === 'fr'
      ? `Courbes de la consommation annuelle d'énergie finale de ${variants.length} variantes (${ucName.toLowerCase()}, scénario ${scenario}) face aux objectifs du décret tertiaire calculés depuis une référence de ${formatWithUnit(referenceMwh, 'MWh', lang)}${verdict}.`
      : `Lines of the yearly final energy consumption of ${variants.length} variants (${ucName.toLowerCase()}, scenario ${scenario}) against the décret tertiaire targets from a reference of ${formatWithUnit(referenceMwh, 'MWh', lang)}${verdict}.`;
  const base = baseOptions({
    results,
    lang,
    title: `${ucName} — ${t('decretTitle', lang)}`,
    subtitle: [scenarioName(results, scenario, lang), `${t('decretSubtitle', lang)} (${start + 1})${lang === 'fr' ? '\u00a0: ' : ': '}${formatWithUnit(referenceMwh, 'MWh', lang)}`],
    alt,
    scenarios: [scenario],
    pointLegend: true,
  });
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      plugins: { ...base.plugins, territoiresMarkers: { markers } },
      scales: {
        x: {
          type: 'linear',
          min: start + 1,
          max: last,
          title: axisTitle(t('year', lang)),
          ticks: { callback: yearTick, stepSize: 2, color: '#1a1a1a', font: TICK_FONT },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          grace: '5%',
          title: axisTitle(`${t('decretAxis', lang)} [MWh/${lang === 'fr' ? 'an' : 'yr'}]`),
          ticks: { callback: tickFormatter(lang), color: '#1a1a1a', font: TICK_FONT },
          grid: valueGrid(),
        },
      },
    },
    plugins: plugins<'line'>(markersPlugin),
  };
}
