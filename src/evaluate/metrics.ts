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
  irrRoots,
  levelisedCostOfSavedEnergy,
  lifecycleCost,
  mirr,
  npv,
  paybackPeriod,
} from '../finance/index.js';
import { signChanges } from '../finance/internal/polynomialRoots.js';
import { irrRootsInto } from '../finance/irrRoots.js';
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

/** The intermediate series of one comparison, which `compare` turns into its yearly output. */
export interface ComparisonSeries {
  /** Incremental cash flow, cost(reference) − cost(variant) [EUR]. */
  cf: Float64Array;
  /** The same without the carbon value [EUR]. */
  cfNoCarbon: Float64Array;
  /** Discount factors (1 + rate)^-t [dimensionless]. */
  df: Float64Array;
  /** Reference and variant emissions, all phases at purchase [kgCO2e]. */
  refE: Float64Array;
  varE: Float64Array;
  /** varE − refE [kgCO2e]. */
  netKg: Float64Array;
}

/**
 * What discounting at one rate over the axis needs, computed once and shared by every comparison at that rate:
 * the discount factors (1 + rate)^-t (`discountFactors`), the growth factors (1 + rate)^t (MIRR's divisors, the
 * same powers `mirr` computes) and the annuity factor over the horizon.
 * @param rate discount rate [fraction], > -1
 * @param length years on the axis, index 0 included
 * @example discountTable(0.04, 3).discount // Float64Array [1, 0.9615…, 0.9246…]
 */
export function discountTable(rate: number, length: number): DiscountTable {
  const discount = discountFactors(rate, length);
  const growth = new Float64Array(length);
  for (let t = 0; t < length; t++) growth[t] = (1 + rate) ** t;
  return { rate, discount, growth, annuity: annuityFactor(rate, length - 1) };
}

export interface DiscountTable {
  rate: number;
  /** (1 + rate)^-t [dimensionless]. */
  discount: Float64Array;
  /** (1 + rate)^t [dimensionless]. */
  growth: Float64Array;
  /** annuityFactor(rate, length − 1) [years]. */
  annuity: number;
}

/** Reusable buffers for `comparisonMetrics` (the Monte Carlo path allocates them once, not per comparison). */
export function comparisonScratch(length: number): ComparisonScratch {
  const buffer = new ArrayBuffer(7 * length * Float64Array.BYTES_PER_ELEMENT); // the series in one allocation
  const view = (i: number, size = 1): Float64Array => new Float64Array(buffer, i * length * Float64Array.BYTES_PER_ELEMENT, size * length);
  const physics: ComparisonPhysics = {
    reference: null,
    variant: null,
    finite: true,
    referenceKwh: 0,
    savedKwh: 0,
    netKg: 0,
    embodiedKg: 0,
    useKg: 0,
    endOfLifeKg: 0,
    digitalKg: 0,
    carbonPaybackYears: null,
  };
  return { cf: view(0), cfNoCarbon: view(1), refE: view(2), varE: view(3), netKg: view(4), rates: view(5, 2), physics };
}

/** The buffers of `comparisonMetrics`: its series, room for the IRRs, and the physical quantities. */
export interface ComparisonScratch extends Omit<ComparisonSeries, 'df'> {
  /** The internal rates of return (`irrRootsInto`: twice the axis' length) [fraction]. */
  rates: Float64Array;
  /** What `comparisonPhysics` computed last. */
  physics: ComparisonPhysics;
}

/**
 * What the two perspectives of one comparison share, computed from the flows alone by `comparisonPhysics`: the
 * sums of the readable version that do not depend on money or discounting (its `refKwh`, `savedTotal`,
 * `netTotalKg`, the variant's emissions by phase, and the carbon payback), for the pair of flows named.
 */
export interface ComparisonPhysics {
  /** The flows these quantities are of (null before the first computation). */
  reference: VariantFlows | null;
  variant: VariantFlows | null;
  /**
   * False when a kWh saved or a net emission is not finite: the comparison then takes the readable path, which
   * raises the error of the first function to meet the value (and `carbonPaybackYears` is left null here).
   */
  finite: boolean;
  /** Σ reference energy [kWh]. */
  referenceKwh: number;
  /** Σ (reference − variant) energy [kWh]. */
  savedKwh: number;
  /** Σ (variant − reference) emissions, all phases at purchase [kgCO2e]. */
  netKg: number;
  /** Σ of the variant's emissions by phase [kgCO2e]. */
  embodiedKg: number;
  useKg: number;
  endOfLifeKg: number;
  digitalKg: number;
  /** carbonPaybackYears(variant − reference emissions) [years]. */
  carbonPaybackYears: number | null;
}

