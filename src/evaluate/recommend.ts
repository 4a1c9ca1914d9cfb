/**
 * Which variant a report recommends, per use case and scenario, and what the digital layer itself is worth.
 *
 * Recommendation rule (one rule for every use case, stated in the report):
 * 1. among the variants compared to the status quo, keep those that do not increase emissions
 *    (`netTco2e ≤ 0` over the horizon) and are worth their money to society (socio-economic NPV > 0); recommend the
 *    one with the highest socio-economic NPV (reason `lowCarbonBest`);
 * 2. if there is none, recommend the variant with the highest socio-economic NPV if it is positive, flagged as a
 *    carbon increase (reason `carbonIncrease`);
 * 3. otherwise recommend doing nothing: the status quo (reason `doNothing`).
 * Ties go to the variant listed first by the model.
 *
 * The socio-economic NPV ranks the variants because it is the perspective of public investment appraisal in France
 * (France Stratégie, *Guide de l'évaluation socioéconomique des investissements publics*, 2017): it counts the
 * carbon value and external costs, and treats subsidies as transfers. The financial figures are reported beside it.
 *
 * Value of the digital layer: the engine compares every digital variant to the best non-digital alternative
 * (rows whose `comparedTo` is that alternative); `digitalLayer` lists those comparisons with their key figures.
 *
 * This module only reads RunResults; it never re-runs a model.
 */
import type { Perspective, ResultRow, RunResults } from './engine.js';
import type { Metrics } from './metrics.js';

/** Why a variant is recommended. */
export type RecommendationReason = 'lowCarbonBest' | 'carbonIncrease' | 'doNothing';

/** Key figures of a comparison, as a decision-maker reads them. */
export interface KeyFigures {
  /** NPV for the authority's budget [€]. */
  financialNpvEur: number;
  /** NPV for society (carbon value and external costs included, subsidies excluded) [€]. */
  socioEconomicNpvEur: number;
  /** Internal rate of return of the budget cash flow [fraction], null when none exists. */
  financialIrr: number | null;
  /** Simple payback of the budget cash flow [years], null when not reached within the horizon. */
  paybackYears: number | null;
  /** Discounted payback of the budget cash flow [years], null when not reached within the horizon. */
  discountedPaybackYears: number | null;
  /** Emissions avoided over the horizon [tCO2e] (negative: emissions added). */
  avoidedTco2e: number;
  /** The variant's year-0 investment for the budget, VAT included unless recoverable, net of subsidies [€]. */
  capexEur: number;
  /** Subsidies received over the horizon [€]. */
  subsidiesEur: number;
  /** Abatement cost [€/tCO2e], socio-economic perspective without the carbon value; null when nothing is avoided. */
  abatementCostEurPerTco2e: number | null;
}

export interface Recommendation {
  useCase: string;
  scenario: string;
  /** Recommended variant id (the status quo's id for `doNothing`). */
  variant: string;
  variantKind: string;
  /** The status quo the candidates were compared to. */
  statusQuo: string;
  reason: RecommendationReason;
  /** True when the recommended variant increases emissions over the horizon. */
  carbonIncrease: boolean;
  /** Key figures of the recommended variant against the status quo; null for `doNothing`. */
  figures: KeyFigures | null;
  /** Number of variants compared to the status quo. */
  candidates: number;
  /**
   * Variants with a higher socio-economic NPV than the recommended one (and a positive one) that are left aside
   * because they increase emissions, best first.
   */
  excludedForCarbon: string[];
}

export interface DigitalLayerValue {
  useCase: string;
  scenario: string;
  /** The digital variant. */
  variant: string;
  /** The best non-digital alternative it is compared to. */
  comparedTo: string;
  /** Key figures of the digital variant against the alternative (NPVs and tonnes are increments). */
  figures: KeyFigures;
  /** Difference in year-0 budget investment, digital variant minus alternative [€]; null if either row is missing. */
  extraCapexEur: number | null;
  /** Emissions of the digital layer itself over the horizon (devices, network, platform) [tCO2e]. */
  digitalTco2e: number;
}

export interface RecommendationSet {
  recommendations: Recommendation[];
  digitalLayer: DigitalLayerValue[];
}

/** Key figures from the financial and socio-economic rows of one comparison. */
function keyFigures(financial: Metrics, socio: Metrics): KeyFigures {
  return {
    financialNpvEur: financial.npvEur,
    socioEconomicNpvEur: socio.npvEur,
    financialIrr: financial.irr,
    paybackYears: financial.simplePaybackYears,
    discountedPaybackYears: financial.discountedPaybackYears,
    avoidedTco2e: socio.avoidedTco2e,
    capexEur: financial.capexEur,
    subsidiesEur: financial.subsidiesEur,
    abatementCostEurPerTco2e: socio.abatementCostEurPerTco2e,
  };
}

