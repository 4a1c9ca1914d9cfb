/**
 * Metrics of one comparison: a variant against the variant it is compared to (the status quo, or for a digital
 * variant also the non-digital alternative, so the value of the digital layer itself shows), in one perspective.
 *
 * The incremental cash flow is `cost(reference) − cost(variant)` per year: positive when the variant saves money.
 * Definitions (all discounting through src/finance, year 0 undiscounted):
 * - npvEur: NPV of the incremental cash flow (socio-economic: carbon value included);
 * - irr / mirr: of the incremental cash flow (MIRR with finance and reinvestment rates = the discount rate);
 *   `irrMultiple` is true when the flow has several real IRRs (then `irr` is the one closest to the discount rate);
 * - simplePaybackYears / discountedPaybackYears: first crossing of the cumulative incremental flow, interpolated;
 * - benefitCostRatio: PV(running savings) / PV(incremental investment), null when the variant invests no more;
 * - capexEur: the variant's year-0 investment in this perspective (incl. VAT net of subsidies, or excl. VAT);
 * - lifecycleCostEur: PV of the variant's costs over the horizon, carbon value excluded;
 * - equivalentAnnualCostEur: lifecycleCostEur spread as a constant annuity over the horizon;
 * - energySavedKwh, energySavedFraction: over the horizon;
 * - levelisedCostOfSavedEnergyEurPerKwh: PV(incremental non-energy costs) / PV(kWh saved);
 * - embodiedTco2e, useTco2e, endOfLifeTco2e, digitalTco2e: the variant's emissions by phase (at purchase);
 * - avoidedTco2e = Σ (reference − variant), netTco2e = −avoidedTco2e, carbonPaybackYears;
 * - abatementCostEurPerTco2e: −NPV (carbon value excluded) / avoided tonnes (tonnes not discounted).
 */
import { abatementCost, carbonPaybackYears } from '../carbon/index.js';
import {
  annuityFactor,
  benefitCostRatio,
  discountedPaybackPeriod,
  discountFactors,
  irr,
  irrRoots,
  levelisedCostOfSavedEnergy,
  lifecycleCost,
  mirr,
  npv,
  paybackPeriod,
} from '../finance/index.js';
import { signChanges } from '../finance/internal/polynomialRoots.js';
import type { VariantFlows } from './model.js';
import { totalEmissionsKg, type PerspectiveCosts } from './perspective.js';

export interface Metrics {
  npvEur: number;
  irr: number | null;
  irrMultiple: boolean;
  mirr: number | null;
  simplePaybackYears: number | null;
  discountedPaybackYears: number | null;
  benefitCostRatio: number | null;
  capexEur: number;
  lifecycleCostEur: number;
  equivalentAnnualCostEur: number;
  energySavedKwh: number;
  energySavedFraction: number | null;
  levelisedCostOfSavedEnergyEurPerKwh: number | null;
  embodiedTco2e: number;
  useTco2e: number;
  endOfLifeTco2e: number;
  digitalTco2e: number;
  avoidedTco2e: number;
  netTco2e: number;
  carbonPaybackYears: number | null;
  abatementCostEurPerTco2e: number | null;
  subsidiesEur: number;
  fctvaEur: number;
}

export interface Yearly {
  year: number[];
  cashFlowEur: number[];
  discountedCashFlowEur: number[];
  cumulativeDiscountedCashFlowEur: number[];
  costEur: number[];
  referenceCostEur: number[];
  emissionsTco2e: number[];
  referenceEmissionsTco2e: number[];
  emissionsAmortisedTco2e: number[];
  referenceEmissionsAmortisedTco2e: number[];
  embodiedTco2e: number[];
  useTco2e: number[];
  endOfLifeTco2e: number[];
  digitalTco2e: number[];
  avoidedTco2e: number[];
  energyKwh: number[];
  referenceEnergyKwh: number[];
}

