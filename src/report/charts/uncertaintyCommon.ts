/**
 * What the uncertainty charts (tornado, fan, probabilities) share: reading `results.uncertainty` (selection only,
 * no computing), the names of uncertain quantities as readers see them, and the charts' own words.
 *
 * `results.uncertainty` exists when the run was asked for draws (`territoires run --draws N`): Monte Carlo
 * summaries (src/evaluate/montecarlo.ts) and a tornado on the run's first scenario (src/evaluate/sensitivity.ts).
 */
import type { Perspective, RunResults } from '../../evaluate/engine.js';
import type { MonteCarloRow } from '../../evaluate/montecarlo.js';
import type { TornadoOutput } from '../../evaluate/sensitivity.js';
import { localeOf } from './format.js';
import type { Lang } from './labels.js';

/** The uncertainty of a run. */
export type RunUncertainty = NonNullable<RunResults['uncertainty']>;

/**
 * The run's uncertainty; throws, naming the chart function, when the run computed none.
 * @example uncertaintyOf('fanChart', results).montecarlo.draws // 1000 after `territoires run --draws 1000`
 */
export function uncertaintyOf(fn: string, results: RunResults): RunUncertainty {
  if (!results.uncertainty) {
    throw new RangeError(`${fn}: these results carry no uncertainty; run with --draws N (territoires run --draws 1000)`);
  }
  return results.uncertainty;
}

/**
 * The Monte Carlo summary of one comparison against the status quo; throws when the run did not produce it.
 * @example monteCarloRowOf('fanChart', results, { useCase: 'lighting', variant: 'led', scenario: 'TEND', perspective: 'socioEconomic' }).metrics.npvEur.p50
 */
export function monteCarloRowOf(
  fn: string,
  results: RunResults,
  q: { useCase: string; variant: string; scenario: string; perspective: Perspective },
): MonteCarloRow {
  const row = uncertaintyOf(fn, results).montecarlo.results.find(
    (r) => r.useCase === q.useCase && r.variant === q.variant && r.scenario === q.scenario && r.perspective === q.perspective,
  );
  if (!row) throw new Error(`${fn}: no Monte Carlo result for ${q.useCase} / ${q.variant} / ${q.scenario} / ${q.perspective}`);
  return row;
}

/**
 * The tornado of one output (a variant against its status quo, one perspective, NPV or net tCO2e); throws when the
 * run did not produce it.
 * @example tornadoOutputOf('tornadoChart', results, { useCase: 'lighting', variant: 'led', perspective: 'socioEconomic', metric: 'npvEur' }).rows[0].name
 */
export function tornadoOutputOf(
  fn: string,
  results: RunResults,
  q: { useCase: string; variant: string; perspective: Perspective; metric: 'npvEur' | 'netTco2e' },
): TornadoOutput {
  const out = uncertaintyOf(fn, results).tornado.outputs.find(
    (o) => o.useCase === q.useCase && o.variant === q.variant && o.perspective === q.perspective && o.metric === q.metric,
  );
  if (!out) throw new Error(`${fn}: no tornado for ${q.useCase} / ${q.variant} / ${q.perspective} / ${q.metric}`);
  return out;
}

/** Longest name shown for a quantity [characters]: two lines of a tornado label. */
const MAX_LABEL = 72;

