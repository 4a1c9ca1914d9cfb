/**
 * The model contract: what every use-case model (`models/<id>/model.ts`) declares and returns.
 *
 * A model states its own physics and economics, nothing else. It is a pure function from resolved parameters
 * (numbers in their declared units), scenario trajectories on the time axis and the territory's inventory to
 * yearly flows per variant. It never reads files, never discounts, never applies VAT, subsidies or carbon values:
 * the engine (`src/evaluate`) does that once for every model.
 *
 * Conventions for the flows (DESIGN.md):
 * - every series is a `Float64Array` of `axis.length` values, index 0 being the investment year;
 * - money in constant euros of the pack's price base year, **excluding VAT**, positive = a cost;
 * - carbon in kgCO2e, positive = an emission;
 * - purchases and replacements come from `equipmentFleet` (src/core/equipment.ts), never re-implemented.
 */
import type { z } from 'zod';
import type { ParameterValues } from '../core/parameter.js';
import { seriesRecord, type SeriesArena } from '../core/arena.js';
import type { YearAxis } from '../core/time.js';

export const VARIANT_KINDS = ['statusQuo', 'alternative', 'digital'] as const;
/** status quo (baseline), non-digital alternative, digital variant. */
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface Localised {
  fr: string;
  en: string;
}

export interface VariantDefinition {
  id: string;
  kind: VariantKind;
  name: Localised;
  description: Localised;
}

/** Scenario trajectories on the axis, by name (e.g. `s.gridFactorKgCo2ePerKwh[t]`). */
export type ScenarioSeries = Readonly<Record<string, Float64Array>>;

export interface ModelInput<I> {
  axis: YearAxis;
  /** Resolved parameters by name, in the units the model declares. */
  p: ParameterValues;
  /** Scenario trajectories on the axis. */
  s: ScenarioSeries;
  /**
   * The territory's inventory for this use case, validated by the model's `inventorySchema`. A value: it is never
   * changed in place (the engine freezes it), so a model may compute what depends on it alone once per inventory
   * object (an `InventoryCache`, src/core/inventoryCache.ts, keyed by it).
   */
  inventory: I;
  /**
   * Buffers lent by the engine when it calls the model many times (Monte Carlo, sensitivity, roll-ups): the model
   * passes it to `emptyFlows` and `emptyFleet`, and the flows it returns are valid until its next call with the
   * same arena. Absent for one-off runs (fresh series).
   */
  arena?: SeriesArena;
}

/** Yearly flows of one variant. Optional series default to zeros. */
export interface VariantFlows {
  /** Purchases and replacements, excl. VAT [EUR]. */
  capexEur: Float64Array;
  /** Maintenance, subscriptions, labour, other running costs excl. VAT and excl. energy [EUR]. */
  opexEur: Float64Array;
  /** Energy bills excl. VAT [EUR]. */
  energyCostEur: Float64Array;
  /** Final energy consumed [kWh]. */
  energyKwh: Float64Array;
  /** Residual value of equipment still in service at the last index (positive value) [EUR]. */
  residualValueEur: Float64Array;
  /** Manufacturing emissions, at purchase, with the residual credit at the last index [kgCO2e]. */
  embodiedKgCo2e: Float64Array;
  /** Use-phase emissions (energy × factor of the year, and other direct emissions) [kgCO2e]. */
  useKgCo2e: Float64Array;
  /** End-of-life emissions [kgCO2e]. */
  endOfLifeKgCo2e: Float64Array;
  /** Manufacturing + end of life spread over service years (inventory view) [kgCO2e]. */
  amortisedEmbodiedKgCo2e: Float64Array;
  /**
   * Part of this variant's emissions (all phases, at-purchase view) due to its digital layer: devices,
   * gateways, network, platform [kgCO2e]. Zero for non-digital variants.
   */
  digitalKgCo2e: Float64Array;
  /**
   * Costs borne by society but not by the authority's budget (e.g. flood damages to private property,
   * scarcity value of lost water) [EUR]. Counted in the socio-economic perspective only.
   */
  externalCostEur?: Float64Array;
  /**
   * Connected devices this variant deploys that use the shared network and platform (sensor nodes, meter
   * radios, luminaire nodes, stations) [devices]. The engine allocates the shared digital infrastructure
   * (gateways, network, platform: `models/digital`) across use cases by this key. 0 or absent: none.
   */
  connectedDevices?: number;
  /** Data these devices send per year, for network energy and the `data` allocation key [MB/yr]. */
  dataMbPerYear?: number;
  /** Part of `capexEur` not eligible to FCTVA (e.g. software subscriptions capitalised) [EUR]. */
  capexNotFctvaEligibleEur?: Float64Array;
}

