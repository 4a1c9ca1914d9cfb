/**
 * Chart 7 — a scenario × metric table coloured by value, across use cases.
 *
 * Choice: both forms from one source. `scenarioMetricTableData` gives the table as data (values rounded, texts
 * formatted, cell colours) for the HTML report to write as an accessible `<table>`; `scenarioMetricTable` wraps
 * the same data in a chart.js configuration (a `bar` chart with no dataset and hidden axes) whose
 * `territoiresTable` plugin draws the cells on the canvas, for PNG/SVG, Markdown and the workbook. chart.js has
 * no matrix chart built in and chartjs-chart-matrix is not installed.
 *
 * Rows: for each use case, its featured variant against the status quo (see `featuredVariant`): financial NPV,
 * socio-economic NPV, financial discounted payback, tonnes avoided, socio-economic abatement cost. Columns: the
 * run's scenarios. Colour: blue when favourable, vermillion (Okabe–Ito) when unfavourable, stronger with the size
 * of the value within its row; grey when the metric does not exist (no payback, nothing avoided). Every cell
 * shows its value, so colour is never the only cue.
 */
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import {
  baseOptions,
  checkVariant,
  common,
  defaultScenario,
  featuredVariant,
  findRow,
  plugins,
  variantName,
  type CommonChartOptions,
} from './common.js';
import { formatNumber, maxAbs, moneyScale, round, TCO2E } from './format.js';
import { t, useCaseLabel, type Lang } from './labels.js';
import { inkOn, NOT_APPLICABLE, OKABE_ITO, tint } from './palette.js';
import { tablePlugin } from './plugins.js';

export interface ScenarioMetricTableOptions extends CommonChartOptions {
  /** Variant shown per use case (default: the featured variant in TEND, else the first scenario). */
  variants?: Record<string, string>;
}

export const TABLE_METRICS = ['npvFinancial', 'npvSocio', 'discountedPayback', 'avoided', 'abatementCost'] as const;
export type TableMetric = (typeof TABLE_METRICS)[number];

export interface MetricTableRow {
  useCase: string;
  variant: string;
  metric: TableMetric;
  /** Row label with its unit, e.g. `Éclairage public — VAN financière [M€]`. */
  label: string;
  unit: string;
  /** One value per scenario, in `unit`, rounded as shown; null when the metric does not exist. */
  values: (number | null)[];
  /** Formatted values as shown in the cells. */
  texts: string[];
  /** Cell background colours (`#rrggbb`). */
  fills: string[];
  /** Text colours readable on the fills. */
  inks: string[];
}

export interface MetricTable {
  title: string;
  /** Subtitle lines: how to read the colours, then the variant shown per use case. */
  subtitle: string[];
  /** Scenario ids, in column order. */
  scenarios: string[];
  rows: MetricTableRow[];
}

const FAVOURABLE = OKABE_ITO[0];
const UNFAVOURABLE = OKABE_ITO[3];

/** Cell colour from a score in [−1, 1] (positive favourable); null → not applicable. */
function fillOf(score: number | null): string {
  if (score === null) return NOT_APPLICABLE;
  const strength = 0.12 + 0.68 * Math.min(1, Math.abs(score));
  return tint(score >= 0 ? FAVOURABLE : UNFAVOURABLE, strength);
}

function scores(metric: TableMetric, values: (number | null)[]): (number | null)[] {
  if (metric === 'discountedPayback') {
    const present = values.filter((v): v is number => v !== null);
    const lo = Math.min(...present);
    const hi = Math.max(...present);
    // Shorter is better; every payback reached is favourable, the shortest the most.
    return values.map((v) => (v === null ? null : hi > lo ? 0.25 + (0.75 * (hi - v)) / (hi - lo) : 0.6));
  }
  const m = maxAbs(values);
  const sign = metric === 'abatementCost' ? -1 : 1;
  return values.map((v) => (v === null ? null : m > 0 ? (sign * v) / m : 0));
}

/**
 * The scenario × metric table as data, for the HTML report and for the canvas rendering.
 * @example
 * scenarioMetricTableData(results).rows[0]
 * // town example: { useCase: 'lighting', metric: 'npvFinancial', unit: 'M€', values: [8.863, 6.674, …], texts: ['8,863', '6,674', …], … }
 */
