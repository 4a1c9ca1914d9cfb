/**
 * Equipment fleets over the appraisal horizon: purchases, replacements at end of life, residual value, and the
 * lifecycle carbon of the equipment allocated two ways. Every model describes its devices with this one function;
 * none re-implements replacement cycles.
 *
 * Timing (DESIGN.md): flows are at the end of each year, index 0 is the investment year and operation starts in
 * year 1. A unit bought at index `t` serves years `t+1 … t+L` and is replaced at index `t+L`. No purchase is made
 * at the last index (it would serve no year of the horizon).
 *
 * Residual value (linear): a unit bought at `t` and still in service at the last index `N` keeps the fraction
 * `(t + L − N) / L` of its cost, booked as a negative cost at `N`.
 *
 * Carbon, two allocations with the same total over the horizon:
 * - *at purchase* (trajectory view): manufacturing at the purchase index, end of life at the disposal index; for
 *   units still in service at `N`, end of life is booked at `N` and the residual fraction of manufacturing and end
 *   of life is credited back at `N` (the carbon twin of residual value);
 * - *amortised* (inventory view): (manufacturing + end of life) / L in each year the unit serves, within the horizon.
 * Summing either over the horizon gives Σ (manufacturing + end of life) × (served years within horizon) / L.
 *
 * Lifetimes that are not whole years are replaced at the nearest whole year (`Math.round`), with the linear
 * residual computed on the true lifetime.
 */
import type { YearAxis } from './time.js';

export interface FleetSpec {
  /** Number of units (may be fractional, e.g. a share of a gateway) [units]. */
  count: number;
  /** Service life [years]; must be > 0. */
  lifetimeYears: number;
  /** Purchase and installation cost of one unit, excl. VAT [EUR/unit]. */
  unitCostEur?: number;
  /** Manufacturing (embodied) emissions of one unit [kgCO2e/unit]. */
  unitEmbodiedKgCo2e?: number;
  /** End-of-life emissions of one unit (transport, treatment) [kgCO2e/unit]. */
  unitEndOfLifeKgCo2e?: number;
  /**
   * Index of the first purchase (0 = bought in the investment year). `null` for equipment already in place:
   * it is replaced when it reaches its lifetime, given `ageYears`.
   */
  firstPurchaseIndex?: number | null;
  /** Age of equipment already in place at index 0 [years]; used when `firstPurchaseIndex` is null. */
  ageYears?: number;
  /**
   * Cost of a replacement as a fraction of the first purchase (e.g. relamping replaces the lamp, not the
   * luminaire) [fraction]. Default 1. Applies to cost, manufacturing and end of life alike.
   */
  replacementShare?: number;
  /**
   * Multiplier on the unit cost by index (equipment cost trend from the scenario pack), or undefined for none.
   */
  costTrend?: ArrayLike<number>;
  /** Multiplier on the unit embodied emissions by index (e.g. digital embodied trend), or undefined for none. */
  embodiedTrend?: ArrayLike<number>;
}

export interface FleetFlows {
  /** Units bought at each index [units]. */
  purchases: Float64Array;
  /** Purchase cost excl. VAT [EUR]. */
  capexEur: Float64Array;
  /** Residual value at the last index (negative cost is the caller's choice; this is a positive value) [EUR]. */
  residualValueEur: Float64Array;
  /** Manufacturing emissions at purchase, residual credit at the last index [kgCO2e]. */
  embodiedKgCo2e: Float64Array;
  /** End-of-life emissions at disposal (or at the last index for units in service), residual credit [kgCO2e]. */
  endOfLifeKgCo2e: Float64Array;
  /** (Manufacturing + end of life) spread over the years each unit serves [kgCO2e]. */
  amortisedKgCo2e: Float64Array;
  /** Units in service each year (0 at index 0 for a new fleet) [units]. */
  inService: Float64Array;
}

