/**
 * The content of a report, independent of its format: sections of plain-text blocks (paragraphs, tables, lists,
 * charts, method notes) built from RunResults and the recommendations of src/evaluate/recommend.ts. The HTML and
 * Markdown renderers turn the same document into their format, so both carry the same content.
 *
 * Text in blocks is plain text, never markup: renderers escape all of it. This module selects and formats numbers;
 * it computes nothing beyond picking the smallest and largest value of a figure across scenarios for a sentence.
 *
 * Sections, with stable ids: `synthese` (one page for decision-makers), `usage-<id>` per use case (inputs,
 * results, value of the digital layer, charts, reading), `incertitudes` (only for a run with draws: method, a
 * plain reading of the Monte Carlo per use case, the tornado's heaviest quantities, summary table, charts),
 * `scenarios`, `hypotheses` (every parameter), `methode` (model notes), `manifeste` (version, date, input hashes,
 * seed).
 */
import { relative, dirname, isAbsolute } from 'node:path';
import { packageRoot } from '../core/paths.js';
import type { ParameterRow, ResultRow, RunResults } from '../evaluate/engine.js';
import { recommend, type DigitalLayerValue, type Recommendation, type RecommendationSet } from '../evaluate/recommend.js';
import { defaultScenario, featuredVariant } from './charts/common.js';
import { quantityLabel } from './charts/uncertaintyCommon.js';
import { safeId } from './escape.js';
import {
  authorityName,
  formatEurCompact,
  formatEurRange,
  formatProbability,
  formatNumber,
  formatSignificant,
  formatTco2eRange,
  formatValue,
  frequencyOf,
  NULL_MARK,
  strings,
  useCaseName,
  type Lang,
  type ReportStrings,
} from './i18n.js';
import { methodNote, topHeadingLevel } from './modelNotes.js';
import { DEFAULT_THEME, type Theme } from './theme.js';

/** A chart image as the report embeds it (the charts helper's ReportChart fits this shape). */
export interface ChartImage {
  id: string;
  useCase?: string;
  section: 'summary' | 'useCase' | 'portfolio' | 'uncertainty';
  title: string;
  alt: string;
  png: Uint8Array;
}

export type Block =
  | { kind: 'heading'; level: 3 | 4; text: string }
  | { kind: 'paragraph'; text: string; role?: 'lead' | 'note' | 'recommendation' }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: boolean[]; footnotes: string[]; role?: 'keyValue' | 'wide' }
  | { kind: 'chart'; chart: ChartImage }
  /** A model's method note (Markdown); its shallowest heading is shown at `topLevel`. */
  | { kind: 'markdown'; source: string; topLevel: number };

export interface ReportSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  territory: string;
  subtitle: string;
  theme: Theme;
  sections: ReportSection[];
}

export interface ContentOptions {
  lang?: Lang;
  theme?: Theme;
  charts?: readonly ChartImage[];
  /** Recommendations, when already computed (else computed here from `results`). */
  recommendations?: RecommendationSet;
}

/**
 * Stable id of the section of a use case.
 * @example useCaseSectionId('climate-risk') // 'usage-climate-risk'
 */
export function useCaseSectionId(useCase: string): string {
  return `usage-${safeId(useCase)}`;
}

/**
 * Ids of the sections, in order, for a run (`incertitudes` only when the run carries its uncertainty).
 * @example sectionIds(results) // ['synthese', 'usage-lighting', 'usage-water', 'scenarios', 'hypotheses', 'methode', 'manifeste']
 */
export function sectionIds(results: RunResults): string[] {
  return [
    'synthese',
    ...results.manifest.useCases.map(useCaseSectionId),
    ...(results.uncertainty ? [UNCERTAINTY_SECTION_ID] : []),
    'scenarios',
    'hypotheses',
    'methode',
    'manifeste',
  ];
}

/** Id of the uncertainty section (runs with draws). */
export const UNCERTAINTY_SECTION_ID = 'incertitudes';

type Sign = 'positive' | 'negative' | 'mixed';
const signOf = (xs: number[]): Sign => (xs.every((x) => x > 0) ? 'positive' : xs.every((x) => x < 0) ? 'negative' : 'mixed');
const lowHigh = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

