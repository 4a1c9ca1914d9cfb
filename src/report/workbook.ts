/**
 * The Excel workbook of a run (exceljs, imported only when a workbook is asked for).
 *
 * Sheets (French names, English with `lang = 'en'`):
 * - Synthèse / Summary: the recommended variant per use case and scenario with its key figures, then the value of
 *   the digital layer;
 * - Indicateurs / Metrics: one row per result (comparison × perspective), every metric, units in headers;
 * - Flux / Yearly: one block per result, years in columns (row 1), with formulas for auditing: totals `=SUM(…)`,
 *   the NPV `=NPV(rate, C:…)+B` and the IRR `=IRR(B:…, rate)` over the block's cash-flow cells;
 * - Paramètres / Parameters: every parameter with origin, source and confidence;
 * - Trajectoires / Scenarios: the scenario trajectories by year;
 * - Flux des variantes / Variant flows: the raw yearly flows of every variant, the status quo included;
 * - Incertitudes / Uncertainty, for a run with draws only: how the draws were made, then the Monte Carlo summary of
 *   every comparison against the status quo (mean, standard deviation and percentiles of NPV, net tCO2e and payback,
 *   probabilities).
 * Header rows are frozen; numbers carry formats (`#,##0 "€"`, `0.0%`…), shown with the reader's separators.
 *
 * NPV mapping. The toolkit's `npv` (numpy-financial's) does not discount the first flow (year 0, the investment
 * year); Excel's `NPV(rate, v1, …, vn)` discounts its first value by one period: Σ v_i / (1 + rate)^i, i from 1.
 * So npv(rate, [f0, f1, …, fn]) = f0 + Excel NPV(rate, f1, …, fn), written `=NPV(rate, C5:AA5)+B5` where B5 holds
 * year 0. Each formula cell also holds the engine's value as its cached result, so a reader without recalculation
 * sees the engine's number, and Excel's recalculation reproduces it (tested).
 */
import { dirname } from 'node:path';
import type { Workbook, Worksheet, CellValue } from 'exceljs';
import type { ParameterRow, ResultRow, RunResults } from '../evaluate/engine.js';
import { recommend, type RecommendationSet } from '../evaluate/recommend.js';
import { displayPath, displayText } from './content.js';
import { KIND_UNITS, labelWithUnit, METRIC_LABELS, strings, useCaseName, YEARLY_LABELS, type Lang, type ValueKind } from './i18n.js';
import type { McMetric, MetricSummary } from '../evaluate/montecarlo.js';
import { DEFAULT_THEME, type Theme } from './theme.js';

export interface WorkbookOptions {
  lang?: Lang;
  theme?: Theme;
  recommendations?: RecommendationSet;
}

/** Excel number format of each kind of value. */
export const NUMBER_FORMATS: Record<ValueKind, string> = {
  eur: '#,##0 "€"',
  fraction: '0.0%',
  years: '0.0',
  ratio: '0.00',
  kwh: '#,##0',
  tco2e: '#,##0.0',
  eurPerKwh: '0.000',
  eurPerTco2e: '#,##0',
  boolean: 'General',
};

/** Sheet names per language. */
export const SHEETS = {
  fr: {
    summary: 'Synthèse',
    metrics: 'Indicateurs',
    yearly: 'Flux',
    parameters: 'Paramètres',
    trajectories: 'Trajectoires',
    flows: 'Flux des variantes',
    uncertainty: 'Incertitudes',
  },
  en: { summary: 'Summary', metrics: 'Metrics', yearly: 'Yearly', parameters: 'Parameters', trajectories: 'Scenarios', flows: 'Variant flows', uncertainty: 'Uncertainty' },
} as const;

/**
 * Column letters of a 1-based column number.
 * @example columnLetter(27) // 'AA'
 */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A finite number, or null (an empty cell) for a metric that does not exist. */
const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function argb(hex: string): string {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return `FF${full.toUpperCase()}`;
}

function styleHeader(ws: Worksheet, row: number, colours: Theme['colours']): void {
  const r = ws.getRow(row);
  r.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  r.alignment = { vertical: 'middle', wrapText: true };
  r.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colours.primary) } };
  });
}

