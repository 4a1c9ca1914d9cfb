/**
 * What every chart shares: reading RunResults (rows, flows, names; selection only, no computing), the options
 * common to all charts, and the parts of a configuration that make charts look alike (title, source line,
 * fonts, background, fixed size rendering).
 */
import type { ChartType, Plugin } from 'chart.js';
import type { Perspective, ResultRow, RunResults } from '../../evaluate/engine.js';
import { formatDate, localeOf } from './format.js';
import { checkLang, t, type Lang } from './labels.js';
import { BACKGROUND, GRID, INK, MUTED, paletteOf } from './palette.js';
import { backgroundPlugin, sourcePlugin } from './plugins.js';

/** Options every chart function accepts. */
export interface CommonChartOptions {
  /** Language of titles, labels and number formats (default 'fr'). */
  lang?: Lang;
  /** Series colours (a theme's palette, `#rrggbb`); default Okabe–Ito. */
  colours?: readonly string[];
}

/** The checked common options. */
export interface Common {
  lang: Lang;
  palette: readonly string[];
}

/**
 * Checks the common options, naming the chart function in errors.
 * @example common('npvByScenarioChart', { lang: 'en' }) // { lang: 'en', palette: OKABE_ITO }
 */
export function common(fn: string, options: CommonChartOptions): Common {
  return { lang: checkLang(fn, options.lang ?? 'fr'), palette: paletteOf(options.colours) };
}

/**
 * Throws unless `useCase` was evaluated in this run.
 * @example checkUseCase('maccChart', results, 'lighting') // 'lighting'; 'roads' throws a RangeError listing the run's use cases
 */
export function checkUseCase(fn: string, results: RunResults, useCase: unknown): string {
  const known = results.manifest.useCases;
  if (typeof useCase !== 'string' || !known.includes(useCase)) {
    throw new RangeError(`${fn}: options.useCase must be one of ${known.join(', ')}, received ${String(useCase)}`);
  }
  return useCase;
}

/**
 * Throws unless `scenario` was evaluated in this run.
 * @example checkScenario('maccChart', results, 'S2') // 'S2'
 */
export function checkScenario(fn: string, results: RunResults, scenario: unknown): string {
  const known = results.manifest.scenarios;
  if (typeof scenario !== 'string' || !known.includes(scenario)) {
    throw new RangeError(`${fn}: options.scenario must be one of ${known.join(', ')}, received ${String(scenario)}`);
  }
  return scenario;
}

/**
 * Throws unless `perspective` is 'financial' or 'socioEconomic'.
 * @example checkPerspective('maccChart', 'financial') // 'financial'
 */
export function checkPerspective(fn: string, perspective: unknown): Perspective {
  if (perspective === 'financial' || perspective === 'socioEconomic') return perspective;
  throw new RangeError(`${fn}: options.perspective must be 'financial' or 'socioEconomic', received ${String(perspective)}`);
}

/**
 * Throws unless `variant` is a variant of the use case other than the status quo.
 * @example checkVariant('yearlyEmissionsChart', results, 'lighting', 'led') // 'led'; 'status-quo' throws
 */
export function checkVariant(fn: string, results: RunResults, useCase: string, variant: unknown): string {
  const ids = results.variants.filter((v) => v.useCase === useCase && v.kind !== 'statusQuo').map((v) => v.id);
  if (typeof variant !== 'string' || !ids.includes(variant)) {
    throw new RangeError(`${fn}: options.variant must be one of ${ids.join(', ')} (use case ${useCase}), received ${String(variant)}`);
  }
  return variant;
}

/**
 * The scenario charts use when none is given: TEND when it was run, else the first one.
 * @example defaultScenario(results) // 'TEND' for a run of TEND and S1–S4
 */
export function defaultScenario(results: RunResults): string {
  const s = results.manifest.scenarios;
  return s.includes('TEND') ? 'TEND' : s[0];
}

/**
 * Variants of a use case in model order (the status quo first).
 * @example variantsOf(results, 'water').map((v) => v.id) // ['status-quo', 'manual-leak-campaigns', 'smart-network']
 */
export function variantsOf(results: RunResults, useCase: string): RunResults['variants'] {
  return results.variants.filter((v) => v.useCase === useCase);
}

/**
 * Id of a use case's status quo.
 * @example statusQuoOf(results, 'lighting') // 'status-quo'
 */