/** Cell text with a footnote flag when the value does not exist. */
function cellTracker(): { cell: (s: string) => string; used: () => boolean } {
  let used = false;
  return {
    cell: (s) => {
      if (s === NULL_MARK) used = true;
      return s;
    },
    used: () => used,
  };
}

const FR_NUMBERS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** « Sous les cinq scénarios », « Sous les scénarios TEND et S3 », « Sous le scénario S1 ». */
function underScenarios(ids: string[], all: string[], lang: Lang): string {
  const andWord = lang === 'fr' ? 'et' : 'and';
  const joined = ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} ${andWord} ${ids[ids.length - 1]}`;
  if (ids.length === all.length && all.length > 1) {
    const n = all.length <= 10 ? (lang === 'fr' ? FR_NUMBERS : EN_NUMBERS)[all.length] : String(all.length);
    return lang === 'fr' ? `Sous les ${n} scénarios` : all.length === 2 ? 'Under both scenarios' : `Under all ${n} scenarios`;
  }
  if (ids.length === 1) return lang === 'fr' ? `Sous le scénario ${joined}` : `Under scenario ${joined}`;
  return lang === 'fr' ? `Sous les scénarios ${joined}` : `Under scenarios ${joined}`;
}

interface Comparison {
  scenario: string;
  variant: string;
  comparedTo: string;
  financial: ResultRow;
  socioEconomic: ResultRow;
}

/** The comparisons of a use case (both perspectives paired), in results order. */
function comparisons(results: RunResults, useCase: string): Comparison[] {
  const map = new Map<string, Partial<Comparison> & { scenario: string; variant: string; comparedTo: string }>();
  for (const r of results.results) {
    if (r.useCase !== useCase) continue;
    const key = `${r.scenario}\u0000${r.variant}\u0000${r.comparedTo}`;
    const c = map.get(key) ?? { scenario: r.scenario, variant: r.variant, comparedTo: r.comparedTo };
    c[r.perspective] = r;
    map.set(key, c);
  }
  return [...map.values()].filter((c): c is Comparison => c.financial !== undefined && c.socioEconomic !== undefined);
}

class Builder {
  readonly s: ReportStrings;
  readonly recs: RecommendationSet;
  readonly scenarios: string[];

  constructor(
    readonly results: RunResults,
    readonly lang: Lang,
    readonly charts: readonly ChartImage[],
    recs: RecommendationSet | undefined,
  ) {
    this.s = strings(lang);
    this.recs = recs ?? recommend(results);
    this.scenarios = results.manifest.scenarios;
  }

  variantName(useCase: string, id: string): string {
    return this.results.variants.find((v) => v.useCase === useCase && v.id === id)?.name[this.lang] ?? id;
  }

  statusQuo(useCase: string): string {
    return this.results.variants.find((v) => v.useCase === useCase && v.kind === 'statusQuo')?.id ?? '';
  }

  get years(): number {
    return this.results.manifest.horizonYears;
  }

  /** Sentences of the recommendation of a use case, one per group of scenarios with the same recommendation. */
  recommendationSentences(useCase: string): string[] {
    const recs = this.recs.recommendations.filter((r) => r.useCase === useCase);
    const groups = new Map<string, Recommendation[]>();
    for (const r of recs) groups.set(r.variant, [...(groups.get(r.variant) ?? []), r]);
    const out: string[] = [];
    for (const group of groups.values()) {
      const under = underScenarios(
        group.map((g) => g.scenario),
        this.scenarios,
        this.lang,
      );
      const first = group[0];
      if (first.reason === 'doNothing') {
        out.push(this.s.sentence.doNothing({ under }));
        continue;
      }
      const f = group.map((g) => g.figures!);
      const fin = f.map((x) => x.financialNpvEur);
      const soc = f.map((x) => x.socioEconomicNpvEur);
      const avoided = f.map((x) => x.avoidedTco2e);
      const carbonSign = signOf(avoided);
      const [aLo, aHi] = lowHigh(carbonSign === 'negative' ? avoided.map((x) => -x) : avoided);
      out.push(
        this.s.sentence.recommended({
          under,
          variant: this.variantName(useCase, first.variant),
          authority: authorityName(this.results.manifest.territory.kind, this.lang),
          authorityOf: authorityName(this.results.manifest.territory.kind, this.lang, 'of'),
          financial: formatEurRange(...lowHigh(fin), this.lang),
          socio: formatEurRange(...lowHigh(soc), this.lang),
          financialSign: signOf(fin),
          carbon: formatTco2eRange(aLo, aHi, this.lang),
          carbonSign,
          years: this.years,
        }),
      );
      if (group.some((g) => g.carbonIncrease)) out.push(this.s.sentence.carbonIncrease);
    }
    return out;
  }

  /** Variants with a higher socio-economic NPV than the recommended one, left aside because they add emissions. */
  excludedSentences(useCase: string): string[] {
    const recs = this.recs.recommendations.filter((r) => r.useCase === useCase);
    const out: string[] = [];
    const excluded = new Map<string, string[]>();
    for (const r of recs) for (const v of r.excludedForCarbon) excluded.set(v, [...(excluded.get(v) ?? []), r.scenario]);
    for (const [v, scenarios] of excluded) {
      out.push(this.s.sentence.excludedForCarbon({ variant: this.variantName(useCase, v), under: underScenarios(scenarios, this.scenarios, this.lang) }));
    }
    return out;
  }

  /** Sentences on the value of the digital layer, one per digital variant. */
  digitalSentences(useCase: string): string[] {
    const rows = this.recs.digitalLayer.filter((d) => d.useCase === useCase);
    const byVariant = new Map<string, DigitalLayerValue[]>();
    for (const d of rows) byVariant.set(`${d.variant}\u0000${d.comparedTo}`, [...(byVariant.get(`${d.variant}\u0000${d.comparedTo}`) ?? []), d]);
    const out: string[] = [];
    for (const list of byVariant.values()) {
      const socio = list.map((d) => d.figures.socioEconomicNpvEur);
      const avoided = list.map((d) => d.figures.avoidedTco2e);
      const own = list.map((d) => d.digitalTco2e);
      const socioSign = signOf(socio);
      const avoidedSign = signOf(avoided);
      const abs = (xs: number[], sign: Sign) => (sign === 'negative' ? xs.map((x) => -x) : xs);
      out.push(
        this.s.sentence.digital({
          variant: this.variantName(useCase, list[0].variant),
          alternative: this.variantName(useCase, list[0].comparedTo),
          socio: formatEurRange(...lowHigh(abs(socio, socioSign)), this.lang),
          socioSign,
          avoided: formatTco2eRange(...lowHigh(abs(avoided, avoidedSign)), this.lang),
          avoidedSign,
          own: formatTco2eRange(...lowHigh(own), this.lang),
        }),
      );
    }
    return out;
  }

  /** Variants that do not pay for the budget under any scenario but do for society under every one. */
  budgetVsSocietySentences(useCase: string): string[] {
    const sq = this.statusQuo(useCase);
    const cs = comparisons(this.results, useCase).filter((c) => c.comparedTo === sq);
    // The recommended variants are already described by the recommendation sentences.
    const recommended = new Set(this.recs.recommendations.filter((r) => r.useCase === useCase).map((r) => r.variant));
    const variants = [...new Set(cs.map((c) => c.variant))].filter((v) => !recommended.has(v));
    const out: string[] = [];
    for (const v of variants) {
      const mine = cs.filter((c) => c.variant === v);
      const fin = mine.map((c) => c.financial.metrics.npvEur);
      const soc = mine.map((c) => c.socioEconomic.metrics.npvEur);
      if (signOf(fin) === 'negative' && signOf(soc) === 'positive') {
        out.push(
          this.s.sentence.budgetVsSociety({
            variant: this.variantName(useCase, v),
            financial: formatEurRange(...lowHigh(fin), this.lang),
            socio: formatEurRange(...lowHigh(soc), this.lang),
          }),
        );
      }
    }
    return out;
  }

  /** The summary table of a use case: the recommendation and its key figures per scenario. */
  recommendationTable(useCase: string): Block {
    const c = this.s.columns;
    const t = cellTracker();
    const rows = this.recs.recommendations
      .filter((r) => r.useCase === useCase)
      .map((r) => {
        const f = r.figures;
        const name =
          this.variantName(useCase, r.variant) + (r.reason === 'carbonIncrease' ? ` (${this.s.reasons.carbonIncrease})` : r.reason === 'doNothing' ? ` (${this.s.reasons.doNothing})` : '');
        return [
          r.scenario,
          name,
          t.cell(formatValue(f?.financialNpvEur, 'eur', this.lang)),
          t.cell(formatValue(f?.socioEconomicNpvEur, 'eur', this.lang)),
          t.cell(formatValue(f?.paybackYears, 'years', this.lang)),
          t.cell(formatValue(f?.avoidedTco2e, 'tco2e', this.lang)),
          t.cell(formatValue(f?.capexEur, 'eur', this.lang)),
          t.cell(formatValue(f?.subsidiesEur, 'eur', this.lang)),
        ];
      });
    return {
      kind: 'table',
      header: [c.scenario, c.recommended, c.financialNpv, c.socioNpv, c.payback, c.avoided, c.capex, c.subsidies],
      rows,
      numeric: [false, false, true, true, true, true, true, true],
      footnotes: t.used() ? [this.s.nullFootnote] : [],
    };
  }

  chartsFor(useCase: string | null): Block[] {
    const known = new Set(this.results.manifest.useCases);
    return this.charts
      .filter((ch) =>
        ch.section === 'uncertainty'
          ? false
          : useCase === null
            ? ch.section !== 'useCase' || ch.useCase === undefined || !known.has(ch.useCase)
            : ch.section === 'useCase' && ch.useCase === useCase,
      )
      .map((chart) => ({ kind: 'chart', chart }));
  }

  summary(): ReportSection {
    const m = this.results.manifest;
    const s = this.s;
    const kind = authorityName(m.territory.kind, this.lang).replace(/^(la |le |l’|the )/, '');
    const people = formatNumber(m.territory.population, 0, this.lang);
    const kindAndPopulation = this.lang === 'fr' ? `${kind} de ${people} habitants` : `${kind} of ${people} inhabitants`;
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        role: 'lead',
        text: s.summaryIntro({
          territory: m.territory.name,
          kindAndPopulation,
          useCases: m.useCases.length,
          startYear: m.startYear,
          endYear: m.startYear + m.horizonYears,
          scenarios: m.scenarios.join(', '),
        }),
      },
    ];
    for (const u of m.useCases) {
      blocks.push({ kind: 'heading', level: 3, text: useCaseName(u, this.lang) });
      for (const text of this.recommendationSentences(u)) blocks.push({ kind: 'paragraph', role: 'recommendation', text });
      for (const text of [...this.excludedSentences(u), ...this.digitalSentences(u)]) blocks.push({ kind: 'paragraph', text });
      blocks.push(this.recommendationTable(u));
    }
    blocks.push(...this.chartsFor(null));
    blocks.push({ kind: 'paragraph', role: 'note', text: s.recommendationRule });
    return { id: 'synthese', title: s.sections.summary, blocks };
  }

  useCase(useCase: string): ReportSection {
    const s = this.s;
    const c = s.columns;
    const m = this.results.manifest;
    const blocks: Block[] = [];

    // Inputs.
    blocks.push({ kind: 'heading', level: 3, text: s.inputs });
    const params = this.results.parameters.filter((p) => p.useCase === useCase);
    const originOf = new Map<string, string>();
    for (const p of params) if (!originOf.has(p.name)) originOf.set(p.name, p.origin);
    const counts = new Map<string, number>();
    for (const o of originOf.values()) counts.set(o, (counts.get(o) ?? 0) + 1);
    const byOrigin = [...counts].map(([o, n]) => `${s.origins[o] ?? o} ${n}`).join(', ');
    blocks.push({
      kind: 'paragraph',
      text: s.inputsIntro({ startYear: m.startYear, endYear: m.startYear + m.horizonYears, years: m.horizonYears, total: originOf.size, byOrigin }),
    });
    const variants = this.results.variants.filter((v) => v.useCase === useCase);
    blocks.push({
      kind: 'table',
      header: [s.variantsTable.variant, s.variantsTable.kind, s.variantsTable.description],
      rows: variants.map((v) => [v.name[this.lang], s.kinds[v.kind] ?? v.kind, v.description[this.lang]]),
      numeric: [false, false, false],
      footnotes: [],
    });
    const local = params.filter((p) => p.origin !== 'default' && p.origin !== 'scenario');
    if (local.length > 0) {
      blocks.push({ kind: 'heading', level: 4, text: s.localParameters });
      blocks.push({
        kind: 'table',
        header: [c.parameter, c.scenario, c.value, c.unit, c.origin],
        rows: local.map((p) => [p.name, p.scenario ?? s.all, formatSignificant(p.value, 6, this.lang), p.unit, s.origins[p.origin] ?? p.origin]),
        numeric: [false, false, true, false, false],
        footnotes: [],
      });
    }

    // Results against the status quo.
    blocks.push({ kind: 'heading', level: 3, text: s.results });
    blocks.push({ kind: 'paragraph', text: s.resultsIntro });
    const sq = this.statusQuo(useCase);
    const recommended = new Set(this.recs.recommendations.filter((r) => r.useCase === useCase).map((r) => `${r.scenario}\u0000${r.variant}`));
    const t = cellTracker();
    const all = comparisons(this.results, useCase);
    const rows = all
      .filter((x) => x.comparedTo === sq)
      .map((x) => {
        const f = x.financial.metrics;
        const so = x.socioEconomic.metrics;
        const mark = recommended.has(`${x.scenario}\u0000${x.variant}`) ? ' ✓' : '';
        return [
          x.scenario,
          this.variantName(useCase, x.variant) + mark,
          t.cell(formatValue(f.npvEur, 'eur', this.lang)),
          t.cell(formatValue(so.npvEur, 'eur', this.lang)),
          t.cell(formatValue(f.irr, 'fraction', this.lang)),
          t.cell(formatValue(f.simplePaybackYears, 'years', this.lang)),
          t.cell(formatValue(f.discountedPaybackYears, 'years', this.lang)),
          t.cell(formatValue(so.avoidedTco2e, 'tco2e', this.lang)),
          t.cell(formatValue(so.abatementCostEurPerTco2e, 'eurPerTco2e', this.lang)),
          t.cell(formatValue(f.capexEur, 'eur', this.lang)),
        ];
      });
    blocks.push({
      kind: 'table',
      role: 'wide',
      header: [c.scenario, c.variant, c.financialNpv, c.socioNpv, c.financialIrr, c.payback, c.discountedPayback, c.avoided, c.abatement, c.capex],
      rows,
      numeric: [false, false, true, true, true, true, true, true, true, true],
      footnotes: [`✓${this.lang === 'fr' ? ' : ' : ': '}${s.recommended.toLowerCase()}.`, ...(t.used() ? [s.nullFootnote] : [])],
    });

    // Value of the digital layer.
    const digital = this.recs.digitalLayer.filter((d) => d.useCase === useCase);
    if (digital.length > 0) {
      blocks.push({ kind: 'heading', level: 4, text: s.digitalLayer });
      blocks.push({ kind: 'paragraph', text: s.digitalLayerIntro });
      const td = cellTracker();
      blocks.push({
        kind: 'table',
        role: 'wide',
        header: [c.scenario, c.variant, c.comparedTo, c.deltaFinancialNpv, c.deltaSocioNpv, c.deltaAvoided, c.extraCapex, c.digitalTco2e],
        rows: digital.map((d) => [
          d.scenario,
          this.variantName(useCase, d.variant),
          this.variantName(useCase, d.comparedTo),
          td.cell(formatValue(d.figures.financialNpvEur, 'eur', this.lang)),
          td.cell(formatValue(d.figures.socioEconomicNpvEur, 'eur', this.lang)),
          td.cell(formatValue(d.figures.avoidedTco2e, 'tco2e', this.lang)),
          td.cell(formatValue(d.extraCapexEur, 'eur', this.lang)),
          td.cell(formatValue(d.digitalTco2e, 'tco2e', this.lang)),
        ]),
        numeric: [false, false, false, true, true, true, true, true],
        footnotes: td.used() ? [s.nullFootnote] : [],
      });
    }

    // Charts.
    const charts = this.chartsFor(useCase);
    if (charts.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: s.charts });
      blocks.push(...charts);
    }

    // Reading.
    blocks.push({ kind: 'heading', level: 3, text: s.reading });
    const reading = [
      ...this.recommendationSentences(useCase),
      ...this.excludedSentences(useCase),
      ...this.budgetVsSocietySentences(useCase),
      ...this.digitalSentences(useCase),
    ];
    for (const text of reading) blocks.push({ kind: 'paragraph', text });

    return { id: useCaseSectionId(useCase), title: useCaseName(useCase, this.lang), blocks };
  }

  /**
   * The uncertainty section: how the draws were made, then per use case a plain reading of the Monte Carlo for its
   * featured variant (and its recommended one when different), the tornado's three heaviest quantities, a summary
   * table and the uncertainty charts. Numbers are read from `results.uncertainty`, never recomputed.
   */
  uncertainty(u: NonNullable<RunResults['uncertainty']>): ReportSection {
    const s = this.s.uncertainty;
    const lang = this.lang;
    const mc = u.montecarlo;
    const draws = formatNumber(mc.draws, 0, lang);
    const parameters = mc.quantities.filter((q) => q.kind === 'parameter').length;
    const blocks: Block[] = [
      { kind: 'paragraph', role: 'lead', text: s.intro },
      { kind: 'heading', level: 3, text: s.method },
      {
        kind: 'paragraph',
        text: s.methodText({
          draws,
          seed: mc.seed,
          sampling: mc.method,
          chunkSize: mc.chunkSize,
          quantities: mc.quantities.length,
          parameters,
          trajectories: mc.quantities.length - parameters,
        }),
      },
      { kind: 'paragraph', text: s.percentiles },
      { kind: 'paragraph', text: s.tornadoMethod({ scenario: u.tornado.scenario }) },
    ];
    if (mc.draws < 1000) blocks.push({ kind: 'paragraph', role: 'note', text: s.fewDraws({ draws }) });

    const mcRow = (useCase: string, variant: string, scenario: string, perspective: 'financial' | 'socioEconomic') =>
      mc.results.find((r) => r.useCase === useCase && r.variant === variant && r.scenario === scenario && r.perspective === perspective);
    for (const useCase of this.results.manifest.useCases) {
      blocks.push({ kind: 'heading', level: 3, text: useCaseName(useCase, lang) });
      const featured = featuredVariant(this.results, useCase, defaultScenario(this.results));
      const recommended = this.recs.recommendations.find((r) => r.useCase === useCase && r.scenario === u.tornado.scenario)?.variant;
      const sq = this.statusQuo(useCase);
      const readingVariants = [featured, ...(recommended && recommended !== featured && recommended !== sq ? [recommended] : [])];
      for (const variant of readingVariants) {
        const name = this.variantName(useCase, variant);
        const sentences = this.scenarios.flatMap((scenario) => {
          const soc = mcRow(useCase, variant, scenario, 'socioEconomic');
          const fin = mcRow(useCase, variant, scenario, 'financial');
          if (!soc || !fin) return [];
          return [
            s.reading({
              variant: name,
              scenario,
              npv: frequencyOf(soc.probabilities.npvPositive),
              p10: formatEurCompact(soc.metrics.npvEur.p10, lang),
              p90: formatEurCompact(soc.metrics.npvEur.p90, lang),
              carbon: frequencyOf(soc.probabilities.netNegative),
              financial: frequencyOf(fin.probabilities.npvPositive),
              authorityOf: authorityName(this.results.manifest.territory.kind, lang, 'of'),
            }),
          ];
        });
        if (sentences.length === 1) blocks.push({ kind: 'paragraph', text: sentences[0] });
        else if (sentences.length > 1) {
          blocks.push({ kind: 'paragraph', text: s.readingIntro({ variant: name }) });
          blocks.push({ kind: 'list', items: sentences });
        }
        const tornado = u.tornado.outputs.find((o) => o.useCase === useCase && o.variant === variant && o.perspective === 'socioEconomic' && o.metric === 'npvEur');
        if (tornado) {
          const heaviest = tornado.rows.filter((r) => r.swing > 0).slice(0, 3);
          blocks.push({
            kind: 'paragraph',
            text:
              heaviest.length === 0
                ? s.tornadoNone({ variant: name, scenario: u.tornado.scenario })
                : s.tornado({
                    variant: name,
                    scenario: u.tornado.scenario,
                    items: heaviest.map((r) => ({ label: quantityLabel(this.results, r.name, lang), halfSwing: formatEurCompact(r.swing / 2, lang) })),
                  }),
          });
        }
      }
      const c = s.columns;
      const rows = mc.results
        .filter((r) => r.useCase === useCase && r.perspective === 'socioEconomic' && r.comparedTo === sq)
        .map((r) => [
          r.scenario,
          this.variantName(useCase, r.variant),
          formatValue(r.metrics.npvEur.p10, 'eur', lang),
          formatValue(r.metrics.npvEur.p50, 'eur', lang),
          formatValue(r.metrics.npvEur.p90, 'eur', lang),
          formatProbability(r.probabilities.npvPositive, lang),
          formatProbability(r.probabilities.netNegative, lang),
          formatProbability(r.probabilities.both, lang),
        ]);
      blocks.push({
        kind: 'table',
        role: 'wide',
        header: [this.s.columns.scenario, this.s.columns.variant, c.npvP10, c.npvP50, c.npvP90, c.npvPositive, c.netNegative, c.both],
        rows,
        numeric: [false, false, true, true, true, true, true, true],
        footnotes: [s.tableFootnote({ draws })],
      });
      for (const chart of this.charts) if (chart.section === 'uncertainty' && chart.useCase === useCase) blocks.push({ kind: 'chart', chart });
    }
    return { id: UNCERTAINTY_SECTION_ID, title: s.title, blocks };
  }

  scenarioSection(): ReportSection {
    const s = this.s;
    const c = s.columns;
    return {
      id: 'scenarios',
      title: s.sections.scenarios,
      blocks: [
        { kind: 'paragraph', text: s.scenariosIntro },
        {
          kind: 'table',
          header: [c.id, c.name, c.chain, c.description],
          rows: this.results.scenarios.map((x) => [x.id, x.name[this.lang], x.chain.join(' → '), x.description[this.lang]]),
          numeric: [false, false, false, false],
          footnotes: [],
        },
      ],
    };
  }

  parameterRow(p: ParameterRow): string[] {
    const s = this.s;
    const range = p.range ? `${formatSignificant(p.range.low, 4, this.lang)} – ${formatSignificant(p.range.high, 4, this.lang)}` : '';
    let source = p.source === null ? s.assumptionNoSource : displayText(p.source, dirname(this.results.manifest.territory.file));
    if (p.note && (p.source === null || p.confidence === 'assumption')) source += ` (${p.note})`;
    const description = this.lang === 'fr' ? (p.descriptionFr ?? p.description) : p.description;
    return [
      description ? `${p.name} — ${description}` : p.name,
      p.scenario ?? s.all,
      formatSignificant(p.value, 6, this.lang),
      range,
      p.unit,
      s.origins[p.origin] ?? p.origin,
      source,
      s.confidence[p.confidence] ?? p.confidence,
    ];
  }

  assumptions(): ReportSection {
    const s = this.s;
    const c = s.columns;
    const blocks: Block[] = [{ kind: 'paragraph', text: s.assumptionsIntro }];
    const groups = new Map<string, ParameterRow[]>();
    for (const p of this.results.parameters) {
      const key = p.useCase ?? '';
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const rangeHeader = this.lang === 'fr' ? 'Plage' : 'Range';
    for (const [useCase, rows] of groups) {
      blocks.push({ kind: 'heading', level: 3, text: useCase ? useCaseName(useCase, this.lang) : this.lang === 'fr' ? 'Paramètres communs' : 'Common parameters' });
      blocks.push({
        kind: 'table',
        role: 'wide',
        header: [c.parameter, c.scenario, c.value, rangeHeader, c.unit, c.origin, c.source, c.confidence],
        rows: rows.map((p) => this.parameterRow(p)),
        numeric: [false, false, true, true, false, false, false, false],
        footnotes: [],
      });
    }
    return { id: 'hypotheses', title: s.sections.assumptions, blocks };
  }

  method(): ReportSection {
    const blocks: Block[] = [{ kind: 'paragraph', text: this.s.methodIntro }];
    const models = [...this.results.manifest.useCases];
    if (this.results.variants.some((v) => v.kind === 'digital')) models.push('digital');
    for (const id of models) {
      const note = methodNote(id, this.lang);
      if (note === null) continue;
      blocks.push({ kind: 'heading', level: 3, text: useCaseName(id, this.lang) });
      blocks.push({ kind: 'markdown', source: note, topLevel: topHeadingLevel(note) ?? 4 });
    }
    return { id: 'methode', title: this.s.sections.method, blocks };
  }

  manifest(): ReportSection {
    const s = this.s;
    const r = s.manifestRows;
    const m = this.results.manifest;
    const territoryDir = dirname(m.territory.file);
    const rows: string[][] = [
      [r.tool, m.tool],
      [r.version, m.version],
      [r.createdAt, m.createdAt],
      [r.territory, `${m.territory.name} (${m.territory.id}, ${m.territory.kind})`],
      [r.population, formatNumber(m.territory.population, 0, this.lang)],
      [r.territoryFile, displayPath(m.territory.file, territoryDir)],
      [r.horizon, `${m.startYear} – ${m.startYear + m.horizonYears} (${m.horizonYears} ${this.lang === 'fr' ? 'ans' : 'years'})`],
      [r.scenarios, m.scenarios.join(', ')],
      [r.useCases, m.useCases.map((u) => `${useCaseName(u, this.lang)} (${u})`).join(', ')],
      [r.carbonValuePath, m.carbonValuePath],
      [r.seed, m.seed === null ? r.noSeed : String(m.seed)],
    ];
    const colon = this.lang === 'fr' ? ' : ' : ': ';
    const conventions = Object.entries(m.conventions).map(([k, v]) => `${s.conventionLabels[k] ?? k}${colon}${s.conventionText[k] ?? v}`);
    return {
      id: 'manifeste',
      title: s.sections.manifest,
      blocks: [
        { kind: 'paragraph', text: s.manifestIntro },
        { kind: 'table', role: 'keyValue', header: [s.columns.item, s.columns.value], rows, numeric: [false, false], footnotes: [] },
        { kind: 'heading', level: 3, text: s.inputsHashes },
        {
          kind: 'table',
          header: [s.columns.file, s.columns.sha256],
          rows: m.inputs.map((i) => [displayPath(i.file, territoryDir), i.sha256]),
          numeric: [false, false],
          footnotes: [],
        },
        { kind: 'heading', level: 3, text: s.conventions },
        { kind: 'list', items: conventions },
      ],
    };
  }
}

/**
 * A file path as the report shows it: relative to the package when inside it (built-in examples), else relative
 * to the territory's folder, so that a report handed over does not show the author's home folder.
 * @example displayPath('/home/a/territoires/examples/ville-moyenne/territory.yaml', '/x') // 'examples/ville-moyenne/territory.yaml'
 */
export function displayPath(file: string, territoryDir: string): string {
  if (!isAbsolute(file)) return file;
  const root = packageRoot();
  const inPackage = relative(root, file);
  if (!inPackage.startsWith('..') && !isAbsolute(inPackage)) return inPackage.split('\\').join('/');
  return relative(territoryDir, file).split('\\').join('/') || file;
}

/**
 * Text (a parameter's source) with the absolute folders of the package and of the territory taken out of the
 * file paths it quotes, as `displayPath` does.
 * @example displayText('file /home/a/territoires/examples/x/territory.yaml', '/home/a/territoires/examples/x') // 'file examples/x/territory.yaml'
 */
export function displayText(text: string, territoryDir: string): string {
  const root = packageRoot();
  const strip = (t: string, dir: string) => (dir && dir !== '/' ? t.split(`${dir}/`).join('') : t);
  return strip(strip(text, root), territoryDir);
}

/**
 * Builds the content of the report of a run.
 * @param results a run's results
 * @param options language (default French), theme, chart images, precomputed recommendations
 * @returns the document both the HTML and the Markdown renderers turn into their format
 * @example buildReport(results, { lang: 'fr' }).sections.map((s) => s.id) // ['synthese', 'usage-lighting', …, 'manifeste']
 */
export function buildReport(results: RunResults, options: ContentOptions = {}): ReportDocument {
  const lang = options.lang ?? 'fr';
  const b = new Builder(results, lang, options.charts ?? [], options.recommendations);
  const m = results.manifest;
  const s = strings(lang);
  const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(m.createdAt));
  return {
    lang,
    title: s.reportTitle,
    territory: m.territory.name,
    subtitle: `${m.startYear} – ${m.startYear + m.horizonYears} · ${s.generatedOn} ${date}`,
    theme: options.theme ?? DEFAULT_THEME,
    sections: [
      b.summary(),
      ...m.useCases.map((u) => b.useCase(u)),
      ...(results.uncertainty ? [b.uncertainty(results.uncertainty)] : []),
      b.scenarioSection(),
      b.assumptions(),
      b.method(),
      b.manifest(),
    ],
  };
}