/** The discount rate of a result's perspective, from the run's parameters; null when absent. */
function discountRate(results: RunResults, row: ResultRow): number | null {
  const name = row.perspective === 'financial' ? 'financialDiscountRate' : 'socioEconomicDiscountRate';
  const candidates = results.parameters.filter((p) => p.name === name && (p.useCase === row.useCase || p.useCase === null));
  const exact = candidates.find((p) => p.scenario === row.scenario) ?? candidates.find((p) => p.scenario === null);
  return exact ? exact.value : null;
}

class WorkbookBuilder {
  readonly s;
  readonly names;
  readonly colours: Theme['colours'];

  constructor(
    readonly wb: Workbook,
    readonly results: RunResults,
    readonly lang: Lang,
    theme: Theme,
    readonly recs: RecommendationSet,
  ) {
    this.s = strings(lang);
    this.names = SHEETS[lang];
    this.colours = theme.colours;
  }

  variantName(useCase: string, id: string): string {
    return this.results.variants.find((v) => v.useCase === useCase && v.id === id)?.name[this.lang] ?? id;
  }

  summary(): void {
    const c = this.s.columns;
    const m = this.results.manifest;
    const ws = this.wb.addWorksheet(this.names.summary);
    ws.getCell('A1').value = `${this.s.reportTitle} — ${m.territory.name}`;
    ws.getCell('A1').font = { bold: true, size: 14, color: { argb: argb(this.colours.primary) } };
    const info: [string, string][] = [
      [this.s.manifestRows.horizon, `${m.startYear} – ${m.startYear + m.horizonYears}`],
      [this.s.manifestRows.scenarios, m.scenarios.join(', ')],
      [this.s.manifestRows.version, `${m.tool} ${m.version}`],
      [this.s.manifestRows.createdAt, m.createdAt],
    ];
    info.forEach(([k, v], i) => {
      ws.getCell(2 + i, 1).value = k;
      ws.getCell(2 + i, 2).value = v;
    });
    const headerRow = 7;
    const header = [
      this.lang === 'fr' ? 'Usage' : 'Use case',
      c.scenario,
      c.recommended,
      c.reason,
      c.financialNpv,
      c.socioNpv,
      c.financialIrr,
      c.payback,
      c.avoided,
      c.capex,
      c.subsidies,
    ];
    const formats = [null, null, null, null, 'eur', 'eur', 'fraction', 'years', 'tco2e', 'eur', 'eur'] as const;
    ws.getRow(headerRow).values = header;
    styleHeader(ws, headerRow, this.colours);
    let r = headerRow + 1;
    for (const rec of this.recs.recommendations) {
      const f = rec.figures;
      ws.getRow(r).values = [
        useCaseName(rec.useCase, this.lang),
        rec.scenario,
        this.variantName(rec.useCase, rec.variant),
        this.s.reasons[rec.reason],
        num(f?.financialNpvEur),
        num(f?.socioEconomicNpvEur),
        num(f?.financialIrr),
        num(f?.paybackYears),
        num(f?.avoidedTco2e),
        num(f?.capexEur),
        num(f?.subsidiesEur),
      ];
      r++;
    }
    formats.forEach((k, j) => {
      if (k) for (let i = headerRow + 1; i < r; i++) ws.getCell(i, j + 1).numFmt = NUMBER_FORMATS[k];
    });
    if (this.recs.digitalLayer.length > 0) {
      r += 1;
      ws.getCell(r, 1).value = this.s.digitalLayer;
      ws.getCell(r, 1).font = { bold: true, color: { argb: argb(this.colours.primary) } };
      r += 1;
      ws.getRow(r).values = [
        this.lang === 'fr' ? 'Usage' : 'Use case',
        c.scenario,
        c.variant,
        c.comparedTo,
        c.deltaFinancialNpv,
        c.deltaSocioNpv,
        c.deltaAvoided,
        c.extraCapex,
        c.digitalTco2e,
      ];
      styleHeader(ws, r, this.colours);
      const first = r + 1;
      for (const d of this.recs.digitalLayer) {
        r++;
        ws.getRow(r).values = [
          useCaseName(d.useCase, this.lang),
          d.scenario,
          this.variantName(d.useCase, d.variant),
          this.variantName(d.useCase, d.comparedTo),
          num(d.figures.financialNpvEur),
          num(d.figures.socioEconomicNpvEur),
          num(d.figures.avoidedTco2e),
          num(d.extraCapexEur),
          num(d.digitalTco2e),
        ];
      }
      const kinds = ['eur', 'eur', 'tco2e', 'eur', 'tco2e'] as const;
      kinds.forEach((k, j) => {
        for (let i = first; i <= r; i++) ws.getCell(i, 5 + j).numFmt = NUMBER_FORMATS[k];
      });
    }
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
    [44, 10, 40, 44, 18, 18, 14, 12, 18, 18, 18].forEach((w, j) => (ws.getColumn(j + 1).width = w));
  }