export function statusQuoOf(results: RunResults, useCase: string): string {
  const v = results.variants.find((x) => x.useCase === useCase && x.kind === 'statusQuo');
  if (!v) throw new Error(`charts: use case ${useCase} has no status quo in the results`);
  return v.id;
}

/**
 * Display name of a variant.
 * @example variantName(results, 'lighting', 'led', 'fr') // 'Rénovation LED'
 */
export function variantName(results: RunResults, useCase: string, id: string, lang: Lang): string {
  return results.variants.find((v) => v.useCase === useCase && v.id === id)?.name[lang] ?? id;
}

/**
 * Display name of a scenario: its id, then its name (`S1 — Génération frugale`).
 * @example scenarioName(results, 'S1', 'fr') // 'S1 — Génération frugale'
 */
export function scenarioName(results: RunResults, id: string, lang: Lang): string {
  const s = results.scenarios.find((x) => x.id === id);
  return s ? `${id} — ${s.name[lang]}` : id;
}

export interface RowQuery {
  useCase: string;
  variant: string;
  scenario: string;
  perspective: Perspective;
  /** Default: the status quo. */
  comparedTo?: string;
}

/**
 * The result row of one comparison, or undefined.
 * @example findRow(results, { useCase: 'lighting', variant: 'led', scenario: 'TEND', perspective: 'financial' })?.metrics.npvEur // ≈6.4e6 in the town example
 */
export function findRow(results: RunResults, q: RowQuery): ResultRow | undefined {
  const ref = q.comparedTo ?? statusQuoOf(results, q.useCase);
  return results.results.find(
    (r) => r.useCase === q.useCase && r.variant === q.variant && r.scenario === q.scenario && r.perspective === q.perspective && r.comparedTo === ref,
  );
}

/**
 * The result row of one comparison; throws when the run did not produce it.
 * @example rowOf('npvByScenarioChart', results, { useCase: 'lighting', variant: 'led', scenario: 'S9', perspective: 'financial' }) // throws: no result for …
 */
export function rowOf(fn: string, results: RunResults, q: RowQuery): ResultRow {
  const row = findRow(results, q);
  if (!row) {
    throw new Error(
      `${fn}: no result for ${q.useCase} / ${q.variant} vs ${q.comparedTo ?? 'the status quo'} / ${q.scenario} / ${q.perspective}`,
    );
  }
  return row;
}

/**
 * Yearly flow series of one variant in one scenario; throws when missing.
 * @example flowOf('carbonWaterfallChart', results, 'lighting', 'TEND', 'status-quo').energyKwh[1] // kWh of the first operating year
 */
export function flowOf(fn: string, results: RunResults, useCase: string, scenario: string, variant: string): Record<string, number[]> {
  const f = results.flows.find((x) => x.useCase === useCase && x.scenario === scenario && x.variant === variant);
  if (!f) throw new Error(`${fn}: no flows for ${useCase} / ${variant} / ${scenario}`);
  return f.series;
}

/**
 * Sum of a series [its unit].
 * @example total([1, 2, 3.5]) // 6.5
 */
export function total(series: readonly number[] | undefined): number {
  let s = 0;
  for (const v of series ?? []) s += v;
  return s;
}

/**
 * The variant a report features for a use case: among digital variants, the highest socio-economic NPV against
 * the status quo in the scenario (TEND by default); the first digital variant when no row decides; the first
 * non-status-quo variant when the use case has no digital one. A selection among existing results, for choosing
 * which charts to draw; the report's recommendation itself belongs to src/evaluate.
 * @example featuredVariant(results, 'lighting') // 'led-telemanagement-cabinet' in the town example
 */
export function featuredVariant(results: RunResults, useCase: string, scenario = defaultScenario(results)): string {
  const variants = variantsOf(results, useCase).filter((v) => v.kind !== 'statusQuo');
  const digital = variants.filter((v) => v.kind === 'digital');
  const candidates = digital.length > 0 ? digital : variants;
  if (candidates.length === 0) throw new Error(`charts: use case ${useCase} has no variant besides the status quo`);
  let best: { id: string; npv: number } | null = null;
  for (const v of candidates) {
    const row = findRow(results, { useCase, variant: v.id, scenario, perspective: 'socioEconomic' });
    if (row && (best === null || row.metrics.npvEur > best.npv)) best = { id: v.id, npv: row.metrics.npvEur };
  }
  return best?.id ?? candidates[0].id;
}