/** Purchases, costs and lifecycle carbon of a fleet of identical units over the axis. */
export function equipmentFleet(axis: YearAxis, spec: FleetSpec): FleetFlows {
  const n = axis.length;
  const last = n - 1;
  const L = spec.lifetimeYears;
  if (!(L > 0) || !Number.isFinite(L)) {
    throw new RangeError(`equipmentFleet: lifetimeYears must be a positive number, received ${L}`);
  }
  if (!(spec.count >= 0) || !Number.isFinite(spec.count)) {
    throw new RangeError(`equipmentFleet: count must be a non-negative number, received ${spec.count}`);
  }
  const unitCost = spec.unitCostEur ?? 0;
  const unitEmbodied = spec.unitEmbodiedKgCo2e ?? 0;
  const unitEol = spec.unitEndOfLifeKgCo2e ?? 0;
  const replacementShare = spec.replacementShare ?? 1;
  const out: FleetFlows = {
    purchases: new Float64Array(n),
    capexEur: new Float64Array(n),
    residualValueEur: new Float64Array(n),
    embodiedKgCo2e: new Float64Array(n),
    endOfLifeKgCo2e: new Float64Array(n),
    amortisedKgCo2e: new Float64Array(n),
    inService: new Float64Array(n),
  };
  if (spec.count === 0) return out;

  // Purchase indices (exact, possibly fractional positions; rounded to whole years for booking).
  const existing = spec.firstPurchaseIndex === null;
  const first = existing ? L - Math.min(spec.ageYears ?? 0, L) : (spec.firstPurchaseIndex ?? 0);
  if (!existing && (first < 0 || !Number.isInteger(first))) {
    throw new RangeError(`equipmentFleet: firstPurchaseIndex must be a whole index ≥ 0, received ${first}`);
  }

  // Units already in place serve from index 1 until their first replacement; they carry no purchase inside the
  // horizon, and their past embodied emissions are outside it (sunk), so they add nothing but service.
  if (existing) {
    const end = Math.min(Math.round(first), last);
    for (let t = 1; t <= end; t++) out.inService[t] = spec.count;
  }

  for (let k = 0; ; k++) {
    const exact = first + k * L;
    const t = Math.round(exact);
    if (t >= last) break;
    const replacement = existing || k > 0;
    const share = replacement ? replacementShare : 1;
    const costMul = spec.costTrend ? spec.costTrend[t] : 1;
    const carbonMul = spec.embodiedTrend ? spec.embodiedTrend[t] : 1;
    const units = spec.count;
    const cost = units * unitCost * share * costMul;
    const manufacturing = units * unitEmbodied * share * carbonMul;
    const eol = units * unitEol * share;
    out.purchases[t] += units;
    out.capexEur[t] += cost;
    out.embodiedKgCo2e[t] += manufacturing;

    // Years served inside the horizon: t+1 … min(t+L, N), on the true (possibly fractional) lifetime.
    const endExact = t + L;
    const servedYears = Math.min(endExact, last) - t;
    const perYear = (manufacturing + eol) / L;
    const lastServed = Math.min(Math.ceil(endExact - 1e-9), last);
    for (let y = t + 1; y <= lastServed; y++) {
      const portion = Math.min(1, servedYears - (y - t - 1));
      out.amortisedKgCo2e[y] += perYear * portion;
    }
    // Left service at the next purchase index (the same rounding as the loop), so that service years never
    // overlap when the lifetime is not whole (rounding t + L instead counted some years twice).
    const replacedAt = Math.min(Math.round(first + (k + 1) * L), last);
    for (let y = t + 1; y <= replacedAt; y++) out.inService[y] += units;
    if (endExact <= last) {
      out.endOfLifeKgCo2e[replacedAt] += eol;
    } else {
      const residualFraction = (endExact - last) / L;
      out.residualValueEur[last] += cost * residualFraction;
      out.endOfLifeKgCo2e[last] += eol * (1 - residualFraction);
      out.embodiedKgCo2e[last] -= manufacturing * residualFraction;
    }
  }
  return out;
}