const finiteOrNull = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);
const sumOf = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export interface ComparisonInput {
  years: ArrayLike<number>;
  rate: number;
  reference: { flows: VariantFlows; costs: PerspectiveCosts };
  variant: { flows: VariantFlows; costs: PerspectiveCosts };
}

/** Computes the metrics and yearly series of one comparison in one perspective. */
export function compare(input: ComparisonInput): { metrics: Metrics; yearly: Yearly } {
  const { metrics, cf, df, refE, varE, netKg } = compareMetrics(input);
  const { years, reference, variant } = input;
  const yearly = yearlySeries(years, cf, df, refE, varE, netKg, reference.flows, variant.flows, reference.costs, variant.costs);
  return { metrics, yearly };
}

/**
 * The metrics alone, without the yearly series (the Monte Carlo path: no per-year arrays are kept).
 * Returns the intermediate series `compare` reuses for the yearly output.
 */
export function compareMetrics({ years, rate, reference, variant }: ComparisonInput): {
  metrics: Metrics;
  cf: Float64Array;
  df: Float64Array;
  refE: Float64Array;
  varE: Float64Array;
  netKg: Float64Array;
} {
  const n = years.length;
  const df = discountFactors(rate, n);
  const cf = new Float64Array(n);
  const cfNoCarbon = new Float64Array(n);
  const dInvest = new Float64Array(n);
  const dRunning = new Float64Array(n);
  const nonEnergyIncrement = new Float64Array(n);
  const savedKwh = new Float64Array(n);
  const variantCostNoCarbon = new Float64Array(n);
  const refE = totalEmissionsKg(reference.flows);
  const varE = totalEmissionsKg(variant.flows);
  const netKg = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const rc = reference.costs;
    const vc = variant.costs;
    cf[t] = rc.totalEur[t] - vc.totalEur[t];
    cfNoCarbon[t] = cf[t] - (rc.carbonEur[t] - vc.carbonEur[t]);
    dInvest[t] = vc.investmentEur[t] - rc.investmentEur[t];
    dRunning[t] = rc.runningEur[t] + rc.carbonEur[t] - (vc.runningEur[t] + vc.carbonEur[t]);
    nonEnergyIncrement[t] =
      vc.investmentEur[t] + vc.runningEur[t] - vc.energyEur[t] - (rc.investmentEur[t] + rc.runningEur[t] - rc.energyEur[t]);
    savedKwh[t] = reference.flows.energyKwh[t] - variant.flows.energyKwh[t];
    variantCostNoCarbon[t] = vc.investmentEur[t] + vc.runningEur[t];
    netKg[t] = varE[t] - refE[t];
  }

  const npvEur = npv(rate, cf);
  // Fewer than two sign changes: at most one real IRR (Descartes' rule of signs), found by Newton in `irr`.
  // Otherwise all real roots are computed, and the one closest to the discount rate is reported.
  const roots = signChanges(cf) >= 2 ? irrRoots(cf) : [];
  let irrValue: number | null;
  if (roots.length > 1) {
    irrValue = roots.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best), roots[0]);
  } else {
    irrValue = finiteOrNull(roots.length === 1 ? roots[0] : irr(cf));
  }
  const lcc = lifecycleCost(rate, variantCostNoCarbon);
  const af = annuityFactor(rate, n - 1);
  const refKwh = sumOf(reference.flows.energyKwh);
  const savedTotal = sumOf(savedKwh);
  const netTotalKg = sumOf(netKg);
  const avoidedKg = 0 - netTotalKg; // `0 -` so that a zero reads 0, not -0, in results.json
  const npvNoCarbon = npv(rate, cfNoCarbon);

  const metrics: Metrics = {
    npvEur,
    irr: irrValue,
    irrMultiple: roots.length > 1,
    mirr: finiteOrNull(mirr(cf, rate, rate)),
    simplePaybackYears: paybackPeriod(cf),
    discountedPaybackYears: discountedPaybackPeriod(rate, cf),
    benefitCostRatio: finiteOrNull(benefitCostRatio(rate, dRunning, dInvest)),
    capexEur: variant.costs.investmentEur[0],
    lifecycleCostEur: lcc,
    equivalentAnnualCostEur: af > 0 ? lcc / af : lcc,
    energySavedKwh: savedTotal,
    energySavedFraction: refKwh > 0 ? savedTotal / refKwh : null,
    levelisedCostOfSavedEnergyEurPerKwh: finiteOrNull(levelisedCostOfSavedEnergy(rate, nonEnergyIncrement, savedKwh)),
    embodiedTco2e: sumOf(variant.flows.embodiedKgCo2e) / 1000,
    useTco2e: sumOf(variant.flows.useKgCo2e) / 1000,
    endOfLifeTco2e: sumOf(variant.flows.endOfLifeKgCo2e) / 1000,
    digitalTco2e: sumOf(variant.flows.digitalKgCo2e) / 1000,
    avoidedTco2e: avoidedKg / 1000,
    netTco2e: netTotalKg / 1000,
    carbonPaybackYears: carbonPaybackYears(netKg),
    abatementCostEurPerTco2e: abatementCost({ npvEur: npvNoCarbon, avoidedTco2e: avoidedKg / 1000 }),
    subsidiesEur: sumOf(variant.costs.subsidiesEur),
    fctvaEur: sumOf(variant.costs.fctvaEur),
  };

  return { metrics, cf, df, refE, varE, netKg };
}