export interface ModelDefinition<I = unknown> {
  /** Use-case id: `lighting`, `water`, `climate-risk`, `buildings`. */
  id: string;
  name: Localised;
  /** The variants, the status quo first. Exactly one has kind `statusQuo`. */
  variants: VariantDefinition[];
  /** Schema of this use case's inventory in a territory file (strict). */
  inventorySchema: z.ZodType<I>;
  /** Names of the scenario trajectories the model reads (checked by the engine before running). */
  scenarioSeries: readonly string[];
  /**
   * Computes the yearly flows of every variant. Pure: same inputs, same outputs; no I/O.
   * Must return finite values (the engine asserts it).
   */
  simulate(input: ModelInput<I>): Record<string, VariantFlows>;
  /** Scale of the inventory, for reports and per-unit figures (e.g. number of luminaires). */
  describeInventory?(inventory: I): { quantity: number; unit: Localised };
}

/** The twelve series of a flows record, in the order `emptyFlows` lays them out. */
export const FLOW_SERIES = [
  'capexEur',
  'opexEur',
  'energyCostEur',
  'energyKwh',
  'residualValueEur',
  'embodiedKgCo2e',
  'useKgCo2e',
  'endOfLifeKgCo2e',
  'amortisedEmbodiedKgCo2e',
  'digitalKgCo2e',
  'externalCostEur',
  'capexNotFctvaEligibleEur',
] as const satisfies readonly (keyof VariantFlows)[];

/** The optional counts of a flows record, cleared when an arena hands the record out again. */
const FLOW_SCALARS: Readonly<Record<string, undefined>> = { connectedDevices: undefined, dataMbPerYear: undefined };

/**
 * A flows record with every series set to zeros, for models to fill. The twelve series are views on one buffer
 * (one allocation instead of twelve, which matters in Monte Carlo); each is an independent `Float64Array` of
 * `axis.length` values. With an `arena` (src/core/arena.ts), the record of the same position in the previous call
 * is zeroed and handed out again: no allocation at all.
 */
export function emptyFlows(axis: YearAxis, arena?: SeriesArena): VariantFlows {
  return seriesRecord<VariantFlows>(FLOW_SERIES, axis.length, arena, FLOW_SCALARS);
}

/**
 * Adds a fleet (from `equipmentFleet`) into a variant's flows: capex, residual value, the three carbon series.
 * When `digital` is true the fleet's lifecycle emissions also count in `digitalKgCo2e`.
 */
export function addFleet(
  flows: VariantFlows,
  fleet: {
    capexEur: Float64Array;
    residualValueEur: Float64Array;
    embodiedKgCo2e: Float64Array;
    endOfLifeKgCo2e: Float64Array;
    amortisedKgCo2e: Float64Array;
  },
  digital = false,
): void {
  const n = flows.capexEur.length;
  for (let t = 0; t < n; t++) {
    flows.capexEur[t] += fleet.capexEur[t];
    flows.residualValueEur[t] += fleet.residualValueEur[t];
    flows.embodiedKgCo2e[t] += fleet.embodiedKgCo2e[t];
    flows.endOfLifeKgCo2e[t] += fleet.endOfLifeKgCo2e[t];
    flows.amortisedEmbodiedKgCo2e[t] += fleet.amortisedKgCo2e[t];
    if (digital) flows.digitalKgCo2e[t] += fleet.embodiedKgCo2e[t] + fleet.endOfLifeKgCo2e[t];
  }
}