export function scenarioMetricTableData(results: RunResults, options: ScenarioMetricTableOptions = {}): MetricTable {
  const fn = 'scenarioMetricTable';
  const { lang } = common(fn, options);
  const scenarios = results.manifest.scenarios;
  const rows: MetricTableRow[] = [];
  for (const useCase of results.manifest.useCases) {
    const chosen = options.variants?.[useCase];
    const variant = chosen === undefined ? featuredVariant(results, useCase, defaultScenario(results)) : checkVariant(fn, results, useCase, chosen);
    const get = (scenario: string, perspective: 'financial' | 'socioEconomic') => findRow(results, { useCase, variant, scenario, perspective })?.metrics;
    const raw: Record<TableMetric, (number | null)[]> = {
      npvFinancial: scenarios.map((s) => get(s, 'financial')?.npvEur ?? null),
      npvSocio: scenarios.map((s) => get(s, 'socioEconomic')?.npvEur ?? null),
      discountedPayback: scenarios.map((s) => get(s, 'financial')?.discountedPaybackYears ?? null),
      avoided: scenarios.map((s) => get(s, 'socioEconomic')?.avoidedTco2e ?? null),
      abatementCost: scenarios.map((s) => get(s, 'socioEconomic')?.abatementCostEurPerTco2e ?? null),
    };
    const money = moneyScale(maxAbs([...raw.npvFinancial, ...raw.npvSocio]));
    const units: Record<TableMetric, { unit: string; factor: number; decimals: number }> = {
      npvFinancial: money,
      npvSocio: money,
      discountedPayback: { unit: t('years', lang), factor: 1, decimals: 1 },
      avoided: { unit: TCO2E, factor: 1, decimals: 1 },
      abatementCost: { unit: `€/${TCO2E}`, factor: 1, decimals: 0 },
    };
    for (const metric of TABLE_METRICS) {
      const u = units[metric];
      const values = raw[metric].map((v) => (v === null ? null : round(v / u.factor, u.decimals)));
      const fills = scores(metric, values).map(fillOf);
      rows.push({
        useCase,
        variant,
        metric,
        label: `${useCaseLabel(useCase, lang)} — ${t(metric, lang)} [${u.unit}]`,
        unit: u.unit,
        values,
        texts: values.map((v) => (v === null ? t(metric === 'discountedPayback' ? 'never' : 'notApplicable', lang) : formatNumber(v, lang, u.decimals))),
        fills,
        inks: fills.map(inkOn),
      });
    }
  }
  const variantsLine = results.manifest.useCases
    .map((u) => `${useCaseLabel(u, lang)}${lang === 'fr' ? '\u00a0: ' : ': '}${variantName(results, u, rows.find((r) => r.useCase === u)!.variant, lang)}`)
    .join(' ; ');
  return { title: t('tableTitle', lang), subtitle: [t('tableSubtitle', lang), variantsLine], scenarios, rows };
}

function altOf(table: MetricTable, lang: Lang): string {
  const useCases = new Set(table.rows.map((r) => r.useCase)).size;
  return lang === 'fr'
    ? `Tableau coloré de ${TABLE_METRICS.length} indicateurs (VAN financière et socio-économique, retour actualisé, émissions évitées, coût d'abattement) pour ${useCases} cas d'usage dans ${table.scenarios.length} scénarios (${table.scenarios.join(', ')}), chaque cellule affichant sa valeur.`
    : `Coloured table of ${TABLE_METRICS.length} metrics (financial and socio-economic NPV, discounted payback, emissions avoided, abatement cost) for ${useCases} use case(s) in ${table.scenarios.length} scenarios (${table.scenarios.join(', ')}), each cell showing its value.`;
}

/**
 * The scenario × metric table as a chart configuration (drawn by the `territoiresTable` plugin). Height that fits
 * it: `scenarioMetricTableHeight(rows)`.
 * @example
 * scenarioMetricTable(results).options.plugins.territoiresTable.columns // ['TEND', 'S1', 'S2', 'S3', 'S4']
 */
export function scenarioMetricTable(results: RunResults, options: ScenarioMetricTableOptions = {}): ChartConfiguration<'bar'> {
  const { lang } = common('scenarioMetricTable', options);
  const table = scenarioMetricTableData(results, options);
  const base = baseOptions({ results, lang, title: table.title, subtitle: table.subtitle, alt: altOf(table, lang), legend: false });
  return {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        territoiresTable: {
          corner: lang === 'fr' ? 'Indicateur [unité]' : 'Metric [unit]',
          columns: table.scenarios,
          rows: table.rows.map((r) => ({
            label: r.label,
            group: r.useCase,
            cells: r.texts.map((text, j) => ({ text, fill: r.fills[j], ink: r.inks[j] })),
          })),
        },
      },
      scales: { x: { display: false }, y: { display: false } },
    },
    plugins: plugins<'bar'>(tablePlugin),
  };
}

/**
 * Canvas height that fits a table of `rows` rows [px].
 * @example scenarioMetricTableHeight(20) // 696 (150 + 26 × 21)
 */
export function scenarioMetricTableHeight(rows: number): number {
  return Math.max(360, 150 + 26 * (rows + 1));
}