  metrics(): void {
    const c = this.s.columns;
    const ws = this.wb.addWorksheet(this.names.metrics);
    const metricNames = Object.keys(this.results.results[0]?.metrics ?? METRIC_LABELS);
    const keyHeader = [this.lang === 'fr' ? 'Usage' : 'Use case', c.variant, c.comparedTo, c.scenario, this.lang === 'fr' ? 'Perspective' : 'Perspective'];
    const metricHeader = metricNames.map((n) => (METRIC_LABELS[n] ? labelWithUnit(METRIC_LABELS[n], this.lang) : n));
    ws.getRow(1).values = [...keyHeader, ...metricHeader, this.lang === 'fr' ? 'Territoire' : 'Territory', this.s.variantsTable.kind];
    styleHeader(ws, 1, this.colours);
    this.results.results.forEach((row, i) => {
      const metrics = row.metrics as unknown as Record<string, number | boolean | null>;
      ws.getRow(2 + i).values = [
        row.useCase,
        row.variant,
        row.comparedTo,
        row.scenario,
        row.perspective,
        ...metricNames.map((n) => (typeof metrics[n] === 'boolean' ? (metrics[n] as boolean) : num(metrics[n] as number | null))),
        row.territory,
        row.variantKind,
      ];
    });
    metricNames.forEach((n, j) => {
      const kind = METRIC_LABELS[n]?.kind ?? 'ratio';
      ws.getColumn(keyHeader.length + 1 + j).numFmt = NUMBER_FORMATS[kind];
      ws.getColumn(keyHeader.length + 1 + j).width = 16;
    });
    [14, 28, 24, 10, 14].forEach((w, j) => (ws.getColumn(j + 1).width = w));
    ws.getRow(1).height = 45;
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  }

