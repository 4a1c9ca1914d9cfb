/**
 * Report strings in French (the default) and English, and number formats.
 *
 * Numbers go through `Intl.NumberFormat` ('fr-FR' or 'en-GB'): French output groups thousands with a narrow
 * no-break space and uses a decimal comma (`1 234,5 €`, `12,3 %`, `1 234 tCO2e`). A metric that does not exist
 * (`null`: no payback within the horizon, no IRR) shows as `—`, explained by `strings(lang).nullFootnote`.
 *
 * Sentence templates are functions here so that each language keeps its own grammar; which template applies is
 * decided in `content.ts` from the numbers.
 */

export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Mark shown for a metric that does not exist (null or non-finite). */
export const NULL_MARK = '—';

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), options);
    formatters.set(key, f);
  }
  return f;
}

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A number with `digits` decimals, or `—` when it does not exist.
 * @example formatNumber(1234.5, 1) // '1 234,5' (narrow no-break space)
 */
export function formatNumber(x: number | null | undefined, digits = 0, lang: Lang = 'fr'): string {
  if (!isNumber(x)) return NULL_MARK;
  return formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/**
 * A number with at most `significant` significant digits (parameter values: 0,032 ; 1 050 ; 0,000125).
 * @example formatSignificant(0.0321234, 3) // '0,0321'
 */
export function formatSignificant(x: number | null | undefined, significant = 6, lang: Lang = 'fr'): string {
  if (!isNumber(x)) return NULL_MARK;
  return formatter(lang, { maximumSignificantDigits: significant }).format(x);
}

/**
 * An amount in euros [€].
 * @example formatEur(1234.5, 'fr', 1) // '1 234,5 €'
 */
export function formatEur(x: number | null | undefined, lang: Lang = 'fr', digits = 0): string {
  if (!isNumber(x)) return NULL_MARK;
  return formatter(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/**
 * A fraction as a percentage [fraction → %].
 * @example formatPercent(0.123) // '12,3 %'
 */
export function formatPercent(x: number | null | undefined, lang: Lang = 'fr', digits = 1): string {
  if (!isNumber(x)) return NULL_MARK;
  return formatter(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/**
 * Tonnes of CO2 equivalent [tCO2e].
 * @example formatTco2e(1234.4) // '1 234 tCO2e'
 */
export function formatTco2e(x: number | null | undefined, lang: Lang = 'fr', digits = 0): string {
  if (!isNumber(x)) return NULL_MARK;
  return `${formatNumber(x, digits, lang)} tCO2e`;
}

/**
 * A duration in years.
 * @example formatYears(5.46) // '5,5 ans'
 */
export function formatYears(x: number | null | undefined, lang: Lang = 'fr', digits = 1): string {
  if (!isNumber(x)) return NULL_MARK;
  const n = formatNumber(x, digits, lang);
  if (lang === 'fr') return `${n} ${Math.abs(x) < 2 ? 'an' : 'ans'}`;
  return `${n} ${Math.abs(x) === 1 ? 'year' : 'years'}`;
}

/**
 * Rounds to `significant` significant digits, for figures quoted in sentences (1 316 → 1 300).
 * @example roundSignificant(2316, 2) // 2300
 */
export function roundSignificant(x: number, significant = 2): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const factor = 10 ** (magnitude - significant + 1);
  return Math.round(x / factor) * factor;
}

/** Scale of an amount for sentences: millions, thousands or units of euros. */
function eurScale(maxAbs: number): { divisor: number; fr: string; en: string; digits: number } {
  if (maxAbs >= 1e6) return { divisor: 1e6, fr: 'M€', en: 'M', digits: 1 };
  if (maxAbs >= 1e4) return { divisor: 1e3, fr: 'k€', en: 'k', digits: 0 };
  return { divisor: 1, fr: '€', en: '', digits: 0 };
}

/**
 * An amount in euros for a sentence, in M€ or k€ when large.
 * @example formatEurCompact(6_312_000) // '6,3 M€'
 */
export function formatEurCompact(x: number | null | undefined, lang: Lang = 'fr'): string {
  if (!isNumber(x)) return NULL_MARK;
  const s = eurScale(Math.abs(x));
  const n = formatNumber(x / s.divisor, s.digits, lang);
  if (lang === 'fr') return `${n}\u00a0${s.fr}`;
  return x < 0 ? `-€${n.slice(1)}${s.en ? '\u00a0' + s.en : ''}` : `€${n}${s.en ? '\u00a0' + s.en : ''}`;
}

/**
 * A range of amounts for a sentence, one scale for both ends: « 6,3 à 8,5 M€ », or « 6,3 M€ » when the ends are
 * equal once rounded.
 * @example formatEurRange(6_312_000, 8_485_000) // '6,3 à 8,5 M€'
 */
export function formatEurRange(low: number, high: number, lang: Lang = 'fr'): string {
  const s = eurScale(Math.max(Math.abs(low), Math.abs(high)));
  const a = formatNumber(low / s.divisor, s.digits, lang);
  const b = formatNumber(high / s.divisor, s.digits, lang);
  if (lang === 'fr') return a === b ? `${a}\u00a0${s.fr}` : `${a} à ${b}\u00a0${s.fr}`;
  const unit = s.en ? `\u00a0${s.en}` : '';
  const eur = (n: string) => (n.startsWith('-') ? `-€${n.slice(1)}` : `€${n}`);
  return a === b ? `${eur(a)}${unit}` : `${eur(a)}${unit} to ${eur(b)}${unit}`;
}

/**
 * A range of tonnes for a sentence, two significant digits: « 1 300 à 2 300 tCO2e ».
 * @example formatTco2eRange(1280, 2316) // '1 300 à 2 300 tCO2e'
 */
export function formatTco2eRange(low: number, high: number, lang: Lang = 'fr'): string {
  const a = formatNumber(roundSignificant(low), 0, lang);
  const b = formatNumber(roundSignificant(high), 0, lang);
  if (a === b) return `${a} tCO2e`;
  return lang === 'fr' ? `${a} à ${b} tCO2e` : `${a} to ${b} tCO2e`;
}

/**
 * How often something happens over the Monte Carlo draws, as a sentence says it: « dans N cas sur 10 » with
 * N = round(p × 10), except « dans tous les tirages » (p = 1), « dans aucun tirage » (p = 0), and, so that a
 * rounded 10 or 0 never reads as « always » or « never », « plus de 9 cas sur 10 » (p < 1 rounding to 10) and
 * « moins d’un cas sur 10 » (p > 0 rounding to 0).
 */
export interface Frequency {
  kind: 'all' | 'none' | 'almostAll' | 'almostNone' | 'tenths';
  /** round(p × 10) [cases out of 10]. */
  tenths: number;
}

/**
 * The frequency of a probability over the draws.
 * @param p share of the draws [fraction, 0–1]
 * @example frequencyOf(0.9) // { kind: 'tenths', tenths: 9 }
 * @example frequencyOf(0.96) // { kind: 'almostAll', tenths: 10 }
 */
export function frequencyOf(p: number): Frequency {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`frequencyOf: p must be a share from 0 to 1, received ${p}`);
  const tenths = Math.round(p * 10);
  if (p === 1) return { kind: 'all', tenths };
  if (p === 0) return { kind: 'none', tenths };
  if (tenths === 10) return { kind: 'almostAll', tenths };
  if (tenths === 0) return { kind: 'almostNone', tenths };
  return { kind: 'tenths', tenths };
}

/**
 * A probability over the draws as a percentage with one decimal, never « 100 % » or « 0 % » unless every draw or
 * none agrees.
 * @example formatProbability(0.9995) // '> 99,9 %'
 * @example formatProbability(0.25, 'en') // '25.0%'
 */
export function formatProbability(p: number | null | undefined, lang: Lang = 'fr'): string {
  if (!isNumber(p)) return NULL_MARK;
  const shown = Math.round(p * 1000) / 1000;
  if (shown === 1 && p < 1) return `>\u00a0${formatPercent(0.999, lang)}`;
  if (shown === 0 && p > 0) return `<\u00a0${formatPercent(0.001, lang)}`;
  return formatPercent(p, lang);
}

/** How a metric's value is shown and which unit its header carries. */
export type ValueKind = 'eur' | 'fraction' | 'years' | 'ratio' | 'kwh' | 'tco2e' | 'eurPerKwh' | 'eurPerTco2e' | 'boolean';

/**
 * Formats a value of a given kind for a table cell (the unit is in the column header).
 * @example formatValue(0.0512, 'fraction') // '5,1 %'
 */
export function formatValue(x: number | boolean | null | undefined, kind: ValueKind, lang: Lang = 'fr'): string {
  if (typeof x === 'boolean') return x ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  switch (kind) {
    case 'eur':
      return formatNumber(x, 0, lang);
    case 'fraction':
      return formatPercent(x, lang);
    case 'years':
      return formatNumber(x, 1, lang);
    case 'ratio':
      return formatNumber(x, 2, lang);
    case 'kwh':
      return formatNumber(x, 0, lang);
    case 'tco2e':
      return formatNumber(x, 0, lang);
    case 'eurPerKwh':
      return formatNumber(x, 3, lang);
    case 'eurPerTco2e':
      return formatNumber(x, 0, lang);
    default:
      return formatNumber(x, 0, lang);
  }
}

/** Unit shown in a header for each kind. */
export const KIND_UNITS: Record<ValueKind, { fr: string; en: string }> = {
  eur: { fr: '€', en: '€' },
  fraction: { fr: '%', en: '%' },
  years: { fr: 'ans', en: 'years' },
  ratio: { fr: '–', en: '–' },
  kwh: { fr: 'kWh', en: 'kWh' },
  tco2e: { fr: 'tCO2e', en: 'tCO2e' },
  eurPerKwh: { fr: '€/kWh', en: '€/kWh' },
  eurPerTco2e: { fr: '€/tCO2e', en: '€/tCO2e' },
  boolean: { fr: 'oui/non', en: 'yes/no' },
};

interface Labelled {
  fr: string;
  en: string;
  kind: ValueKind;
}

/** Labels of every metric of `Metrics` (src/evaluate/metrics.ts). */
export const METRIC_LABELS: Record<string, Labelled> = {
  npvEur: { fr: 'VAN', en: 'NPV', kind: 'eur' },
  irr: { fr: 'TRI', en: 'IRR', kind: 'fraction' },
  irrMultiple: { fr: 'TRI multiples', en: 'Several IRRs', kind: 'boolean' },
  mirr: { fr: 'TRI modifié', en: 'MIRR', kind: 'fraction' },
  simplePaybackYears: { fr: 'Temps de retour', en: 'Payback', kind: 'years' },
  discountedPaybackYears: { fr: 'Temps de retour actualisé', en: 'Discounted payback', kind: 'years' },
  benefitCostRatio: { fr: 'Ratio bénéfices/coûts', en: 'Benefit-cost ratio', kind: 'ratio' },
  capexEur: { fr: 'Investissement initial', en: 'Initial investment', kind: 'eur' },
  lifecycleCostEur: { fr: 'Coût global actualisé', en: 'Lifecycle cost', kind: 'eur' },
  equivalentAnnualCostEur: { fr: 'Coût annuel équivalent', en: 'Equivalent annual cost', kind: 'eur' },
  energySavedKwh: { fr: 'Énergie économisée', en: 'Energy saved', kind: 'kwh' },
  energySavedFraction: { fr: 'Part d’énergie économisée', en: 'Share of energy saved', kind: 'fraction' },
  levelisedCostOfSavedEnergyEurPerKwh: { fr: 'Coût du kWh économisé', en: 'Levelised cost of saved energy', kind: 'eurPerKwh' },
  embodiedTco2e: { fr: 'Émissions de fabrication', en: 'Embodied emissions', kind: 'tco2e' },
  useTco2e: { fr: 'Émissions d’usage', en: 'Use-phase emissions', kind: 'tco2e' },
  endOfLifeTco2e: { fr: 'Émissions de fin de vie', en: 'End-of-life emissions', kind: 'tco2e' },
  digitalTco2e: { fr: 'Émissions du numérique', en: 'Digital-layer emissions', kind: 'tco2e' },
  avoidedTco2e: { fr: 'Émissions évitées', en: 'Emissions avoided', kind: 'tco2e' },
  netTco2e: { fr: 'Bilan carbone net', en: 'Net emissions', kind: 'tco2e' },
  carbonPaybackYears: { fr: 'Temps de retour carbone', en: 'Carbon payback', kind: 'years' },
  abatementCostEurPerTco2e: { fr: 'Coût d’abattement', en: 'Abatement cost', kind: 'eurPerTco2e' },
  subsidiesEur: { fr: 'Subventions', en: 'Subsidies', kind: 'eur' },
  fctvaEur: { fr: 'FCTVA', en: 'FCTVA', kind: 'eur' },
};

/** Labels of every yearly series of `Yearly` (src/evaluate/metrics.ts). */
export const YEARLY_LABELS: Record<string, Labelled> = {
  cashFlowEur: { fr: 'Flux de trésorerie incrémental', en: 'Incremental cash flow', kind: 'eur' },
  discountedCashFlowEur: { fr: 'Flux actualisé', en: 'Discounted cash flow', kind: 'eur' },
  cumulativeDiscountedCashFlowEur: { fr: 'Flux actualisé cumulé', en: 'Cumulative discounted cash flow', kind: 'eur' },
  costEur: { fr: 'Coût de la variante', en: 'Variant cost', kind: 'eur' },
  referenceCostEur: { fr: 'Coût de la référence', en: 'Reference cost', kind: 'eur' },
  emissionsTco2e: { fr: 'Émissions de la variante', en: 'Variant emissions', kind: 'tco2e' },
  referenceEmissionsTco2e: { fr: 'Émissions de la référence', en: 'Reference emissions', kind: 'tco2e' },
  emissionsAmortisedTco2e: { fr: 'Émissions de la variante (amorties)', en: 'Variant emissions (amortised)', kind: 'tco2e' },
  referenceEmissionsAmortisedTco2e: { fr: 'Émissions de la référence (amorties)', en: 'Reference emissions (amortised)', kind: 'tco2e' },
  embodiedTco2e: { fr: 'Fabrication', en: 'Manufacturing', kind: 'tco2e' },
  useTco2e: { fr: 'Usage', en: 'Use', kind: 'tco2e' },
  endOfLifeTco2e: { fr: 'Fin de vie', en: 'End of life', kind: 'tco2e' },
  digitalTco2e: { fr: 'Dont numérique', en: 'Of which digital', kind: 'tco2e' },
  avoidedTco2e: { fr: 'Émissions évitées', en: 'Emissions avoided', kind: 'tco2e' },
  energyKwh: { fr: 'Énergie de la variante', en: 'Variant energy', kind: 'kwh' },
  referenceEnergyKwh: { fr: 'Énergie de la référence', en: 'Reference energy', kind: 'kwh' },
};

/**
 * `Label (unit)` for a metric or yearly series.
 * @example labelWithUnit(METRIC_LABELS.npvEur, 'fr') // 'VAN (€)'
 */
export function labelWithUnit(entry: Labelled, lang: Lang): string {
  return `${entry[lang]} (${KIND_UNITS[entry.kind][lang]})`;
}

const USE_CASES: Record<string, { fr: string; en: string }> = {
  lighting: { fr: 'Éclairage public', en: 'Public lighting' },
  water: { fr: 'Eau potable', en: 'Drinking water' },
  'climate-risk': { fr: 'Risques climatiques', en: 'Climate risks' },
  buildings: { fr: 'Bâtiments publics', en: 'Public buildings' },
  digital: { fr: 'Infrastructure numérique partagée', en: 'Shared digital infrastructure' },
};

/**
 * Name of a use case (or of the shared digital infrastructure); the id itself when unknown.
 * @example useCaseName('lighting', 'fr') // 'Éclairage public'
 */
export function useCaseName(id: string, lang: Lang): string {
  return USE_CASES[id]?.[lang] ?? id;
}

const TERRITORY_KINDS: Record<string, { fr: string; frOf: string; en: string }> = {
  commune: { fr: 'la commune', frOf: 'de la commune', en: 'the municipality' },
  epci: { fr: 'l’EPCI', frOf: 'de l’EPCI', en: 'the EPCI' },
  syndicat: { fr: 'le syndicat', frOf: 'du syndicat', en: 'the syndicate' },
  departement: { fr: 'le département', frOf: 'du département', en: 'the département' },
  region: { fr: 'la région', frOf: 'de la région', en: 'the region' },
};

/**
 * The authority as a sentence names it: « la commune » (`subject`), « de la commune » (`of`, French only; English
 * gives « the municipality » for both).
 * @example authorityName('syndicat', 'fr', 'of') // 'du syndicat'
 */
export function authorityName(kind: string, lang: Lang, form: 'subject' | 'of' = 'subject'): string {
  const k = TERRITORY_KINDS[kind] ?? { fr: 'la collectivité', frOf: 'de la collectivité', en: 'the authority' };
  if (lang === 'en') return k.en;
  return form === 'of' ? k.frOf : k.fr;
}

/** The fixed strings of a report. */
export interface ReportStrings {
  reportTitle: string;
  contents: string;
  generatedOn: string;
  sections: { summary: string; scenarios: string; assumptions: string; method: string; manifest: string };
  kinds: Record<string, string>;
  perspectives: Record<string, string>;
  origins: Record<string, string>;
  confidence: Record<string, string>;
  reasons: Record<string, string>;
  nullFootnote: string;
  all: string;
  yes: string;
  no: string;
  none: string;
  summaryIntro: (a: { territory: string; kindAndPopulation: string; useCases: number; startYear: number; endYear: number; scenarios: string }) => string;
  recommendationRule: string;
  inputs: string;
  inputsIntro: (a: { startYear: number; endYear: number; years: number; total: number; byOrigin: string }) => string;
  variantsTable: { variant: string; kind: string; description: string };
  localParameters: string;
  results: string;
  resultsIntro: string;
  digitalLayer: string;
  digitalLayerIntro: string;
  recommended: string;
  charts: string;
  reading: string;
  noCharts: string;
  columns: {
    scenario: string;
    variant: string;
    recommended: string;
    reason: string;
    comparedTo: string;
    financialNpv: string;
    socioNpv: string;
    financialIrr: string;
    payback: string;
    discountedPayback: string;
    avoided: string;
    abatement: string;
    capex: string;
    subsidies: string;
    extraCapex: string;
    digitalTco2e: string;
    deltaFinancialNpv: string;
    deltaSocioNpv: string;
    deltaAvoided: string;
    id: string;
    name: string;
    chain: string;
    description: string;
    parameter: string;
    value: string;
    unit: string;
    origin: string;
    source: string;
    confidence: string;
    file: string;
    sha256: string;
    item: string;
  };
  scenariosIntro: string;
  assumptionsIntro: string;
  assumptionNoSource: string;
  methodIntro: string;
  manifestIntro: string;
  manifestRows: {
    tool: string;
    version: string;
    createdAt: string;
    territory: string;
    population: string;
    territoryFile: string;
    horizon: string;
    scenarios: string;
    useCases: string;
    carbonValuePath: string;
    seed: string;
    noSeed: string;
  };
  inputsHashes: string;
  conventions: string;
  conventionLabels: Record<string, string>;
  conventionText: Record<string, string>;
  /** « Sous les cinq scénarios », « Sous le scénario S1 »… */
  underScenarios: (ids: string[], allFive: boolean) => string;
  sentence: {
    recommended: (a: { under: string; variant: string; authority: string; authorityOf: string; financial: string; socio: string; financialSign: 'positive' | 'negative' | 'mixed'; carbon: string; carbonSign: 'positive' | 'negative' | 'mixed'; years: number }) => string;
    doNothing: (a: { under: string }) => string;
    carbonIncrease: string;
    /** A variant with a higher socio-economic NPV left aside because it increases emissions. */
    excludedForCarbon: (a: { variant: string; under: string }) => string;
    digital: (a: { variant: string; alternative: string; socio: string; socioSign: 'positive' | 'negative' | 'mixed'; avoided: string; avoidedSign: 'positive' | 'negative' | 'mixed'; own: string }) => string;
    budgetVsSociety: (a: { variant: string; financial: string; socio: string }) => string;
  };
  chartAltPrefix: string;
  uncertainty: UncertaintyStrings;
}

/** Strings of the uncertainty section (runs with draws). */
export interface UncertaintyStrings {
  title: string;
  intro: string;
  method: string;
  methodText: (a: { draws: string; seed: number; sampling: 'lhs' | 'random'; chunkSize: number; quantities: number; parameters: number; trajectories: number }) => string;
  percentiles: string;
  tornadoMethod: (a: { scenario: string }) => string;
  fewDraws: (a: { draws: string }) => string;
  /** « dans 9 cas sur 10 », « dans tous les tirages »… */
  frequency: (f: Frequency) => string;
  /** One scenario's reading: socio-economic NPV, carbon, and the budget. */
  reading: (a: { variant: string; scenario: string; npv: Frequency; p10: string; p90: string; carbon: Frequency; financial: Frequency; authorityOf: string }) => string;
  tornado: (a: { variant: string; scenario: string; items: { label: string; halfSwing: string }[] }) => string;
  tornadoNone: (a: { variant: string; scenario: string }) => string;
  readingIntro: (a: { variant: string }) => string;
  tableFootnote: (a: { draws: string }) => string;
  columns: { npvP10: string; npvP50: string; npvP90: string; npvPositive: string; netNegative: string; both: string };
  sheet: {
    draws: string;
    seed: string;
    sampling: string;
    lhs: string;
    random: string;
    chunkSize: string;
    quantities: string;
    paybackWithin: string;
    mean: string;
    sd: string;
    defined: string;
    paybackWithinColumn: (years: number) => string;
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** « 1 trajectoire », « 23 trajectoires ». */
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const list = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const FR: ReportStrings = {
  reportTitle: 'Évaluation des usages numériques',
  contents: 'Sommaire',
  generatedOn: 'Rapport produit le',
  sections: {
    summary: 'Synthèse pour les décideurs',
    scenarios: 'Scénarios',
    assumptions: 'Annexe : hypothèses',
    method: 'Annexe : méthode',
    manifest: 'Annexe : traçabilité du calcul',
  },
  kinds: { statusQuo: 'statu quo', alternative: 'alternative non numérique', digital: 'numérique' },
  perspectives: { financial: 'financière (budget de la collectivité)', socioEconomic: 'socio-économique (société)' },
  origins: { default: 'valeur par défaut', scenario: 'scénario', territory: 'territoire', override: 'ligne de commande (--set)', calibrated: 'calibrée sur données' },
  confidence: { high: 'élevée', medium: 'moyenne', low: 'faible', assumption: 'hypothèse' },
  reasons: {
    lowCarbonBest: 'meilleure VAN socio-économique sans hausse des émissions',
    carbonIncrease: 'meilleure VAN socio-économique, mais hausse des émissions',
    doNothing: 'aucune variante n’a une VAN socio-économique positive',
  },
  nullFootnote: '— : l’indicateur n’existe pas sur l’horizon (retour jamais atteint, pas de TRI, rien d’évité).',
  all: 'tous',
  yes: 'oui',
  no: 'non',
  none: 'aucun',
  summaryIntro: (a) =>
    `Ce rapport évalue ${a.useCases === 1 ? 'un usage numérique' : `${a.useCases} usages numériques`} pour « ${a.territory} » (${a.kindAndPopulation}), ` +
    `de ${a.startYear} à ${a.endYear}, sous les scénarios ADEME Transition(s) 2050 ${a.scenarios}. Chaque variante est comparée ` +
    `au statu quo, pour le budget de la collectivité (VAN financière) et pour la société (VAN socio-économique, valeur ` +
    `carbone comprise).`,
  recommendationRule:
    'Règle de recommandation : parmi les variantes qui ne font pas monter les émissions et dont la VAN socio-économique ' +
    'est positive, celle qui a la plus forte VAN socio-économique ; à défaut, la meilleure VAN socio-économique positive ' +
    '(signalée : hausse des émissions) ; à défaut, le statu quo.',
  inputs: 'Données d’entrée',
  inputsIntro: (a) =>
    `Horizon : ${a.startYear} à ${a.endYear} (${a.years} ans). ${a.total} paramètres utilisés, par origine : ${a.byOrigin}. ` +
    'Chacun est listé avec sa source et sa confiance en annexe.',
  variantsTable: { variant: 'Variante', kind: 'Type', description: 'Description' },
  localParameters: 'Paramètres fixés par le territoire',
  results: 'Résultats',
  resultsIntro: 'Chaque variante comparée au statu quo. VAN financière : budget de la collectivité ; VAN socio-économique : société.',
  digitalLayer: 'Valeur de la couche numérique',
  digitalLayerIntro: 'Chaque variante numérique comparée à la meilleure alternative non numérique : écarts de VAN et d’émissions évitées.',
  recommended: 'Variante recommandée',
  charts: 'Graphiques',
  reading: 'Lecture',
  noCharts: 'Pas de graphique pour cet usage.',
  columns: {
    scenario: 'Scénario',
    variant: 'Variante',
    recommended: 'Variante recommandée',
    reason: 'Motif',
    comparedTo: 'Comparée à',
    financialNpv: 'VAN financière (€)',
    socioNpv: 'VAN socio-économique (€)',
    financialIrr: 'TRI financier (%)',
    payback: 'Retour (ans)',
    discountedPayback: 'Retour actualisé (ans)',
    avoided: 'Émissions évitées (tCO2e)',
    abatement: 'Coût d’abattement (€/tCO2e)',
    capex: 'Investissement (€)',
    subsidies: 'Subventions (€)',
    extraCapex: 'Surcoût d’investissement (€)',
    digitalTco2e: 'Émissions du numérique (tCO2e)',
    deltaFinancialNpv: 'Écart de VAN financière (€)',
    deltaSocioNpv: 'Écart de VAN socio-économique (€)',
    deltaAvoided: 'Émissions évitées en plus (tCO2e)',
    id: 'Code',
    name: 'Nom',
    chain: 'Héritage',
    description: 'Description',
    parameter: 'Paramètre',
    value: 'Valeur',
    unit: 'Unité',
    origin: 'Origine',
    source: 'Source',
    confidence: 'Confiance',
    file: 'Fichier',
    sha256: 'Empreinte SHA-256',
    item: 'Élément',
  },
  scenariosIntro:
    'Les cinq scénarios de l’ADEME (Transition(s) 2050, 2021) décrivent des sociétés différentes en 2050. Chaque ' +
    'scénario fixe des trajectoires année par année (facteur d’émission de l’électricité, prix de l’énergie, valeur ' +
    'carbone, sobriété…), données dans le classeur (feuille Trajectoires).',
  assumptionsIntro:
    'Chaque paramètre utilisé, avec sa valeur, son unité, son origine (valeur par défaut, scénario, territoire, ligne ' +
    'de commande), sa source et son niveau de confiance. Une valeur sans source est une hypothèse : sa justification ' +
    'est donnée.',
  assumptionNoSource: 'pas de source — hypothèse',
  methodIntro: 'Les notes de méthode des modèles, telles qu’elles accompagnent le code (models/<usage>/README.md).',
  manifestIntro: 'De quoi refaire le calcul à l’identique : version de l’outil, fichiers d’entrée et leur empreinte, graine.',
  manifestRows: {
    tool: 'Outil',
    version: 'Version',
    createdAt: 'Date du calcul',
    territory: 'Territoire',
    population: 'Population',
    territoryFile: 'Fichier du territoire',
    horizon: 'Horizon',
    scenarios: 'Scénarios',
    useCases: 'Usages',
    carbonValuePath: 'Trajectoire de la valeur carbone (France Stratégie)',
    seed: 'Graine aléatoire',
    noSeed: 'aucune (calcul déterministe)',
  },
  inputsHashes: 'Fichiers d’entrée',
  conventions: 'Conventions',
  conventionLabels: {
    money: 'Monnaie',
    financial: 'Perspective financière',
    socioEconomic: 'Perspective socio-économique',
    carbon: 'Carbone',
    abatementCost: 'Coût d’abattement',
  },
  conventionText: {
    money:
      'euros constants de l’année de base des prix des scénarios ; flux en fin d’année ; l’année 0 (investissement) ' +
      'n’est pas actualisée',
    financial:
      'budget de la collectivité : TTC sauf TVA récupérable, moins subventions et FCTVA, actualisé au taux financier',
    socioEconomic:
      'société : hors TVA, subventions exclues, valeur carbone sur les émissions, coûts externes, actualisé au taux ' +
      'socio-économique',
    carbon:
      'kgCO2e dans les flux, tCO2e dans les indicateurs ; fabrication comptée à l’achat avec crédit résiduel ; ' +
      'évité = référence − variante',
    abatementCost: 'moins la VAN hors valeur carbone, divisée par les tonnes évitées non actualisées',
  },
  underScenarios: (ids, allFive) =>
    allFive ? 'Sous les cinq scénarios' : ids.length === 1 ? `Sous le scénario ${ids[0]}` : `Sous les scénarios ${list(ids, 'et')}`,
  sentence: {
    recommended: (a) => {
      const money =
        a.financialSign === 'positive'
          ? `est rentable pour ${a.authority} (VAN financière de ${a.financial})`
          : a.financialSign === 'negative'
            ? `n’est pas rentable pour le budget ${a.authorityOf} (VAN financière de ${a.financial}) mais l’est pour la société (VAN socio-économique de ${a.socio})`
            : `a une VAN financière de ${a.financial} selon le scénario et une VAN socio-économique de ${a.socio}`;
      const carbon =
        a.carbonSign === 'positive'
          ? `et évite ${a.carbon} sur ${a.years} ans`
          : a.carbonSign === 'negative'
            ? `mais ajoute ${a.carbon} d’émissions sur ${a.years} ans`
            : `et ses émissions évitées vont de ${a.carbon} sur ${a.years} ans selon le scénario`;
      return `${a.under}, la variante recommandée, « ${a.variant} », ${money} ${carbon}.`;
    },
    doNothing: (a) => `${a.under}, aucune variante n’a une VAN socio-économique positive : le statu quo est recommandé.`,
    carbonIncrease: 'Elle est retenue faute de variante rentable pour la société qui réduise les émissions.',
    excludedForCarbon: (a) => `${a.under}, « ${a.variant} » a une VAN socio-économique plus forte mais ferait monter les émissions : elle n’est pas retenue.`,
    digital: (a) => {
      const socio =
        a.socioSign === 'positive'
          ? `ajoute ${a.socio} de VAN socio-économique`
          : a.socioSign === 'negative'
            ? `retire ${a.socio} de VAN socio-économique`
            : `change la VAN socio-économique de ${a.socio} selon le scénario`;
      const avoided =
        a.avoidedSign === 'positive'
          ? `évite ${a.avoided} de plus`
          : a.avoidedSign === 'negative'
            ? `évite ${a.avoided} de moins`
            : `change les émissions évitées de ${a.avoided} selon le scénario`;
      return `Par rapport à « ${a.alternative} », la couche numérique de « ${a.variant} » ${socio} et ${avoided} ; ses équipements, son réseau et sa plateforme émettent eux-mêmes ${a.own}.`;
    },
    budgetVsSociety: (a) =>
      `« ${a.variant} » n’est pas rentable pour le budget (VAN financière de ${a.financial}) mais l’est pour la société ` +
      `(VAN socio-économique de ${a.socio}) : la valeur carbone et les coûts évités pour la société la justifient.`,
  },
  chartAltPrefix: 'Graphique',
  uncertainty: {
    title: 'Incertitudes',
    intro:
      'Les résultats ci-dessus prennent chaque paramètre à sa valeur centrale. Beaucoup sont incertains : cette section ' +
      'les fait varier ensemble (Monte Carlo) pour dire à quel point les conclusions tiennent, et classe ce qui les fait ' +
      'le plus varier (tornado).',
    method: 'Méthode',
    methodText: (a) =>
      `${a.draws} tirages (graine ${a.seed}), ` +
      (a.sampling === 'lhs' ? `échantillonnés par hypercube latin par blocs de ${a.chunkSize} tirages. ` : 'tirés au hasard (sans hypercube latin). ') +
      'Sont tirés : chaque paramètre doté d’une plage, selon une loi PERT (bas, valeur, haut) sur cette plage sauf si sa ' +
      'fiche en donne une autre, et chaque trajectoire de scénario dotée d’une plage relative (un multiplicateur de toute ' +
      `la trajectoire, loi PERT centrée sur 1) : ${plural(a.quantities, 'grandeur incertaine', 'grandeurs incertaines')} ` +
      `(${plural(a.parameters, 'paramètre', 'paramètres')}, ${plural(a.trajectories, 'trajectoire', 'trajectoires')}). ` +
      'Les valeurs que fixe le territoire (ou la ligne de commande) restent fixes. Les ' +
      'mêmes tirages servent à tous les scénarios et à toutes les variantes (nombres aléatoires communs) : les scénarios ' +
      'sont comparés tirage par tirage, sous la même incertitude. Même graine, mêmes nombres, quel que soit le nombre de ' +
      'fils de calcul.',
    percentiles: 'P10 et P90 : un tirage sur 10 donne moins que le P10, un sur 10 plus que le P90 ; la médiane (P50) partage les tirages en deux.',
    tornadoMethod: (a) =>
      `Tornado (scénario ${a.scenario}) : chaque grandeur incertaine tour à tour à son P10 puis à son P90, les autres à ` +
      'leur valeur de base ; « ± » donne la moitié de l’écart entre les deux résultats. Il montre les effets un par un, ' +
      'sans leurs interactions.',
    fewDraws: (a) =>
      `Avec ${a.draws} tirages, les probabilités et les centiles extrêmes (P5, P95) sont approximatifs : comptez 1 000 tirages ou plus pour un rapport.`,
    frequency: (f) =>
      f.kind === 'all'
        ? 'dans tous les tirages'
        : f.kind === 'none'
          ? 'dans aucun tirage'
          : f.kind === 'almostAll'
            ? 'dans plus de 9 cas sur 10'
            : f.kind === 'almostNone'
              ? 'dans moins d’un cas sur 10'
              : `dans ${f.tenths} cas sur 10`,
    reading: (a) => {
      const fr = FR.uncertainty.frequency;
      const range = `(P10 : ${a.p10}, P90 : ${a.p90})`;
      const npv =
        a.npv.kind === 'none'
          ? `La VAN socio-économique de « ${a.variant} » n’est positive dans aucun tirage sous ${a.scenario} ${range}`
          : `${capitalise(fr(a.npv))}, la VAN socio-économique de « ${a.variant} » est positive sous ${a.scenario} ${range}`;
      const carbon = a.carbon.kind === 'none' ? 'elle n’évite des émissions dans aucun tirage' : `elle évite des émissions ${fr(a.carbon)}`;
      const budget =
        a.financial.kind === 'none'
          ? `pour le budget ${a.authorityOf}, la VAN financière n’est positive dans aucun tirage`
          : `pour le budget ${a.authorityOf}, la VAN financière est positive ${fr(a.financial)}`;
      return `${npv} ; ${carbon} ; ${budget}.`;
    },
    tornado: (a) =>
      `Ce qui pèse le plus sur la VAN socio-économique de « ${a.variant} » sous ${a.scenario} : ` +
      `${list(
        a.items.map((i) => `« ${i.label} » (± ${i.halfSwing})`),
        'et',
      )}.`,
    tornadoNone: (a) => `Aucune grandeur incertaine ne fait varier la VAN socio-économique de « ${a.variant} » sous ${a.scenario}.`,
    readingIntro: (a) => `« ${a.variant} », scénario par scénario :`,
    tableFootnote: (a) => `VAN socio-économique, chaque variante comparée au statu quo ; probabilités sur ${a.draws} tirages.`,
    columns: {
      npvP10: 'VAN P10 (€)',
      npvP50: 'VAN médiane (€)',
      npvP90: 'VAN P90 (€)',
      npvPositive: 'P(VAN > 0) (%)',
      netNegative: 'P(bilan net < 0) (%)',
      both: 'P(les deux) (%)',
    },
    sheet: {
      draws: 'Tirages',
      seed: 'Graine',
      sampling: 'Échantillonnage',
      lhs: 'hypercube latin par blocs',
      random: 'aléatoire simple',
      chunkSize: 'Tirages par bloc',
      quantities: 'Grandeurs incertaines',
      paybackWithin: 'Seuil de retour (ans)',
      mean: 'moyenne',
      sd: 'écart-type',
      defined: 'Part des tirages où l’indicateur existe (%)',
      paybackWithinColumn: (years) => `P(retour ≤ ${years} ans) (%)`,
    },
  },
};

const EN: ReportStrings = {
  reportTitle: 'Appraisal of digital use cases',
  contents: 'Contents',
  generatedOn: 'Report produced on',
  sections: {
    summary: 'Summary for decision-makers',
    scenarios: 'Scenarios',
    assumptions: 'Annex: assumptions',
    method: 'Annex: method',
    manifest: 'Annex: run manifest',
  },
  kinds: { statusQuo: 'status quo', alternative: 'non-digital alternative', digital: 'digital' },
  perspectives: { financial: 'financial (authority budget)', socioEconomic: 'socio-economic (society)' },
  origins: { default: 'default value', scenario: 'scenario', territory: 'territory', override: 'command line (--set)', calibrated: 'calibrated on data' },
  confidence: { high: 'high', medium: 'medium', low: 'low', assumption: 'assumption' },
  reasons: {
    lowCarbonBest: 'best socio-economic NPV without an emissions increase',
    carbonIncrease: 'best socio-economic NPV, but emissions increase',
    doNothing: 'no variant has a positive socio-economic NPV',
  },
  nullFootnote: '—: the metric does not exist within the horizon (payback never reached, no IRR, nothing avoided).',
  all: 'all',
  yes: 'yes',
  no: 'no',
  none: 'none',
  summaryIntro: (a) =>
    `This report appraises ${a.useCases === 1 ? 'one digital use case' : `${a.useCases} digital use cases`} for “${a.territory}” (${a.kindAndPopulation}), ` +
    `from ${a.startYear} to ${a.endYear}, under the ADEME Transition(s) 2050 scenarios ${a.scenarios}. Each variant is compared ` +
    'to the status quo, for the authority’s budget (financial NPV) and for society (socio-economic NPV, carbon value included).',
  recommendationRule:
    'Recommendation rule: among the variants that do not increase emissions and have a positive socio-economic NPV, the ' +
    'one with the highest socio-economic NPV; failing that, the best positive socio-economic NPV (flagged: emissions ' +
    'increase); failing that, the status quo.',
  inputs: 'Inputs',
  inputsIntro: (a) =>
    `Horizon: ${a.startYear} to ${a.endYear} (${a.years} years). ${a.total} parameters used, by origin: ${a.byOrigin}. ` +
    'Each is listed with its source and confidence in the annex.',
  variantsTable: { variant: 'Variant', kind: 'Kind', description: 'Description' },
  localParameters: 'Parameters set by the territory',
  results: 'Results',
  resultsIntro: 'Each variant compared to the status quo. Financial NPV: the authority’s budget; socio-economic NPV: society.',
  digitalLayer: 'Value of the digital layer',
  digitalLayerIntro: 'Each digital variant compared to the best non-digital alternative: differences in NPV and emissions avoided.',
  recommended: 'Recommended variant',
  charts: 'Charts',
  reading: 'Reading',
  noCharts: 'No chart for this use case.',
  columns: {
    scenario: 'Scenario',
    variant: 'Variant',
    recommended: 'Recommended variant',
    reason: 'Reason',
    comparedTo: 'Compared to',
    financialNpv: 'Financial NPV (€)',
    socioNpv: 'Socio-economic NPV (€)',
    financialIrr: 'Financial IRR (%)',
    payback: 'Payback (years)',
    discountedPayback: 'Discounted payback (years)',
    avoided: 'Emissions avoided (tCO2e)',
    abatement: 'Abatement cost (€/tCO2e)',
    capex: 'Investment (€)',
    subsidies: 'Subsidies (€)',
    extraCapex: 'Extra investment (€)',
    digitalTco2e: 'Digital-layer emissions (tCO2e)',
    deltaFinancialNpv: 'Financial NPV difference (€)',
    deltaSocioNpv: 'Socio-economic NPV difference (€)',
    deltaAvoided: 'Additional emissions avoided (tCO2e)',
    id: 'Id',
    name: 'Name',
    chain: 'Inherits',
    description: 'Description',
    parameter: 'Parameter',
    value: 'Value',
    unit: 'Unit',
    origin: 'Origin',
    source: 'Source',
    confidence: 'Confidence',
    file: 'File',
    sha256: 'SHA-256',
    item: 'Item',
  },
  scenariosIntro:
    'The five ADEME scenarios (Transition(s) 2050, 2021) describe different societies in 2050. Each scenario sets ' +
    'year-by-year trajectories (electricity emission factor, energy prices, carbon value, sobriety…), given in the ' +
    'workbook (Scenarios sheet).',
  assumptionsIntro:
    'Every parameter used, with its value, unit, origin (default, scenario, territory, command line), source and ' +
    'confidence. A value without a source is an assumption: its reasoning is given.',
  assumptionNoSource: 'no source — assumption',
  methodIntro: 'The method notes of the models, as they come with the code (models/<use-case>/README.md).',
  manifestIntro: 'What is needed to redo the run identically: tool version, input files and their hashes, seed.',
  manifestRows: {
    tool: 'Tool',
    version: 'Version',
    createdAt: 'Run date',
    territory: 'Territory',
    population: 'Population',
    territoryFile: 'Territory file',
    horizon: 'Horizon',
    scenarios: 'Scenarios',
    useCases: 'Use cases',
    carbonValuePath: 'Carbon value path (France Stratégie)',
    seed: 'Random seed',
    noSeed: 'none (deterministic run)',
  },
  inputsHashes: 'Input files',
  conventions: 'Conventions',
  conventionLabels: {
    money: 'Money',
    financial: 'Financial perspective',
    socioEconomic: 'Socio-economic perspective',
    carbon: 'Carbon',
    abatementCost: 'Abatement cost',
  },
  conventionText: {},
  underScenarios: (ids, allFive) =>
    allFive ? 'Under all five scenarios' : ids.length === 1 ? `Under scenario ${ids[0]}` : `Under scenarios ${list(ids, 'and')}`,
  sentence: {
    recommended: (a) => {
      const money =
        a.financialSign === 'positive'
          ? `pays for itself for ${a.authority} (financial NPV of ${a.financial})`
          : a.financialSign === 'negative'
            ? `does not pay for itself for ${a.authority}’s budget (financial NPV of ${a.financial}) but does for society (socio-economic NPV of ${a.socio})`
            : `has a financial NPV of ${a.financial} depending on the scenario and a socio-economic NPV of ${a.socio}`;
      const carbon =
        a.carbonSign === 'positive'
          ? `and avoids ${a.carbon} over ${a.years} years`
          : a.carbonSign === 'negative'
            ? `but adds ${a.carbon} of emissions over ${a.years} years`
            : `and the emissions it avoids range from ${a.carbon} over ${a.years} years depending on the scenario`;
      return `${a.under}, the recommended variant, “${a.variant}”, ${money} ${carbon}.`;
    },
    doNothing: (a) => `${a.under}, no variant has a positive socio-economic NPV: the status quo is recommended.`,
    carbonIncrease: 'It is chosen for want of a variant that pays for society and reduces emissions.',
    excludedForCarbon: (a) => `${a.under}, “${a.variant}” has a higher socio-economic NPV but would increase emissions: it is not recommended.`,
    digital: (a) => {
      const socio =
        a.socioSign === 'positive'
          ? `adds ${a.socio} of socio-economic NPV`
          : a.socioSign === 'negative'
            ? `takes away ${a.socio} of socio-economic NPV`
            : `changes the socio-economic NPV by ${a.socio} depending on the scenario`;
      const avoided =
        a.avoidedSign === 'positive'
          ? `avoids ${a.avoided} more`
          : a.avoidedSign === 'negative'
            ? `avoids ${a.avoided} less`
            : `changes the emissions avoided by ${a.avoided} depending on the scenario`;
      return `Compared to “${a.alternative}”, the digital layer of “${a.variant}” ${socio} and ${avoided}; its devices, network and platform themselves emit ${a.own}.`;
    },
    budgetVsSociety: (a) =>
      `“${a.variant}” does not pay for itself for the budget (financial NPV of ${a.financial}) but does for society ` +
      `(socio-economic NPV of ${a.socio}): the carbon value and the costs avoided for society justify it.`,
  },
  chartAltPrefix: 'Chart',
  uncertainty: {
    title: 'Uncertainty',
    intro:
      'The results above take each parameter at its central value. Many are uncertain: this section varies them ' +
      'together (Monte Carlo) to say how far the conclusions hold, and ranks what moves them most (tornado).',
    method: 'Method',
    methodText: (a) =>
      `${a.draws} draws (seed ${a.seed}), ` +
      (a.sampling === 'lhs' ? `sampled by Latin hypercube in chunks of ${a.chunkSize} draws. ` : 'drawn at random (no Latin hypercube). ') +
      'What is drawn: every parameter with a range, from a PERT distribution (low, value, high) on that range unless its ' +
      'entry gives another one, and every scenario trajectory with a relative range (a multiplier on the whole path, ' +
      `PERT centred on 1): ${plural(a.quantities, 'uncertain quantity', 'uncertain quantities')} ` +
      `(${plural(a.parameters, 'parameter', 'parameters')}, ${plural(a.trajectories, 'trajectory', 'trajectories')}). ` +
      'Values the territory (or the command line) sets are held fixed. The same draws serve every ' +
      'scenario and every variant (common random numbers): scenarios are compared draw by draw, under the same ' +
      'uncertainty. Same seed, same numbers, whatever the number of threads.',
    percentiles: 'P10 and P90: one draw in 10 gives less than the P10, one in 10 more than the P90; the median (P50) splits the draws in half.',
    tornadoMethod: (a) =>
      `Tornado (scenario ${a.scenario}): each uncertain quantity in turn at its P10 then its P90, the others at their ` +
      'base value; “±” gives half the difference between the two results. It shows effects one at a time, without ' +
      'their interactions.',
    fewDraws: (a) =>
      `With ${a.draws} draws, the probabilities and the extreme percentiles (P5, P95) are rough: use 1,000 draws or more for a report.`,
    frequency: (f) =>
      f.kind === 'all'
        ? 'in every draw'
        : f.kind === 'none'
          ? 'in no draw'
          : f.kind === 'almostAll'
            ? 'in more than 9 cases out of 10'
            : f.kind === 'almostNone'
              ? 'in fewer than 1 case out of 10'
              : `in ${f.tenths} cases out of 10`,
    reading: (a) => {
      const en = EN.uncertainty.frequency;
      const range = `(P10: ${a.p10}, P90: ${a.p90})`;
      const npv = `${capitalise(en(a.npv))}, the socio-economic NPV of “${a.variant}” is positive under ${a.scenario} ${range}`;
      const carbon = `it avoids emissions ${en(a.carbon)}`;
      const budget = `for ${a.authorityOf}’s budget, the financial NPV is positive ${en(a.financial)}`;
      return `${npv}; ${carbon}; ${budget}.`;
    },
    tornado: (a) =>
      `What weighs most on the socio-economic NPV of “${a.variant}” under ${a.scenario}: ` +
      `${list(
        a.items.map((i) => `“${i.label}” (± ${i.halfSwing})`),
        'and',
      )}.`,
    tornadoNone: (a) => `No uncertain quantity moves the socio-economic NPV of “${a.variant}” under ${a.scenario}.`,
    readingIntro: (a) => `“${a.variant}”, scenario by scenario:`,
    tableFootnote: (a) => `Socio-economic NPV, each variant compared to the status quo; probabilities over ${a.draws} draws.`,
    columns: {
      npvP10: 'NPV P10 (€)',
      npvP50: 'Median NPV (€)',
      npvP90: 'NPV P90 (€)',
      npvPositive: 'P(NPV > 0) (%)',
      netNegative: 'P(net balance < 0) (%)',
      both: 'P(both) (%)',
    },
    sheet: {
      draws: 'Draws',
      seed: 'Seed',
      sampling: 'Sampling',
      lhs: 'Latin hypercube in chunks',
      random: 'simple random',
      chunkSize: 'Draws per chunk',
      quantities: 'Uncertain quantities',
      paybackWithin: 'Payback threshold (years)',
      mean: 'mean',
      sd: 'standard deviation',
      defined: 'Share of draws where the metric exists (%)',
      paybackWithinColumn: (years) => `P(payback ≤ ${years} years) (%)`,
    },
  },
};

/**
 * The strings of a language.
 * @example strings('en').sections.summary // 'Summary for decision-makers'
 */
export function strings(lang: Lang): ReportStrings {
  return lang === 'en' ? EN : FR;
}
