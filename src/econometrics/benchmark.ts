/**
 * Benchmarking: a territory's indicator placed against a reference distribution, with the distribution's
 * sources, as a percentile, a position and a sentence for the report.
 *
 * Reference distributions (from the project's reference file, /work/shared/reference/parameters.md, §5):
 *
 * - **Drinking-water network efficiency** (rendement, fraction of produced water that is billed or authorised).
 *   Losses spread from 9 % (first decile) to 34 % (ninth decile) across services (Onema/SISPEA via Europe 1,
 *   confidence high), i.e. efficiency 66 % at the 10th percentile and 91 % at the 90th; national efficiency 79.8 %
 *   (SISPEA via eaufrance.fr), used here as the median, which is an *assumption*: a national aggregate is not a
 *   median of services. Reading "9 % to 34 %" as the first and ninth deciles is this module's interpretation.
 * - **Public-lighting electricity per inhabitant**. National reference 85 kWh/inhabitant/yr in 2012 (94 in 2005),
 *   ADEME *Énergie et patrimoine communal 2012* (confidence high). Cross-check: 5.6 TWh/yr (AFE, medium) divided by
 *   about 66 million inhabitants of metropolitan France (order of magnitude, not from the reference file) gives
 *   5.6e9 / 66e6 ≈ 85 kWh/inhabitant. The spread around it is not sourced: 10th and 90th percentiles of 40 and
 *   170 kWh/inhabitant are an *assumption* (a factor of about two either way, for night switch-off, LED share,
 *   settlement density).
 * - **Public-building final energy per m²**. No sourced distribution was found for French public buildings: the
 *   band 90 / 160 / 280 kWh/m²/yr (10th / 50th / 90th percentiles, all uses, final energy) is an *assumption*
 *   reflecting the usual range of tertiary buildings, to be replaced by OPERAT (décret tertiaire) statistics.
 *
 * The percentile interpolates linearly between the given quantiles; outside the first and last quantile it is
 * not extrapolated (null, with the side).
 */
import type { Confidence } from '../core/parameter.js';

export const BENCHMARK_INDICATORS = ['networkEfficiency', 'lightingKwhPerInhabitant', 'buildingKwhPerM2'] as const;
export type BenchmarkIndicator = (typeof BENCHMARK_INDICATORS)[number];

export interface ReferenceDistribution {
  indicator: BenchmarkIndicator;
  unit: string;
  label: { fr: string; en: string };
  /** True when a higher value is better (efficiency), false when lower is better (consumption). */
  higherIsBetter: boolean;
  /** Quantiles, increasing in both p [percent] and value [unit]. */
  quantiles: { p: number; value: number }[];
  /** A single reference value (national figure) and what it is. */
  reference: { value: number; label: { fr: string; en: string } };
  source: string;
  /** Confidence of the distribution as a whole (the weakest of its parts). */
  confidence: Confidence;
  note: string;
}

export const REFERENCE_DISTRIBUTIONS: Readonly<Record<BenchmarkIndicator, ReferenceDistribution>> = {
  networkEfficiency: {
    indicator: 'networkEfficiency',
    unit: 'fraction',
    label: { fr: 'Rendement du réseau d’eau potable', en: 'Drinking-water network efficiency' },
    higherIsBetter: true,
    quantiles: [
      { p: 10, value: 0.66 },
      { p: 50, value: 0.798 },
      { p: 90, value: 0.91 },
    ],
    reference: { value: 0.798, label: { fr: 'moyenne nationale SISPEA', en: 'SISPEA national average' } },
    source:
      'Onema/SISPEA via Europe 1 (losses 9 %–34 % between deciles), http://europe1.fr/consommation/eau-potable-20-de-pertes-a-cause-de-fuites-2294971 ; national efficiency 79.8 %, https://eaufrance.fr/repere-rendement-des-reseaux-deau-potable',
    confidence: 'assumption',
    note: 'deciles 1 and 9 sourced (high); the national 79.8 % used as the median is an assumption',
  },
  lightingKwhPerInhabitant: {
    indicator: 'lightingKwhPerInhabitant',
    unit: 'kWh/inhabitant/yr',
    label: { fr: 'Consommation de l’éclairage public', en: 'Public-lighting consumption' },
    higherIsBetter: false,
    quantiles: [
      { p: 10, value: 40 },
      { p: 50, value: 85 },
      { p: 90, value: 170 },
    ],
    reference: { value: 85, label: { fr: 'moyenne nationale 2012 (ADEME)', en: '2012 national average (ADEME)' } },
    source:
      'ADEME, Énergie et patrimoine communal 2012 (85 kWh/hab), via https://www.enerzine.com/collectivites-la-consommation-energetique-baisse-mais-pas-la-facture/16181-2014-07 ; cross-check 5.6 TWh (AFE) / ≈66 M inhabitants ≈ 85 kWh/hab',
    confidence: 'assumption',
    note: 'the median (national average) is sourced, high; the 10th and 90th percentiles (×0.5, ×2) are an assumption',
  },
  buildingKwhPerM2: {
    indicator: 'buildingKwhPerM2',
    unit: 'kWh/m²/yr',
    label: { fr: 'Consommation des bâtiments publics', en: 'Public-building consumption' },
    higherIsBetter: false,
    quantiles: [
      { p: 10, value: 90 },
      { p: 50, value: 160 },
      { p: 90, value: 280 },
    ],
    reference: { value: 160, label: { fr: 'médiane supposée', en: 'assumed median' } },
    source: 'no sourced distribution found for French public buildings; assumption band',
    confidence: 'assumption',
    note: 'all uses, final energy; the band reflects the usual range of tertiary buildings and should be replaced by OPERAT statistics',
  },
};