/**
 * The physical quantities of a comparison (see `ComparisonPhysics`), written into `scratch.physics` and returned,
 * with the reference's, the variant's and the net emissions per year in `scratch.refE`, `varE` and `netKg`.
 * Computed once per pair of flows, they serve both perspectives: pass them to `comparisonMetrics`, with the same
 * scratch, for each. Sums accumulate from t = 0 upwards, as the readable version's `sumOf`.
 * @example comparisonPhysics(statusQuo, retrofit, comparisonScratch(4)).savedKwh // 1800 (tests/evaluate/metrics.test.ts)
 */
export function comparisonPhysics(reference: VariantFlows, variant: VariantFlows, scratch: ComparisonScratch): ComparisonPhysics {
  const { refE, varE, netKg } = scratch;
  const n = refE.length;
  let refKwh = 0;
  let savedTotal = 0;
  let netTotalKg = 0;
  let embodied = 0;
  let use = 0;
  let endOfLife = 0;
  let digital = 0;
  let probe = 0; // stays 0 while every kWh saved and every net emission is finite
  for (let t = 0; t < n; t++) {
    const saved = reference.energyKwh[t] - variant.energyKwh[t];
    const rE = reference.embodiedKgCo2e[t] + reference.useKgCo2e[t] + reference.endOfLifeKgCo2e[t];
    const vE = variant.embodiedKgCo2e[t] + variant.useKgCo2e[t] + variant.endOfLifeKgCo2e[t];
    const net = vE - rE;
    probe += (saved + net) * 0;
    refE[t] = rE;
    varE[t] = vE;
    netKg[t] = net;
    refKwh += reference.energyKwh[t];
    savedTotal += saved;
    netTotalKg += net;
    embodied += variant.embodiedKgCo2e[t];
    use += variant.useKgCo2e[t];
    endOfLife += variant.endOfLifeKgCo2e[t];
    digital += variant.digitalKgCo2e[t];
  }
  const physics = scratch.physics;
  physics.reference = reference;
  physics.variant = variant;
  physics.finite = probe === 0;
  physics.referenceKwh = refKwh;
  physics.savedKwh = savedTotal;
  physics.netKg = netTotalKg;
  physics.embodiedKg = embodied;
  physics.useKg = use;
  physics.endOfLifeKg = endOfLife;
  physics.digitalKg = digital;
  physics.carbonPaybackYears = physics.finite ? carbonPaybackYears(netKg) : null;
  return physics;
}

/**
 * The metrics alone, without the yearly series (the Monte Carlo path: no per-year arrays are kept).
 * Returns the intermediate series `compare` reuses for the yearly output.
 */
export function compareMetrics(input: ComparisonInput): { metrics: Metrics } & ComparisonSeries {
  const n = input.years.length;
  const table = discountTable(input.rate, n);
  const scratch = comparisonScratch(n);
  const metrics = comparisonMetrics(input, table, scratch);
  const { cf, cfNoCarbon, refE, varE, netKg } = scratch;
  return { metrics, cf, cfNoCarbon, df: table.discount, refE, varE, netKg };
}

/** What `comparisonMetrics` may leave out. */
export interface ComparisonOptions {
  /**
   * false: the IRR is not searched (`irr` null, `irrMultiple` false), the other metrics are unchanged. For callers
   * that only sum additive metrics (the roll-up): the root search is about two fifths of a comparison's cost.
   */
  irr?: boolean;
  /**
   * true: only the metrics that add up over communes are computed (`npvEur`, `capexEur`, `lifecycleCostEur`,
   * `energySavedKwh`, `avoidedTco2e`, `netTco2e`, `subsidiesEur`, `fctvaEur`: the roll-up's sums), each equal to the
   * full computation's to the last bit; every other field is NaN or null, as `emptyMetrics()` has it. For the
   * roll-up, which sums these alone: the rest (MIRR, paybacks, ratios, IRR) is about half a comparison's cost.
   */
  sumsOnly?: boolean;
}

/**
 * `compareMetrics` computed in two passes over the years (physical, then money), with the discount factors of
 * `table` (which must be `discountTable(input.rate, n)`) and the per-year series written into `scratch`: the
 * inner loop of Monte Carlo. `physics`, when given, is `comparisonPhysics(input.reference.flows,
 * input.variant.flows, scratch)` computed before (once for both perspectives); otherwise it is computed here.
 * Only the identity of the flows is checked: recompute it whenever their values change (at every draw).
 * Every sum is accumulated in the same order and with the same operations as `compareMetricsReadable` (below),
 * so the numbers are identical to the last bit (tests/evaluate/metrics.test.ts checks it); a non-finite value
 * anywhere sends the comparison to the readable version, which raises the finance functions' own errors.
 * `into`, when given, is rewritten in place and returned (a loop that keeps no metrics between calls allocates no
 * record); otherwise a fresh record is returned.
 */