/**
 * The line "Source : Territoires v… — scénarios ADEME Transition(s) 2050 (…) — <territory> — calcul du …".
 * @example sourceLine(results, 'en', ['TEND']) // 'Source: Territoires v0.1.0 — ADEME Transition(s) 2050 scenarios (TEND) — Ville moyenne … — computed on 1 January 2026'
 */
export function sourceLine(results: RunResults, lang: Lang, scenarios: readonly string[] = results.manifest.scenarios): string {
  const m = results.manifest;
  return [
    `${t('source', lang)} v${m.version}`,
    `${t('scenarios', lang)} (${scenarios.join(', ')})`,
    m.territory.name,
    `${t('computedOn', lang)} ${formatDate(m.createdAt, lang)}`,
  ].join(' — ');
}

export interface BaseSpec {
  results: RunResults;
  lang: Lang;
  title: string;
  /** One line, or several. */
  subtitle?: string | string[];
  alt: string;
  scenarios?: readonly string[];
  legend?: boolean;
  /** Legend shows each series' point shape (line charts: shapes tell the series apart without colour). */
  pointLegend?: boolean;
}

/**
 * Options every chart carries: fixed-size, no animation, the chart's language for chart.js's own formats,
 * title and subtitle, the legend at the bottom, the background and the source line (with room kept for it),
 * the alt text (read by chartsForReport, not drawn).
 * @example baseOptions({ results, lang: 'fr', title: 'VAN', alt: '…' }).plugins.territoiresSource.text // 'Source : Territoires v0.1.0 — …'
 */
export function baseOptions(spec: BaseSpec) {
  return {
    responsive: false,
    animation: false as const,
    devicePixelRatio: 1,
    locale: localeOf(spec.lang),
    color: INK,
    layout: { padding: { top: 8, right: 16, bottom: 28, left: 8 } },
    plugins: {
      title: { display: true, text: spec.title, color: INK, font: { size: 17, weight: 'bold' as const }, align: 'start' as const },
      subtitle: {
        display: spec.subtitle !== undefined,
        text: spec.subtitle ?? '',
        color: MUTED,
        font: { size: 12 },
        align: 'start' as const,
        padding: { bottom: 10 },
      },
      legend: {
        display: spec.legend ?? true,
        position: 'bottom' as const,
        align: 'start' as const,
        labels: spec.pointLegend
          ? { color: INK, boxWidth: 8, boxHeight: 8, font: { size: 11 }, usePointStyle: true }
          : { color: INK, boxWidth: 22, boxHeight: 12, font: { size: 11 }, usePointStyle: false },
      },
      tooltip: { enabled: false },
      territoiresBackground: { colour: BACKGROUND },
      territoiresSource: { text: sourceLine(spec.results, spec.lang, spec.scenarios) },
      territoiresAlt: { text: spec.alt },
    },
  };
}

/**
 * The inline plugins every chart carries (background, source line), followed by the chart's own.
 * @example plugins<'bar'>(hatchPlugin).map((p) => p.id) // ['territoiresBackground', 'territoiresSource', 'territoiresHatch']
 */
export function plugins<T extends ChartType>(...own: Plugin<ChartType, object>[]): Plugin<T>[] {
  return [backgroundPlugin, sourcePlugin, ...own] as unknown as Plugin<T>[];
}

/**
 * Splits a category label into lines of at most `width` characters at spaces (chart.js draws an array of
 * strings as lines), so long variant names do not force rotated labels.
 * @example wrapLabel('LED + télégestion des armoires', 20) // ['LED + télégestion', 'des armoires']
 */
export function wrapLabel(text: string, width = 28): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Axis title in the chart's style, e.g. `VAN [k€]`.
 * @example axisTitle('VAN [k€]') // { display: true, text: 'VAN [k€]', color: '#1a1a1a', font: { size: 12 } }
 */
export function axisTitle(text: string) {
  return { display: true, text, color: INK, font: { size: 12 } };
}

/**
 * Grid with a darker zero line, for value axes.
 * @example valueGrid().lineWidth({ tick: { value: 0 } }) // 1.5 (the zero line); 1 elsewhere
 */
export function valueGrid() {
  return {
    color: (ctx: { tick?: { value: number } }) => (ctx.tick && ctx.tick.value === 0 ? '#7f7f7f' : GRID),
    lineWidth: (ctx: { tick?: { value: number } }) => (ctx.tick && ctx.tick.value === 0 ? 1.5 : 1),
  };
}

/** Font string for tick labels (chart.js options form). */
export const TICK_FONT = { size: 11 };