export interface BenchmarkResult {
  indicator: BenchmarkIndicator;
  value: number;
  unit: string;
  /** Percent of the reference population at or below the value; null outside the tabulated quantiles. */
  percentile: number | null;
  /** Where the value lies relative to the tabulated quantiles. */
  range: 'below' | 'within' | 'above';
  /** In performance terms: the best quarter, the middle half, the worst quarter (outside the range counts too). */
  position: 'better' | 'typical' | 'worse';
  /** value / reference value. */
  ratioToReference: number;
  distribution: ReferenceDistribution;
  sentence: { fr: string; en: string };
}

function formatValue(x: number, unit: string, lang: 'fr' | 'en'): string {
  const nf = (v: number, d: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: d }).format(v);
  if (unit === 'fraction') return `${nf(100 * x, 1)}${lang === 'fr' ? ' %' : '%'}`;
  const units: Record<string, { fr: string; en: string }> = {
    'kWh/inhabitant/yr': { fr: 'kWh par habitant et par an', en: 'kWh per inhabitant per year' },
    'kWh/m²/yr': { fr: 'kWh/m² par an', en: 'kWh/m² per year' },
  };
  return `${nf(x, 0)} ${units[unit]?.[lang] ?? unit}`;
}

function ordinalFr(p: number): string {
  return p === 1 ? '1er' : `${p}e`;
}

function ordinalEn(p: number): string {
  const s = p % 100 >= 11 && p % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[p % 10] ?? 'th';
  return `${p}${s}`;
}

/**
 * Places a value against a reference distribution.
 *
 * @param indicator which indicator
 * @param value the territory's value [the distribution's unit: a fraction for efficiency, kWh/inhabitant/yr, kWh/m²/yr]
 * @param distribution the reference (default: the built-in one for the indicator)
 * @returns percentile, position and sentences
 * @example benchmark('networkEfficiency', 0.85).percentile // 68.57 (between 79.8 % at the 50th and 91 % at the 90th)
 */
export function benchmark(indicator: BenchmarkIndicator, value: number, distribution: ReferenceDistribution = REFERENCE_DISTRIBUTIONS[indicator]): BenchmarkResult {
  if (!Number.isFinite(value)) throw new RangeError(`benchmark: value must be a finite number, received ${value}`);
  const q = distribution.quantiles;
  for (let i = 1; i < q.length; i++) {
    if (!(q[i].p > q[i - 1].p && q[i].value > q[i - 1].value)) {
      throw new RangeError(`benchmark: the quantiles of ${distribution.indicator} must increase in both p and value`);
    }
  }
  let percentile: number | null = null;
  let range: BenchmarkResult['range'] = 'within';
  if (value < q[0].value) range = 'below';
  else if (value > q[q.length - 1].value) range = 'above';
  else {
    for (let i = 1; i < q.length; i++) {
      if (value <= q[i].value) {
        const w = (value - q[i - 1].value) / (q[i].value - q[i - 1].value);
        percentile = q[i - 1].p + w * (q[i].p - q[i - 1].p);
        break;
      }
    }
    if (percentile === null) percentile = q[0].p;
  }
  // Performance percentile: 100 = best.
  const high = range === 'above' ? 100 : range === 'below' ? 0 : (percentile as number);
  const performance = distribution.higherIsBetter ? high : 100 - high;
  const position: BenchmarkResult['position'] = performance >= 75 ? 'better' : performance <= 25 ? 'worse' : 'typical';
  const ratioToReference = value / distribution.reference.value;

  const pRounded = percentile === null ? null : Math.round(percentile);
  const first = q[0].p;
  const last = q[q.length - 1].p;
  const whereFr =
    range === 'below' ? `sous le ${ordinalFr(first)} centile` : range === 'above' ? `au-delà du ${ordinalFr(last)} centile` : `au ${ordinalFr(pRounded as number)} centile`;
  const whereEn =
    range === 'below' ? `below the ${ordinalEn(first)} percentile` : range === 'above' ? `above the ${ordinalEn(last)} percentile` : `at the ${ordinalEn(pRounded as number)} percentile`;
  const judgementFr = distribution.higherIsBetter
    ? { better: 'parmi les plus performants', typical: 'dans la moyenne', worse: 'parmi les moins performants' }[position]
    : { better: 'parmi les plus sobres', typical: 'dans la moyenne', worse: 'parmi les plus consommateurs' }[position];
  const judgementEn = distribution.higherIsBetter
    ? { better: 'among the best performers', typical: 'about average', worse: 'among the weakest performers' }[position]
    : { better: 'among the most frugal', typical: 'about average', worse: 'among the heaviest consumers' }[position];
  const caveatFr = distribution.confidence === 'assumption' ? ' La distribution de référence repose en partie sur une hypothèse.' : '';
  const caveatEn = distribution.confidence === 'assumption' ? ' The reference distribution rests partly on an assumption.' : '';
  const sentence = {
    fr:
      `${distribution.label.fr} : ${formatValue(value, distribution.unit, 'fr')}, ${whereFr} de la distribution de référence, ${judgementFr} ` +
      `(${distribution.reference.label.fr} : ${formatValue(distribution.reference.value, distribution.unit, 'fr')}).${caveatFr}`,
    en:
      `${distribution.label.en}: ${formatValue(value, distribution.unit, 'en')}, ${whereEn} of the reference distribution, ${judgementEn} ` +
      `(${distribution.reference.label.en}: ${formatValue(distribution.reference.value, distribution.unit, 'en')}).${caveatEn}`,
  };
  return { indicator, value, unit: distribution.unit, percentile, range, position, ratioToReference, distribution, sentence };
}