/** First clause of a description: up to the first parenthesis, comma, bracket or dash; cut at a word past 72 characters. */
function shortDescription(text: string): string {
  const cut = text.split(/ \(| \[|, | — | – /)[0].trim();
  if (cut.length <= MAX_LABEL) return cut;
  const head = cut.slice(0, MAX_LABEL - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_LABEL / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * Name of an uncertain quantity as the report shows it. A scenario trajectory (`trajectory:<name>`, drawn as a
 * multiplier on its whole path) goes by the first clause of its description in the report's language; a parameter
 * by the first clause of its description in the report's language (`descriptionFr` in French), or by its
 * identifier when the defaults give no description in that language.
 * @example quantityLabel(results, 'trajectory:electricityPriceEurPerKwh', 'fr') // "Prix de l'électricité des petits sites des collectivités"
 * @example quantityLabel(results, 'ledLuminaireCostEur', 'en') // 'Purchase and installation of one LED street luminaire in a retrofit'
 */
export function quantityLabel(results: RunResults, name: string, lang: Lang): string {
  if (name.startsWith('trajectory:')) {
    const id = name.slice('trajectory:'.length);
    for (const scenario of results.manifest.scenarios) {
      const d = results.trajectories?.[scenario]?.[id]?.description?.[lang];
      if (d) return shortDescription(d);
    }
    return id;
  }
  // French reports show the French description when the defaults file gives one, else the parameter's id.
  const row = results.parameters.find((p) => p.name === name && (lang === 'fr' ? p.descriptionFr : p.description));
  const d = lang === 'fr' ? row?.descriptionFr : row?.description;
  return d ? shortDescription(d) : name;
}

const significant = new Map<string, Intl.NumberFormat>();

/**
 * A value of an uncertain quantity with 3 significant digits and its unit: fractions as percentages, trajectory
 * multipliers as `× 0,79`.
 * @example quantityValue(0.2987, 'fraction', 'parameter', 'fr') // '29,9 %'
 * @example quantityValue(777.69, 'EUR/unit', 'parameter', 'en') // '778 EUR/unit'
 */
export function quantityValue(x: number, unit: string, kind: 'parameter' | 'trajectory', lang: Lang): string {
  const key = lang;
  let f = significant.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumSignificantDigits: 3 });
    significant.set(key, f);
  }
  if (kind === 'trajectory') return `×\u00a0${f.format(x)}`;
  if (unit === 'fraction') return `${f.format(x * 100)}\u00a0%`;
  return unit ? `${f.format(x)}\u00a0${unit}` : f.format(x);
}

const TEXT = {
  tornadoTitle: { fr: 'Ce qui fait varier le résultat (tornado)', en: 'What moves the result (tornado)' },
  tornadoSubtitle: {
    fr: 'Chaque grandeur incertaine tour à tour à son P10 puis à son P90, les autres à leur valeur de base',
    en: 'Each uncertain quantity in turn at its P10 then its P90, the others at their base value',
  },
  atP10: { fr: 'Grandeur à son P10', en: 'Quantity at its P10' },
  atP90: { fr: 'Grandeur à son P90', en: 'Quantity at its P90' },
  base: { fr: 'Valeur de base', en: 'Base value' },
  fanTitle: { fr: 'Distribution de la VAN par scénario', en: 'Distribution of the NPV by scenario' },
  fanSubtitle: {
    fr: 'Bandes : 90 % (P5–P95) et 80 % (P10–P90) des tirages ; losange : médiane ; croix : calcul déterministe',
    en: 'Bands: 90 % (P5–P95) and 80 % (P10–P90) of the draws; diamond: median; cross: deterministic run',
  },
  band90: { fr: 'P5–P95 (90 % des tirages)', en: 'P5–P95 (90 % of the draws)' },
  band80: { fr: 'P10–P90 (80 % des tirages)', en: 'P10–P90 (80 % of the draws)' },
  median: { fr: 'Médiane (P50)', en: 'Median (P50)' },
  deterministic: { fr: 'Calcul déterministe', en: 'Deterministic run' },
  probabilityTitle: { fr: 'Probabilités sur les tirages', en: 'Probabilities over the draws' },
  probabilitySubtitle: {
    fr: 'Part des tirages où la VAN est positive, où le bilan carbone net est négatif (émissions évitées), et les deux à la fois',
    en: 'Share of the draws where the NPV is positive, where the net carbon balance is negative (emissions avoided), and both',
  },
  npvPositive: { fr: 'VAN > 0', en: 'NPV > 0' },
  netNegative: { fr: 'Bilan net < 0', en: 'Net balance < 0' },
  both: { fr: 'Les deux', en: 'Both' },
  probabilityAxis: { fr: 'Part des tirages', en: 'Share of the draws' },
  draws: { fr: 'tirages', en: 'draws' },
  seed: { fr: 'graine', en: 'seed' },
  netAxis: { fr: 'Bilan carbone net', en: 'Net carbon balance' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UncertaintyTextKey = keyof typeof TEXT;

/**
 * A label of the uncertainty charts in the chosen language.
 * @example ut('median', 'en') // 'Median (P50)'
 */
export function ut(key: UncertaintyTextKey, lang: Lang): string {
  return TEXT[key][lang];
}

/**
 * The line under a title that says how the uncertainty was computed: « 1 000 tirages, graine 1 ».
 * @example drawsLine(results, 'fr') // '1 000 tirages, graine 1'
 */
export function drawsLine(results: RunResults, lang: Lang): string {
  const mc = uncertaintyOf('drawsLine', results).montecarlo;
  return `${new Intl.NumberFormat(localeOf(lang)).format(mc.draws)} ${ut('draws', lang)}, ${ut('seed', lang)} ${mc.seed}`;
}