  /**
   * One block per result, in the order of `results.results`: a title row (its key `useCase|variant|comparedTo|
   * scenario|perspective` in the column after Total), the discount rate, the yearly series, then NPV and IRR.
   */
  yearly(): void {
    const ws = this.wb.addWorksheet(this.names.yearly);
    const years = this.results.results[0]?.yearly.year ?? [];
    const n = years.length;
    const first = 'B';
    const last = columnLetter(1 + n);
    const totalCol = 2 + n;
    const keyCol = 3 + n;
    ws.getRow(1).values = [this.lang === 'fr' ? 'Évaluation / série' : 'Evaluation / series', ...years, 'Total', this.lang === 'fr' ? 'Clé' : 'Key'];
    styleHeader(ws, 1, this.colours);
    let r = 2;
    const perspectiveLabel = (p: string) => (this.lang === 'fr' ? (p === 'financial' ? 'financière' : 'socio-économique') : p === 'financial' ? 'financial' : 'socio-economic');
    for (const row of this.results.results) {
      const title = `${useCaseName(row.useCase, this.lang)} · ${this.variantName(row.useCase, row.variant)} ${this.lang === 'fr' ? 'vs' : 'vs'} ${this.variantName(row.useCase, row.comparedTo)} · ${row.scenario} · ${perspectiveLabel(row.perspective)}`;
      ws.getCell(r, 1).value = title;
      ws.getCell(r, keyCol).value = `${row.useCase}|${row.variant}|${row.comparedTo}|${row.scenario}|${row.perspective}`;
      ws.getRow(r).font = { bold: true, color: { argb: argb(this.colours.primary) } };
      r++;
      const rateRow = r;
      const rate = discountRate(this.results, row);
      ws.getCell(r, 1).value = this.lang === 'fr' ? 'Taux d’actualisation (%)' : 'Discount rate (%)';
      ws.getCell(r, 2).value = rate;
      ws.getCell(r, 2).numFmt = '0.00%';
      r++;
      const cashRow = r;
      const yearly = row.yearly as unknown as Record<string, number[]>;
      const series = [...Object.keys(YEARLY_LABELS).filter((k) => k in yearly), ...Object.keys(yearly).filter((k) => k !== 'year' && !(k in YEARLY_LABELS))];
      for (const name of series) {
        const label = YEARLY_LABELS[name];
        const values = yearly[name];
        const cells: CellValue[] = [label ? labelWithUnit(label, this.lang) : name, ...values.map((v) => num(v))];
        ws.getRow(r).values = cells;
        if (name !== 'cumulativeDiscountedCashFlowEur') {
          let sum = 0;
          for (const v of values) sum += Number.isFinite(v) ? v : 0;
          // The engine's avoided total is its metric; the cached sum of the other rows is the plain sum.
          const cached = name === 'avoidedTco2e' ? row.metrics.avoidedTco2e : sum;
          ws.getCell(r, totalCol).value = { formula: `SUM(${first}${r}:${last}${r})`, result: cached };
        }
        const fmt = NUMBER_FORMATS[label?.kind ?? 'ratio'];
        for (let j = 2; j <= totalCol; j++) ws.getCell(r, j).numFmt = fmt;
        r++;
      }
      ws.getCell(r, 1).value = `${this.lang === 'fr' ? 'VAN' : 'NPV'} (${KIND_UNITS.eur[this.lang]})`;
      const npvCell = ws.getCell(r, 2);
      npvCell.value =
        rate === null
          ? num(row.metrics.npvEur)
          : { formula: `NPV(${first}${rateRow},C${cashRow}:${last}${cashRow})+${first}${cashRow}`, result: row.metrics.npvEur };
      npvCell.numFmt = NUMBER_FORMATS.eur;
      ws.getRow(r).font = { bold: true };
      r++;
      ws.getCell(r, 1).value = `${this.lang === 'fr' ? 'TRI' : 'IRR'} (%)`;
      const irrCell = ws.getCell(r, 2);
      const irr = num(row.metrics.irr);
      const guess = rate === null ? '' : `,${first}${rateRow}`;
      irrCell.value = { formula: `IRR(${first}${cashRow}:${last}${cashRow}${guess})`, result: irr === null ? { error: '#NUM!' } : irr };
      irrCell.numFmt = NUMBER_FORMATS.fraction;
      if (row.metrics.irrMultiple) ws.getCell(r, 3).value = this.lang === 'fr' ? 'plusieurs TRI : celui le plus proche du taux d’actualisation' : 'several IRRs: the one closest to the discount rate';
      ws.getRow(r).font = { bold: true };
      r += 2;
    }
    ws.getColumn(1).width = 46;
    for (let j = 2; j <= totalCol; j++) ws.getColumn(j).width = 13;
    ws.getColumn(keyCol).width = 50;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  }

  parameters(): void {
    const c = this.s.columns;
    const ws = this.wb.addWorksheet(this.names.parameters);
    const fr = this.lang === 'fr';
    ws.getRow(1).values = [
      fr ? 'Usage' : 'Use case',
      c.scenario,
      fr ? 'Nom' : 'Name',
      c.description,
      c.value,
      c.unit,
      fr ? 'Plage basse' : 'Range low',
      fr ? 'Plage haute' : 'Range high',
      c.origin,
      c.source,
      c.confidence,
      'Note',
      c.file,
    ];
    styleHeader(ws, 1, this.colours);
    const territoryDir = dirname(this.results.manifest.territory.file);
    this.results.parameters.forEach((p: ParameterRow, i) => {
      const lastFile = [...p.trail].reverse().find((t) => t.file)?.file;
      ws.getRow(2 + i).values = [
        p.useCase ?? '',
        p.scenario ?? this.s.all,
        p.name,
        p.description ?? '',
        num(p.value),
        p.unit,
        num(p.range?.low),
        num(p.range?.high),
        this.s.origins[p.origin] ?? p.origin,
        p.source === null ? this.s.assumptionNoSource : displayText(p.source, territoryDir),
        this.s.confidence[p.confidence] ?? p.confidence,
        p.note ?? '',
        lastFile ? displayPath(lastFile, territoryDir) : '',
      ];
    });
    [14, 10, 36, 50, 14, 14, 12, 12, 18, 60, 12, 60, 40].forEach((w, j) => (ws.getColumn(j + 1).width = w));
    ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  }

