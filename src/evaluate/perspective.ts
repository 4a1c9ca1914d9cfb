/**
 * The two perspectives of DESIGN.md, as yearly cost series built from a variant's flows.
 *
 * Financial (the authority's budget), per year t:
 *   cost = capex·(1+VAT) − subsidies − FCTVA receipts + opex·(1+VAT) + energy·(1+VAT) − residual·(1+VAT)·(1−FCTVA rate)
 * where VAT is not applied when the service recovers it (a water service under VAT, for instance), FCTVA then
 * being zero, subsidies (Fonds vert, DETR/DSIL, CEE…) apply to the year-0 investment excl. VAT, and FCTVA is paid
 * on the eligible expenditure incl. VAT with the regime's lag (N, N+1 or N+2).
 *
 * Socio-economic (society), per year t:
 *   cost = capex + opex + energy + external costs − residual + carbon value(t) × emissions(t)
 * excl. VAT (a transfer), subsidies and FCTVA excluded (transfers), emissions at purchase (all phases), carbon
 * value from France Stratégie's path. The carbon term is kept separate so that abatement costs can exclude it.
 */
import { seriesRecord } from '../core/arena.js';
import { fctvaRecovery, subsidy } from '../finance/index.js';
import type { VariantFlows } from './model.js';

export interface SubsidyRule {
  name: string;
  /** Share of the eligible investment excl. VAT [fraction]. */
  share: number;
  /** Cap on the amount [EUR]. */
  capEur?: number;
}

export interface FinanceSettings {
  vatRate: number;
  vatRecoverable: boolean;
  fctvaRate: number;
  fctvaLagYears: number;
  financialDiscountRate: number;
  socioEconomicDiscountRate: number;
}

export interface PerspectiveCosts {
  /** Investment net of subsidies and FCTVA (financial) or excl. VAT (socio-economic), incl. residual value [EUR]. */
  investmentEur: Float64Array;
  /** Running costs: opex + energy (+ external costs in the socio-economic view) [EUR]. */
  runningEur: Float64Array;
  /** Energy bills alone, in this perspective's terms [EUR]. */
  energyEur: Float64Array;
  /** Carbon value of the emissions (socio-economic only; zeros otherwise) [EUR]. */
  carbonEur: Float64Array;
  /** investment + running + carbon [EUR]. */
  totalEur: Float64Array;
  /** Subsidies received (financial) [EUR]. */
  subsidiesEur: Float64Array;
  /** FCTVA received (financial) [EUR]. */
  fctvaEur: Float64Array;
}

/** Total emissions per year, at purchase (manufacturing + use + end of life) [kgCO2e]. */
export function totalEmissionsKg(f: VariantFlows): Float64Array {
  const n = f.capexEur.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = f.embodiedKgCo2e[t] + f.useKgCo2e[t] + f.endOfLifeKgCo2e[t];
  return out;
}

/** The seven series of `PerspectiveCosts`, in the order they are laid out in one buffer. */
const COST_SERIES = ['investmentEur', 'runningEur', 'energyEur', 'carbonEur', 'totalEur', 'subsidiesEur', 'fctvaEur'] as const satisfies readonly (keyof PerspectiveCosts)[];

/**
 * The seven series of a perspective's costs, zeros, as views on one buffer (one allocation instead of seven).
 * Loops that compute costs many times (Monte Carlo) allocate them once and pass them to `financialCosts` and
 * `socioEconomicCosts` as `into`.
 * @example zeroCosts(26).totalEur.length // 26
 */
export function zeroCosts(n: number): PerspectiveCosts {
  return seriesRecord<PerspectiveCosts>(COST_SERIES, n);
}

/**
 * Financial cost series of a variant. `subsidies` apply to its year-0 investment. `into` (from `zeroCosts`, any
 * content) is overwritten and returned instead of new series.
 */
export function financialCosts(
  f: VariantFlows,
  settings: FinanceSettings,
  subsidies: readonly SubsidyRule[],
  into?: PerspectiveCosts,
): PerspectiveCosts {
  const n = f.capexEur.length;
  const vat = settings.vatRecoverable ? 0 : settings.vatRate;
  const fctvaRate = settings.vatRecoverable ? 0 : settings.fctvaRate;
  const costs = into ? checkLength(into, n) : zeroCosts(n);
  const { investmentEur, runningEur, energyEur, carbonEur, totalEur, subsidiesEur, fctvaEur: fctva } = costs;
  // A reused `into`: the series the loops below do not write in full are zeroed (the others are overwritten).
  if (into) {
    carbonEur.fill(0);
    subsidiesEur.fill(0);
  }
  if (fctvaRate > 0) {
    // `totalEur` holds the eligible expenditure until the FCTVA receipts are computed (it is set below).
    const eligible = totalEur;
    for (let t = 0; t < n; t++) eligible[t] = (f.capexEur[t] - (f.capexNotFctvaEligibleEur?.[t] ?? 0)) * (1 + vat);
    fctvaRecovery(eligible, fctvaRate, settings.fctvaLagYears, fctva);
  } else if (into) {
    fctva.fill(0);
  }
  for (const rule of subsidies) subsidiesEur[0] += subsidy(f.capexEur[0], { share: rule.share, capEur: rule.capEur });
  subsidiesEur[0] = Math.min(subsidiesEur[0], f.capexEur[0]);
  for (let t = 0; t < n; t++) {
    investmentEur[t] =
      f.capexEur[t] * (1 + vat) - subsidiesEur[t] - fctva[t] - f.residualValueEur[t] * (1 + vat) * (1 - fctvaRate);
    energyEur[t] = f.energyCostEur[t] * (1 + vat);
    runningEur[t] = f.opexEur[t] * (1 + vat) + energyEur[t];
    totalEur[t] = investmentEur[t] + runningEur[t];
  }
  return costs;
}

/**
 * Socio-economic cost series of a variant, with the carbon value of its emissions kept apart. `into` (from
 * `zeroCosts`, any content) is overwritten and returned instead of new series.
 */
export function socioEconomicCosts(f: VariantFlows, carbonValueEurPerTco2e: ArrayLike<number>, into?: PerspectiveCosts): PerspectiveCosts {
  const n = f.capexEur.length;
  const costs = into ? checkLength(into, n) : zeroCosts(n);
  const { investmentEur, runningEur, energyEur, carbonEur, totalEur, subsidiesEur, fctvaEur } = costs;
  // A reused `into`: the series the loop below does not write are zeroed (the others are overwritten).
  if (into) {
    subsidiesEur.fill(0);
    fctvaEur.fill(0);
  }
  for (let t = 0; t < n; t++) {
    investmentEur[t] = f.capexEur[t] - f.residualValueEur[t];
    energyEur[t] = f.energyCostEur[t];
    runningEur[t] = f.opexEur[t] + f.energyCostEur[t] + (f.externalCostEur?.[t] ?? 0);
    carbonEur[t] = (carbonValueEurPerTco2e[t] * (f.embodiedKgCo2e[t] + f.useKgCo2e[t] + f.endOfLifeKgCo2e[t])) / 1000;
    totalEur[t] = investmentEur[t] + runningEur[t] + carbonEur[t];
  }
  return costs;
}

/** `costs`, checked to hold `n` years (its content is overwritten by the caller). */
function checkLength(costs: PerspectiveCosts, n: number): PerspectiveCosts {
  if (costs.totalEur.length !== n) throw new RangeError(`costs buffers hold ${costs.totalEur.length} years, the flows ${n}`);
  return costs;
}