export function comparisonMetrics(
  input: ComparisonInput,
  table: DiscountTable,
  scratch: ComparisonScratch,
  physics?: ComparisonPhysics,
  options: ComparisonOptions = {},
  into?: Metrics,
): Metrics {
  const { rate, reference, variant } = input;
  const n = input.years.length;
  if (table.rate !== rate || table.discount.length !== n) {
    throw new RangeError(`comparisonMetrics: the discount table is for rate ${table.rate} over ${table.discount.length} years, not ${rate} over ${n}`);
  }
  const rf = reference.flows;
  const vf = variant.flows;
  if (physics === undefined) {
    physics = comparisonPhysics(rf, vf, scratch);
  } else if (physics !== scratch.physics || physics.reference !== rf || physics.variant !== vf) {
    throw new Error('comparisonMetrics: physics must be comparisonPhysics(reference flows, variant flows, scratch) of this comparison');
  }
  if (options.sumsOnly === true) return comparisonSums(input, table, scratch, physics, into);
  const { cf, cfNoCarbon, rates } = scratch;
  const df = table.discount;
  const growth = table.growth;
  const rc = reference.costs;
  const vc = variant.costs;
  // Sums of the readable version, each accumulated from t = 0 upwards as `presentValue`, `sumOf` and `mirr` do.
  let lcc = 0; // lifecycleCost(rate, variantCostNoCarbon)
  let pvInvest = 0; // presentValue(rate, dInvest)
  let pvRunning = 0; // presentValue(rate, dRunning)
  let pvNonEnergy = 0; // presentValue(rate, nonEnergyIncrement)
  let pvSaved = 0; // presentValue(rate, savedKwh)
  let subsidies = 0;
  let fctva = 0;
  // mirr(cf, rate, rate): inflows and outflows divided by (1 + rate)^t.
  let hasInflow = false;
  let hasOutflow = false;
  let inflowPv = 0;
  let outflowPv = 0;
  // paybackPeriod(cf) and discountedPaybackPeriod(rate, cf): the first return of the cumulative (of cf, of cf·df) to
  // ≥ 0 after it went negative, interpolated within the year, as `cumulativeCrossings` finds it (NaN: not yet).
  let cumulative = 0;
  let wentNegative = false;
  let payback = NaN;
  let cumulativeDiscounted = 0;
  let wentNegativeDiscounted = false;
  let discountedPayback = NaN;
  let probe = 0; // stays 0 while every value the finance functions would check is finite
  for (let t = 0; t < n; t++) {
    const c = rc.totalEur[t] - vc.totalEur[t];
    const cNoCarbon = c - (rc.carbonEur[t] - vc.carbonEur[t]);
    const dInvest = vc.investmentEur[t] - rc.investmentEur[t];
    const dRunning = rc.runningEur[t] + rc.carbonEur[t] - (vc.runningEur[t] + vc.carbonEur[t]);
    const nonEnergy = vc.investmentEur[t] + vc.runningEur[t] - vc.energyEur[t] - (rc.investmentEur[t] + rc.runningEur[t] - rc.energyEur[t]);
    const saved = rf.energyKwh[t] - vf.energyKwh[t];
    const costNoCarbon = vc.investmentEur[t] + vc.runningEur[t];
    probe += (c + cNoCarbon + dInvest + dRunning + nonEnergy + costNoCarbon) * 0;
    cf[t] = c;
    cfNoCarbon[t] = cNoCarbon;
    const d = df[t];
    lcc += costNoCarbon * d;
    pvInvest += dInvest * d;
    pvRunning += dRunning * d;
    pvNonEnergy += nonEnergy * d;
    pvSaved += saved * d;
    subsidies += vc.subsidiesEur[t];
    fctva += vc.fctvaEur[t];
    if (c > 0) {
      hasInflow = true;
      inflowPv += c / growth[t];
    } else if (c < 0) {
      hasOutflow = true;
      outflowPv += c / growth[t];
    }
    const previous = cumulative;
    cumulative += c;
    if (!wentNegative) wentNegative = cumulative < 0;
    else if (cumulative >= 0 && Number.isNaN(payback)) payback = t - 1 + -previous / (cumulative - previous);
    const previousDiscounted = cumulativeDiscounted;
    cumulativeDiscounted += c * d;
    if (!wentNegativeDiscounted) wentNegativeDiscounted = cumulativeDiscounted < 0;
    else if (cumulativeDiscounted >= 0 && Number.isNaN(discountedPayback)) {
      discountedPayback = t - 1 + -previousDiscounted / (cumulativeDiscounted - previousDiscounted);
    }
  }
  if (probe !== 0 || !physics.finite) {
    const readable = compareMetricsReadable(input).metrics;
    return into === undefined ? readable : Object.assign(into, readable);
  }

  // npv(rate, cf) and npv(rate, cfNoCarbon): Horner's rule in x = 1/(1+rate), from the last year down.
  const x = 1 / (1 + rate);
  let npvEur = 0;
  let npvNoCarbon = 0;
  for (let t = n - 1; t >= 0; t--) {
    npvEur = npvEur * x + cf[t];
    npvNoCarbon = npvNoCarbon * x + cfNoCarbon[t];
  }
  const mirrValue = !hasInflow || !hasOutflow ? NaN : (Math.abs(inflowPv) / Math.abs(outflowPv)) ** (1 / (n - 1)) * (1 + rate) - 1;

  // Every real IRR (irrRoots' rates, written into the scratch buffer by irrRootsInto; none without a sign change),
  // unless the caller does not want them (`options.irr === false`: no root is searched, `irr` is null).
  const rootCount = options.irr === false ? 0 : irrRootsInto(cf, rates);
  let irrValue: number | null;
  if (rootCount > 1) {
    irrValue = rates[0]; // the first of the rates closest to the discount rate, as the readable `reduce`
    for (let i = 1; i < rootCount; i++) if (Math.abs(rates[i] - rate) < Math.abs(irrValue - rate)) irrValue = rates[i];
  } else {
    irrValue = rootCount === 1 ? finiteOrNull(rates[0]) : null;
  }
  const af = table.annuity;
  const refKwh = physics.referenceKwh;
  const savedTotal = physics.savedKwh;
  const netTotalKg = physics.netKg;
  const avoidedKg = 0 - netTotalKg;
  // Written field by field into `into` (a caller's record, rewritten in place: no allocation) or a fresh record.
  const m = into ?? emptyMetrics();
  m.npvEur = npvEur;
  m.irr = irrValue;
  m.irrMultiple = rootCount > 1;
  m.mirr = finiteOrNull(mirrValue);
  m.simplePaybackYears = !wentNegative ? 0 : Number.isNaN(payback) ? null : payback;
  m.discountedPaybackYears = !wentNegativeDiscounted ? 0 : Number.isNaN(discountedPayback) ? null : discountedPayback;
  m.benefitCostRatio = pvInvest > 0 ? finiteOrNull(pvRunning / pvInvest) : null;
  m.capexEur = vc.investmentEur[0];
  m.lifecycleCostEur = lcc;
  m.equivalentAnnualCostEur = af > 0 ? lcc / af : lcc;
  m.energySavedKwh = savedTotal;
  m.energySavedFraction = refKwh > 0 ? savedTotal / refKwh : null;
  m.levelisedCostOfSavedEnergyEurPerKwh = pvSaved > 0 ? finiteOrNull(pvNonEnergy / pvSaved) : null;
  m.embodiedTco2e = physics.embodiedKg / 1000;
  m.useTco2e = physics.useKg / 1000;
  m.endOfLifeTco2e = physics.endOfLifeKg / 1000;
  m.digitalTco2e = physics.digitalKg / 1000;
  m.avoidedTco2e = avoidedKg / 1000;
  m.netTco2e = netTotalKg / 1000;
  m.carbonPaybackYears = physics.carbonPaybackYears;
  m.abatementCostEurPerTco2e = abatementCost({ npvEur: npvNoCarbon, avoidedTco2e: avoidedKg / 1000 });
  m.subsidiesEur = subsidies;
  m.fctvaEur = fctva;
  return m;
}