  trajectories(): void {
    const ws = this.wb.addWorksheet(this.names.trajectories);
    const fr = this.lang === 'fr';
    const m = this.results.manifest;
    const years = Array.from({ length: m.horizonYears + 1 }, (_x, i) => m.startYear + i);
    const header = [this.s.columns.scenario, fr ? 'Trajectoire' : 'Trajectory', this.s.columns.unit, this.s.columns.description, this.s.columns.source, this.s.columns.confidence, 'Pack'];
    ws.getRow(1).values = [...header, ...years];
    styleHeader(ws, 1, this.colours);
    const t = this.results.trajectories;
    if (!t) {
      ws.getCell(2, 1).value = fr ? 'Les trajectoires ne figurent pas dans ces résultats.' : 'These results do not carry the trajectories.';
    } else {
      let r = 2;
      for (const scenario of m.scenarios) {
        for (const [name, tr] of Object.entries(t[scenario] ?? {})) {
          ws.getRow(r).values = [
            scenario,
            name,
            tr.unit,
            tr.description?.[this.lang] ?? '',
            tr.source ?? this.s.assumptionNoSource,
            this.s.confidence[tr.confidence] ?? tr.confidence,
            tr.pack,
            ...tr.values.map((v) => num(v)),
          ];
          r++;
        }
      }
    }
    [10, 34, 14, 40, 50, 12, 16].forEach((w, j) => (ws.getColumn(j + 1).width = w));
    for (let j = 0; j < years.length; j++) {
      ws.getColumn(header.length + 1 + j).width = 10;
      ws.getColumn(header.length + 1 + j).numFmt = '0.000##';
    }
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  }