function yearlySeries(
  years: ArrayLike<number>,
  cf: Float64Array,
  df: Float64Array,
  refE: Float64Array,
  varE: Float64Array,
  netKg: Float64Array,
  referenceFlows: VariantFlows,
  variantFlows: VariantFlows,
  referenceCosts: PerspectiveCosts,
  variantCosts: PerspectiveCosts,
): Yearly {
  const n = years.length;
  const reference = { flows: referenceFlows, costs: referenceCosts };
  const variant = { flows: variantFlows, costs: variantCosts };
  const yearly: Yearly = {
    year: Array.from(years),
    cashFlowEur: Array.from(cf),
    discountedCashFlowEur: [],
    cumulativeDiscountedCashFlowEur: [],
    costEur: Array.from(variant.costs.totalEur),
    referenceCostEur: Array.from(reference.costs.totalEur),
    emissionsTco2e: Array.from(varE, (x) => x / 1000),
    referenceEmissionsTco2e: Array.from(refE, (x) => x / 1000),
    emissionsAmortisedTco2e: [],
    referenceEmissionsAmortisedTco2e: [],
    embodiedTco2e: Array.from(variant.flows.embodiedKgCo2e, (x) => x / 1000),
    useTco2e: Array.from(variant.flows.useKgCo2e, (x) => x / 1000),
    endOfLifeTco2e: Array.from(variant.flows.endOfLifeKgCo2e, (x) => x / 1000),
    digitalTco2e: Array.from(variant.flows.digitalKgCo2e, (x) => x / 1000),
    avoidedTco2e: Array.from(netKg, (x) => -x / 1000),
    energyKwh: Array.from(variant.flows.energyKwh),
    referenceEnergyKwh: Array.from(reference.flows.energyKwh),
  };
  let cum = 0;
  for (let t = 0; t < n; t++) {
    const d = cf[t] * df[t];
    cum += d;
    yearly.discountedCashFlowEur.push(d);
    yearly.cumulativeDiscountedCashFlowEur.push(cum);
    yearly.emissionsAmortisedTco2e.push((variant.flows.useKgCo2e[t] + variant.flows.amortisedEmbodiedKgCo2e[t]) / 1000);
    yearly.referenceEmissionsAmortisedTco2e.push((reference.flows.useKgCo2e[t] + reference.flows.amortisedEmbodiedKgCo2e[t]) / 1000);
  }
  return yearly;
}