/**
 * `comparisonMetrics` with `sumsOnly`: the sums of the full computation, each accumulated in the same order with the
 * same operations (NPV by Horner's rule in 1/(1 + rate) from the last year down, the lifecycle cost, subsidies and
 * FCTVA from t = 0 upwards, the physical quantities from `physics`), so that they are equal to its to the last bit
 * (tests/evaluate/metrics.test.ts); the other fields NaN or null. A value that is not finite sends the comparison to
 * the readable version, which raises the finance functions' own errors.
 */
function comparisonSums(input: ComparisonInput, table: DiscountTable, scratch: ComparisonScratch, physics: ComparisonPhysics, into?: Metrics): Metrics {
  const n = input.years.length;
  const rc = input.reference.costs;
  const vc = input.variant.costs;
  const { cf } = scratch;
  const df = table.discount;
  let lcc = 0;
  let subsidies = 0;
  let fctva = 0;
  let probe = 0; // stays 0 while the incremental flow and the variant's cost are finite
  for (let t = 0; t < n; t++) {
    const c = rc.totalEur[t] - vc.totalEur[t];
    const costNoCarbon = vc.investmentEur[t] + vc.runningEur[t];
    probe += (c + costNoCarbon) * 0;
    cf[t] = c;
    lcc += costNoCarbon * df[t];
    subsidies += vc.subsidiesEur[t];
    fctva += vc.fctvaEur[t];
  }
  if (probe !== 0 || !physics.finite) return clearNonSums(Object.assign(into ?? emptyMetrics(), compareMetricsReadable(input).metrics));
  const m = into === undefined ? emptyMetrics() : clearNonSums(into);
  const x = 1 / (1 + input.rate);
  let npvEur = 0;
  for (let t = n - 1; t >= 0; t--) npvEur = npvEur * x + cf[t];
  m.npvEur = npvEur;
  m.capexEur = vc.investmentEur[0];
  m.lifecycleCostEur = lcc;
  m.energySavedKwh = physics.savedKwh;
  m.avoidedTco2e = (0 - physics.netKg) / 1000;
  m.netTco2e = physics.netKg / 1000;
  m.subsidiesEur = subsidies;
  m.fctvaEur = fctva;
  return m;
}

