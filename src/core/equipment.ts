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
import { seriesRecord, type SeriesArena } from './arena.js';
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

/**
 * A `FleetSpec` with every field present (no units, a lifetime of one year, bought at index 0, no trend), for a
 * caller that reuses one spec object for many fleets: the equipment functions then always read objects of one
 * shape, and no object is made per fleet. The caller sets the fields it needs before each call.
 * @example const spec = reusableFleetSpec(); spec.count = 10; spec.lifetimeYears = 8; // then equipmentFleetInto(axis, spec, into)
 */
export function reusableFleetSpec(): FleetSpec {
  return {
    count: 0,
    lifetimeYears: 1,
    unitCostEur: 0,
    unitEmbodiedKgCo2e: 0,
    unitEndOfLifeKgCo2e: 0,
    firstPurchaseIndex: 0,
    ageYears: 0,
    replacementShare: 1,
    costTrend: undefined,
    embodiedTrend: undefined,
  };
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

/** The seven series of a fleet, in the order `emptyFleet` lays them out. */
const FLEET_SERIES = ['purchases', 'capexEur', 'residualValueEur', 'embodiedKgCo2e', 'endOfLifeKgCo2e', 'amortisedKgCo2e', 'inService'] as const;

/**
 * A fleet's flows set to zeros over `length` years: the seven series are views on one buffer (one allocation
 * instead of seven; each is still an independent `Float64Array` of `length` values). With an `arena`
 * (src/core/arena.ts), the fleet of the same position in the previous call is zeroed and handed out again.
 * @example emptyFleet(26).capexEur.length // 26
 */
export function emptyFleet(length: number, arena?: SeriesArena): FleetFlows {
  return seriesRecord<FleetFlows>(FLEET_SERIES, length, arena);
}

/**
 * Purchases, costs and lifecycle carbon of a fleet of identical units over the axis: bought at
 * `firstPurchaseIndex` (or replaced when units in place reach their life), replaced every `lifetimeYears`, with the
 * linear residual value and the residual carbon credit at the last index (see the file header for the timing).
 * @param axis the appraisal's years, index 0 = investment year
 * @param spec the fleet: `count` [units], `lifetimeYears` [years], `unitCostEur` [EUR/unit, excl. VAT],
 *   `unitEmbodiedKgCo2e` and `unitEndOfLifeKgCo2e` [kgCO2e/unit], optional trends [fraction of today]
 * @returns yearly series: purchases and units in service [units], capex and residual value [EUR], embodied,
 *   end-of-life and amortised emissions [kgCO2e]
 * @example equipmentFleet(yearAxis(2026, 25), { count: 10, lifetimeYears: 10, unitCostEur: 500 }).capexEur[10] // 5000
 * @example
 * // 100 units of 4 years over 10 years: bought at 0, 4 and 8; those of year 8 serve to year 12, so half their
 * // cost (2,500 €) and half their 200 kgCO2e (a 100 kg credit) come back at index 10
 * const f = equipmentFleet(yearAxis(2026, 10), { count: 100, lifetimeYears: 4, unitCostEur: 50, unitEmbodiedKgCo2e: 2 });
 * f.residualValueEur[10] // 2500
 * f.embodiedKgCo2e // [200, 0, 0, 0, 200, 0, 0, 0, 200, 0, -100]: 500 kg in all, as Σ f.amortisedKgCo2e (50 × 10)
 */
export function equipmentFleet(axis: YearAxis, spec: FleetSpec): FleetFlows {
  return equipmentFleetInto(axis, spec, emptyFleet(axis.length));
}

/**
 * `equipmentFleet` written into `into` (every series reset to zeros first, then filled), for loops that compute
 * many fleets one after the other without allocating: e.g. `addFleet(flows, equipmentFleetInto(axis, spec,
 * scratch))`. Same numbers as `equipmentFleet`, bit for bit. Returns `into`.
 * @param into flows of `axis.length` years, overwritten
 * @example equipmentFleetInto(axis, { count: 10, lifetimeYears: 10, unitCostEur: 500 }, emptyFleet(26)).capexEur[0] // 5000
 */
export function equipmentFleetInto(axis: YearAxis, spec: FleetSpec, into: FleetFlows): FleetFlows {
  return addEquipmentFleet(axis, spec, clearFleet(into));
}

/**
 * Sets every series of `fleet` to zeros, for a fleet reused from one computation to the next. Returns `fleet`.
 * @example clearFleet(equipmentFleet(axis, spec)).capexEur.every((x) => x === 0) // true
 */
export function clearFleet(fleet: FleetFlows): FleetFlows {
  fleet.purchases.fill(0);
  fleet.capexEur.fill(0);
  fleet.residualValueEur.fill(0);
  fleet.embodiedKgCo2e.fill(0);
  fleet.endOfLifeKgCo2e.fill(0);
  fleet.amortisedKgCo2e.fill(0);
  fleet.inService.fill(0);
  return fleet;
}

/**
 * `equipmentFleet` added into `into`: each purchase, replacement, residual and carbon term of the fleet is added to
 * what `into` already holds. Several fleets added into one give their total without a scratch fleet per fleet, e.g.
 * the staggered cohorts of a stock of unknown age (relamping campaigns, water meters). The same terms as
 * `equipmentFleetInto`, added one by one where that function starts from zeros. Returns `into`.
 * @param into flows of `axis.length` years, added to
 * @example
 * // Two cohorts of 5 units (lifetime 4 years), aged 0 and 2: replaced at indices 4, 8 and 2, 6, 10 (of 12)
 * const f = equipmentFleetInto(axis12, { count: 5, lifetimeYears: 4, unitCostEur: 10, firstPurchaseIndex: null, ageYears: 0 }, emptyFleet(13));
 * addEquipmentFleet(axis12, { count: 5, lifetimeYears: 4, unitCostEur: 10, firstPurchaseIndex: null, ageYears: 2 }, f).capexEur[2] // 50
 */
export function addEquipmentFleet(axis: YearAxis, spec: FleetSpec, into: FleetFlows): FleetFlows {
  const n = axis.length;
  const last = n - 1;
  const L = spec.lifetimeYears;
  if (!(L > 0) || !Number.isFinite(L)) {
    throw new RangeError(`equipmentFleet: lifetimeYears must be a positive number, received ${L}`);
  }
  const units = spec.count;
  if (!(units >= 0) || !Number.isFinite(units)) {
    throw new RangeError(`equipmentFleet: count must be a non-negative number, received ${units}`);
  }
  checkFleetLength(into, n);
  const unitCost = spec.unitCostEur ?? 0;
  const unitEmbodied = spec.unitEmbodiedKgCo2e ?? 0;
  const unitEol = spec.unitEndOfLifeKgCo2e ?? 0;
  const replacementShare = spec.replacementShare ?? 1;
  if (units === 0) return into;

  // Purchase positions first + k × L (exact, possibly fractional), booked at the nearest whole index.
  const existing = spec.firstPurchaseIndex === null;
  const first = existing ? L - Math.min(spec.ageYears ?? 0, L) : (spec.firstPurchaseIndex ?? 0);
  if (!existing && (first < 0 || !Number.isInteger(first))) {
    throw new RangeError(`equipmentFleet: firstPurchaseIndex must be a whole index ≥ 0, received ${first}`);
  }
  if (Number.isNaN(first)) {
    throw new RangeError(`equipmentFleet: ageYears must be a number, received ${spec.ageYears}`);
  }
  const costTrend = spec.costTrend;
  const embodiedTrend = spec.embodiedTrend;
  const purchases = into.purchases;
  const capexEur = into.capexEur;
  const embodiedKgCo2e = into.embodiedKgCo2e;
  const endOfLifeKgCo2e = into.endOfLifeKgCo2e;
  const amortisedKgCo2e = into.amortisedKgCo2e;
  const inService = into.inService;

  // Units in service: each unit serves from the year after its purchase until the next purchase (the same rounding
  // as the purchases, so that service years never overlap when the lifetime is not whole: rounding t + L instead
  // counted some years twice), and the last one to the end of the horizon. The service periods follow one another
  // without a gap: `count` units every year from index 1 for units already in place (they serve until their first
  // replacement; they carry no purchase inside the horizon, and their past embodied emissions are outside it, sunk),
  // from the year after the first purchase for a new fleet.
  let next = Math.round(first); // the next purchase index
  if (existing) {
    for (let y = 1; y <= last; y++) inService[y] += units;
  } else if (next < last) {
    for (let y = (next | 0) + 1; y <= last; y++) inService[y] += units;
  }

  // No purchase at the last index or after (it would serve no year of the horizon); `next < last` makes it a whole
  // index of the axis.
  for (let k = 0; next < last; k++) {
    const t = next | 0;
    const share = existing || k > 0 ? replacementShare : 1;
    const costMul = costTrend ? costTrend[t] : 1;
    const carbonMul = embodiedTrend ? embodiedTrend[t] : 1;
    const cost = units * unitCost * share * costMul;
    const manufacturing = units * unitEmbodied * share * carbonMul;
    const eol = units * unitEol * share;
    purchases[t] += units;
    capexEur[t] += cost;
    embodiedKgCo2e[t] += manufacturing;

    // Amortised: (manufacturing + end of life) / L in each year served inside the horizon, t+1 … min(t+L, N), on
    // the true (possibly fractional) lifetime: the year y carries the portion min(1, servedYears − (y − t − 1)).
    // That portion is exactly 1 in the first floor(servedYears) years (perYear × 1 is perYear), so only the years
    // after them compute it.
    const endExact = t + L;
    const servedYears = Math.min(endExact, last) - t;
    const perYear = (manufacturing + eol) / L;
    const lastServed = Math.min(Math.ceil(endExact - 1e-9), last) | 0;
    let y = t + 1;
    for (const wholeEnd = t + Math.min(Math.floor(servedYears), lastServed - t); y <= wholeEnd; y++) amortisedKgCo2e[y] += perYear;
    for (; y <= lastServed; y++) amortisedKgCo2e[y] += perYear * Math.min(1, servedYears - (y - t - 1));

    next = Math.round(first + (k + 1) * L);
    if (endExact <= last) {
      // Left service (end of life) at the next purchase index.
      endOfLifeKgCo2e[Math.min(next, last)] += eol;
    } else {
      const residualFraction = (endExact - last) / L;
      into.residualValueEur[last] += cost * residualFraction;
      endOfLifeKgCo2e[last] += eol * (1 - residualFraction);
      embodiedKgCo2e[last] -= manufacturing * residualFraction;
    }
  }
  return into;
}

/**
 * Throws when a series of `into` does not hold `n` values. Each series checked by name (a loop over FLEET_SERIES
 * reads them through dynamic keys, which cost more than the fleet itself in Monte Carlo's inner loop).
 */
function checkFleetLength(into: FleetFlows, n: number): void {
  if (
    into.purchases.length !== n ||
    into.capexEur.length !== n ||
    into.residualValueEur.length !== n ||
    into.embodiedKgCo2e.length !== n ||
    into.endOfLifeKgCo2e.length !== n ||
    into.amortisedKgCo2e.length !== n ||
    into.inService.length !== n
  ) {
    const wrong = FLEET_SERIES.find((name) => into[name].length !== n)!;
    throw new RangeError(`equipmentFleetInto: into.${wrong} has ${into[wrong].length} values, the axis ${n}`);
  }
}