  /**
   * The Monte Carlo summary (runs with draws): a few lines on the draws, then one row per comparison against the
   * status quo and perspective, with the statistics of NPV, net tCO2e and simple payback and the probabilities.
   */
  uncertainty(u: NonNullable<RunResults['uncertainty']>): void {
    const ws = this.wb.addWorksheet(this.names.uncertainty);
    const s = this.s.uncertainty;
    const sh = s.sheet;
    const fr = this.lang === 'fr';
    const mc = u.montecarlo;
    ws.getCell('A1').value = `${s.title} — ${this.results.manifest.territory.name}`;
    ws.getCell('A1').font = { bold: true, size: 14, color: { argb: argb(this.colours.primary) } };
    const info: [string, string | number][] = [
      [sh.draws, mc.draws],
      [sh.seed, mc.seed],
      [sh.sampling, mc.method === 'lhs' ? sh.lhs : sh.random],
      [sh.chunkSize, mc.chunkSize],
      [sh.quantities, mc.quantities.length],
      [sh.paybackWithin, mc.paybackWithinYears],
    ];
    info.forEach(([k, v], i) => {
      ws.getCell(2 + i, 1).value = k;
      ws.getCell(2 + i, 2).value = v;
    });
    const stats = (label: string, unit: string, keys: (keyof MetricSummary)[]) =>
      keys.map((k) => `${label} ${k === 'mean' ? sh.mean : k === 'sd' ? sh.sd : k.toUpperCase()} (${unit})`);
    const metric = (m: McMetric) => METRIC_LABELS[m][this.lang];
    const columns: { header: string; value: (r: (typeof mc.results)[number]) => number | null; format: string }[] = [];
    const add = (m: McMetric, kind: ValueKind, keys: (keyof MetricSummary)[]) =>
      stats(metric(m), KIND_UNITS[kind][this.lang], keys).forEach((header, j) =>
        columns.push({ header, value: (r) => num(r.metrics[m][keys[j]]), format: NUMBER_FORMATS[kind] }),
      );
    add('npvEur', 'eur', ['mean', 'sd', 'p5', 'p10', 'p50', 'p90', 'p95']);
    add('netTco2e', 'tco2e', ['mean', 'p5', 'p10', 'p50', 'p90', 'p95']);
    add('simplePaybackYears', 'years', ['p10', 'p50', 'p90']);
    columns.push({ header: `${metric('simplePaybackYears')} — ${sh.defined}`, value: (r) => r.metrics.simplePaybackYears.defined, format: NUMBER_FORMATS.fraction });
    const c = s.columns;
    columns.push({ header: c.npvPositive, value: (r) => r.probabilities.npvPositive, format: NUMBER_FORMATS.fraction });
    columns.push({ header: c.netNegative, value: (r) => r.probabilities.netNegative, format: NUMBER_FORMATS.fraction });
    columns.push({ header: c.both, value: (r) => r.probabilities.both, format: NUMBER_FORMATS.fraction });
    columns.push({ header: sh.paybackWithinColumn(mc.paybackWithinYears), value: (r) => r.probabilities.paybackWithin, format: NUMBER_FORMATS.fraction });

    const headerRow = 2 + info.length + 1;
    const keys = [fr ? 'Usage' : 'Use case', this.s.columns.variant, this.s.columns.comparedTo, this.s.columns.scenario, 'Perspective'];
    ws.getRow(headerRow).values = [...keys, ...columns.map((x) => x.header)];
    styleHeader(ws, headerRow, this.colours);
    ws.getRow(headerRow).height = 60;
    mc.results.forEach((r, i) => {
      ws.getRow(headerRow + 1 + i).values = [
        useCaseName(r.useCase, this.lang),
        this.variantName(r.useCase, r.variant),
        this.variantName(r.useCase, r.comparedTo),
        r.scenario,
        this.s.perspectives[r.perspective] ?? r.perspective,
        ...columns.map((x) => x.value(r)),
      ];
    });
    columns.forEach((x, j) => {
      const col = ws.getColumn(keys.length + 1 + j);
      col.width = 15;
      for (let i = 0; i < mc.results.length; i++) ws.getCell(headerRow + 1 + i, keys.length + 1 + j).numFmt = x.format;
    });
    [24, 34, 24, 10, 30].forEach((w, j) => (ws.getColumn(j + 1).width = w));
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow }];
  }

  flows(): void {
    const ws = this.wb.addWorksheet(this.names.flows);
    const fr = this.lang === 'fr';
    const m = this.results.manifest;
    const n = m.horizonYears + 1;
    const years = Array.from({ length: n }, (_x, i) => m.startYear + i);
    ws.getRow(1).values = [fr ? 'Usage' : 'Use case', this.s.columns.scenario, this.s.columns.variant, this.s.variantsTable.kind, fr ? 'Série' : 'Series', ...years, 'Total'];
    styleHeader(ws, 1, this.colours);
    const first = columnLetter(6);
    const last = columnLetter(5 + n);
    let r = 2;
    for (const f of this.results.flows) {
      for (const [name, values] of Object.entries(f.series)) {
        ws.getRow(r).values = [f.useCase, f.scenario, f.variant, f.kind, name, ...values.map((v) => num(v))];
        let sum = 0;
        for (const v of values) sum += Number.isFinite(v) ? v : 0;
        ws.getCell(r, 6 + n).value = { formula: `SUM(${first}${r}:${last}${r})`, result: sum };
        r++;
      }
    }
    [12, 10, 28, 12, 30].forEach((w, j) => (ws.getColumn(j + 1).width = w));
    for (let j = 6; j <= 6 + n; j++) {
      ws.getColumn(j).width = 12;
      ws.getColumn(j).numFmt = '#,##0.0';
    }
    ws.views = [{ state: 'frozen', xSplit: 5, ySplit: 1 }];
  }
}

/**
 * The workbook of a run as XLSX bytes.
 * @param results a run's results
 * @param options language (default 'fr'), theme (header colour), precomputed recommendations
 * @returns the .xlsx file content
 * @example (await renderWorkbook(results)).subarray(0, 2).toString() // 'PK' (an XLSX file is a zip archive)
 */
export async function renderWorkbook(results: RunResults, options: WorkbookOptions = {}): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const lang = options.lang ?? 'fr';
  const wb = new ExcelJS.Workbook();
  wb.creator = `territoires ${results.manifest.version}`;
  const created = new Date(results.manifest.createdAt);
  wb.created = created;
  wb.modified = created;
  const b = new WorkbookBuilder(wb, results, lang, options.theme ?? DEFAULT_THEME, options.recommendations ?? recommend(results));
  b.summary();
  b.metrics();
  b.yearly();
  b.parameters();
  b.trajectories();
  b.flows();
  if (results.uncertainty) b.uncertainty(results.uncertainty);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