/** Sets the fields `comparisonSums` does not compute to their `emptyMetrics()` values, field by field. */
function clearNonSums(m: Metrics): Metrics {
  m.irr = null;
  m.irrMultiple = false;
  m.mirr = null;
  m.simplePaybackYears = null;
  m.discountedPaybackYears = null;
  m.benefitCostRatio = null;
  m.equivalentAnnualCostEur = NaN;
  m.energySavedFraction = null;
  m.levelisedCostOfSavedEnergyEurPerKwh = null;
  m.embodiedTco2e = NaN;
  m.useTco2e = NaN;
  m.endOfLifeTco2e = NaN;
  m.digitalTco2e = NaN;
  m.carbonPaybackYears = null;
  m.abatementCostEurPerTco2e = null;
  return m;
}

/**
 * A metrics record to be filled (by `comparisonMetrics`): every field present, in the order of `Metrics` (the order
 * of results.json), numbers NaN and the others null.
 * @example emptyMetrics().npvEur // NaN
 */
export function emptyMetrics(): Metrics {
  return {
    npvEur: NaN,
    irr: null,
    irrMultiple: false,
    mirr: null,
    simplePaybackYears: null,
    discountedPaybackYears: null,
    benefitCostRatio: null,
    capexEur: NaN,
    lifecycleCostEur: NaN,
    equivalentAnnualCostEur: NaN,
    energySavedKwh: NaN,
    energySavedFraction: null,
    levelisedCostOfSavedEnergyEurPerKwh: null,
    embodiedTco2e: NaN,
    useTco2e: NaN,
    endOfLifeTco2e: NaN,
    digitalTco2e: NaN,
    avoidedTco2e: NaN,
    netTco2e: NaN,
    carbonPaybackYears: null,
    abatementCostEurPerTco2e: null,
    subsidiesEur: NaN,
    fctvaEur: NaN,
  };
}

/**
 * The readable version of `comparisonMetrics`: one array per intermediate series and the finance functions of
 * src/finance called on them. It is the definition the fast path must reproduce exactly (the tests compare them)
 * and the path taken when a value is not finite, so that the finance functions raise their own errors.
 */
export function compareMetricsReadable({ years, rate, reference, variant }: ComparisonInput): { metrics: Metrics } & ComparisonSeries {
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
  // Every real IRR (irrRoots: exact, in linear time for most flows by Norström's criterion); none without a sign
  // change. Newton from a start (irr) is not used here: on a flow whose investment is small against its savings it
  // overshoots and then crawls back, a hundred iterations where the bracketed search takes a dozen.
  const roots = signChanges(cf) >= 1 ? irrRoots(cf) : [];
  let irrValue: number | null;
  if (roots.length > 1) {
    irrValue = roots.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best), roots[0]);
  } else {
    irrValue = roots.length === 1 ? finiteOrNull(roots[0]) : null;
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

  return { metrics, cf, cfNoCarbon, df, refE, varE, netKg };
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