interface Pair {
  variant: string;
  variantKind: string;
  comparedTo: string;
  financial?: ResultRow;
  socioEconomic?: ResultRow;
}

/** Groups result rows by use case, scenario and comparison, keeping the order they come in. */
function pairs(results: ResultRow[]): Map<string, Map<string, Pair[]>> {
  const byUseCase = new Map<string, Map<string, Pair[]>>();
  for (const row of results) {
    const byScenario = byUseCase.get(row.useCase) ?? new Map<string, Pair[]>();
    byUseCase.set(row.useCase, byScenario);
    const list = byScenario.get(row.scenario) ?? [];
    byScenario.set(row.scenario, list);
    let pair = list.find((p) => p.variant === row.variant && p.comparedTo === row.comparedTo);
    if (!pair) {
      pair = { variant: row.variant, variantKind: row.variantKind, comparedTo: row.comparedTo };
      list.push(pair);
    }
    pair[row.perspective satisfies Perspective] = row;
  }
  return byUseCase;
}

function complete(p: Pair): p is Pair & { financial: ResultRow; socioEconomic: ResultRow } {
  return p.financial !== undefined && p.socioEconomic !== undefined;
}

/**
 * The recommended variant per use case and scenario, and the value of each digital variant against the best
 * non-digital alternative.
 *
 * @param results a run's results (both perspectives of every comparison)
 * @returns recommendations in the order use cases and scenarios appear in `results.results`, then the digital
 *   layer comparisons in the same order
 * @throws Error when a use case has no status quo in `results.variants`
 * @example
 * // Lighting under TEND in the built-in example: LED + clock switch-off has a socio-economic NPV of ≈6.1 M€
 * // and avoids ≈2,300 tCO2e; the cabinet remote control has ≈6.2 M€ and avoids ≈2,400 tCO2e, so:
 * recommend(results).recommendations[0] // { useCase: 'lighting', scenario: 'TEND', variant: 'led-telemanagement-cabinet', reason: 'lowCarbonBest', … }
 */
export function recommend(results: RunResults): RecommendationSet {
  const recommendations: Recommendation[] = [];
  const digitalLayer: DigitalLayerValue[] = [];
  for (const [useCase, byScenario] of pairs(results.results)) {
    const statusQuo = results.variants.find((v) => v.useCase === useCase && v.kind === 'statusQuo');
    if (!statusQuo) throw new Error(`recommend: use case ${useCase} has no status quo variant in results.variants`);
    for (const [scenario, list] of byScenario) {
      const candidates = list.filter((p) => p.comparedTo === statusQuo.id && p.variant !== statusQuo.id).filter(complete);
      const npvOf = (p: (typeof candidates)[number]) => p.socioEconomic.metrics.npvEur;
      const best = (xs: typeof candidates) => xs.reduce<(typeof candidates)[number] | undefined>((a, b) => (a === undefined || npvOf(b) > npvOf(a) ? b : a), undefined);
      const worthIt = candidates.filter((p) => Number.isFinite(npvOf(p)) && npvOf(p) > 0);
      const lowCarbon = best(worthIt.filter((p) => p.socioEconomic.metrics.netTco2e <= 0));
      const any = best(worthIt);
      const chosen = lowCarbon ?? any;
      recommendations.push({
        useCase,
        scenario,
        variant: chosen ? chosen.variant : statusQuo.id,
        variantKind: chosen ? chosen.variantKind : statusQuo.kind,
        statusQuo: statusQuo.id,
        reason: lowCarbon ? 'lowCarbonBest' : any ? 'carbonIncrease' : 'doNothing',
        carbonIncrease: chosen ? chosen.socioEconomic.metrics.netTco2e > 0 : false,
        figures: chosen ? keyFigures(chosen.financial.metrics, chosen.socioEconomic.metrics) : null,
        candidates: candidates.length,
        excludedForCarbon: worthIt
          .filter((p) => p.socioEconomic.metrics.netTco2e > 0 && (!chosen || npvOf(p) > npvOf(chosen)))
          .sort((a, b) => npvOf(b) - npvOf(a))
          .map((p) => p.variant),
      });

      for (const p of list.filter(complete)) {
        if (p.variantKind !== 'digital' || p.comparedTo === statusQuo.id) continue;
        const alternative = candidates.find((c) => c.variant === p.comparedTo);
        const own = candidates.find((c) => c.variant === p.variant);
        const extraCapexEur = own && alternative ? own.financial.metrics.capexEur - alternative.financial.metrics.capexEur : null;
        digitalLayer.push({
          useCase,
          scenario,
          variant: p.variant,
          comparedTo: p.comparedTo,
          figures: keyFigures(p.financial.metrics, p.socioEconomic.metrics),
          extraCapexEur,
          digitalTco2e: p.socioEconomic.metrics.digitalTco2e,
        });
      }
    }
  }
  return { recommendations, digitalLayer };
}
