/**
 * Shared digital infrastructure and the device catalogue (models/digital).
 *
 * Not a use case: it has no variants. It provides (1) the DEVICE CATALOGUE (models/digital/parameters.yaml, which
 * the engine merges into every model's `p`) and the helpers that deploy catalogue devices in a use case's variant
 * (`addDevices`, what the models call; `deviceFleet` and `addDeviceFleet`, the same in two steps, with the fleet
 * handed out), and (2) the flows of the infrastructure the digital variants of all use cases share: LoRaWAN gateways,
 * agents' terminals, the platform (subscription and hosting) and the data networks. The engine computes these
 * shared flows for the territory's total device count and allocates them across use cases by the territory's
 * allocation key (Eq. 10); within one evaluation, a work space (`sharedInfrastructureParts`) computes once what the
 * digital variants have in common: the parameters, the terminals' fleet and one gateway fleet per gateway count.
 *
 * Equations (t is the year index; index 0 is the investment year, operation starts at index 1):
 * - Eq. 1 (device fleet): a fleet of `n` catalogue devices goes through `equipmentFleet` (src/core/equipment.ts):
 *   purchase at `firstPurchaseIndex`, replacement every `${D}LifetimeYears`, unit cost `${D}CostEur` ×
 *   digitalCostFactor[t], manufacturing `${D}EmbodiedKgCo2e` × digitalEmbodiedFactor[t], end of life
 *   `${D}EndOfLifeKgCo2e`, linear residual value and residual carbon credit at the horizon. All its carbon counts
 *   as digital.
 * - Eq. 2 (device electricity): E_t = inService_t × `${D}PowerW` × 8,760 h / 1,000 [kWh].
 * - Eq. 3 (device energy bill and use-phase carbon): C_t = E_t × electricityPriceEurPerKwh[t];
 *   U_t = E_t × gridFactorKgCo2ePerKwh[t] (also counted in digitalKgCo2e).
 * - Eq. 4 (device running costs): M_t = inService_t × `${D}MaintenanceEurPerYear`; data D = n × `${D}DataMbPerYear`.
 * - Eq. 5 (gateways): G = given × k when the territory gives its gateway count; otherwise
 *   G = max(gatewayMinimumCount, ⌈N / gatewayDevicesPerGateway⌉) for a single commune (c = 1), and
 *   G = max(gatewayMinimumCount × k, N / gatewayDevicesPerGateway) when the network is pooled among c communes
 *   (the pooled network is sized on everybody's devices, so this territory's marginal share is not rounded up).
 *   N = connected devices of the territory, c = `pooling.communes`, k = the territory's share of the pool's fixed
 *   parts: `pooling.share` when given (e.g. its statutory contribution), else 1 / c (computed as a division by c).
 *   G = 0 when N = 0. Gateways are a fleet (Eq. 1–4).
 * - Eq. 6 (terminals): T = (given ?? terminalsCount) × k, a fleet of `terminal` devices (Eq. 1–4); 0 when N = 0.
 * - Eq. 7 (platform cost): O_t = N × platformSubscriptionEurPerDevicePerYear + platformFixedEurPerYear × k, t ≥ 1.
 * - Eq. 8 (platform hosting carbon): H_t = N × platformKgCo2ePerDevicePerYear, t ≥ 1 (use phase, digital).
 * - Eq. 9 (network energy): W_t = (D_devices + D_gateways + D_terminals) / 1,000 × networkEnergyKwhPerGb[t] [kWh],
 *   t ≥ 1, with carbon W_t × gridFactorKgCo2ePerKwh[t]. Counted in energyKwh and carbon; NOT in energyCostEur,
 *   since network operators' electricity is paid inside connectivity and platform prices.
 * - Eq. 10 (allocation across use cases, done by the engine with src/carbon/allocationShares.ts):
 *   share_u = N_u / Σ N ('devices', default), D_u / Σ D ('data'), or 1 / (number of use cases with N_u > 0)
 *   ('equal'); 0 for a use case with no device. Each digital variant then carries share_u × these flows.
 *
 * References:
 * [1] ADEME & Arcep, *Évaluation de l'impact environnemental du numérique en France et analyse prospective*,
 *     vol. 1–2 (Jan 2022) and vol. 3 (6 Mar 2023): 16.9–17.2 MtCO2e in 2020, ≈2.5 % of the national footprint;
 *     devices 79 %, data centres ≈16 %, networks ≈5 %; manufacturing ≈78–80 % of the footprint.
 * [2] IAB Europe, *Digital ad emissions methodology*, 2025 (repo iabeurope-beis/digital-ad-emissions,
 *     docs/methodology.md), built on ADEME Base Empreinte "Numérique 2.0": network energy per GB (fixed
 *     0.0165 kWh/GB, mobile 0.117 kWh/GB), cloud VM and storage footprints.
 * [3] Reference values and assumption ranges gathered for this toolkit: /work/shared/reference/parameters.md
 *     §1.6, §4, §5 and "Assumption ranges".
 *
 * Assumptions (see README.md for the reasoning and ranges):
 * - most device figures are assumptions: no public French LCA or unit price was found for IoT nodes, gateways,
 *   meters and controllers; end of life is ≈3 % of manufacturing;
 * - every catalogue device deployed by a use case counts as a connected device (platform subscription, hosting,
 *   gateway sizing), including cellular or wired ones: gateway sizing is slightly prudent for those;
 * - battery devices draw no grid electricity (their cell is in the embodied footprint);
 * - platform prices and hosting carbon are constant in real terms (no scenario trend is applied);
 * - the engine passes the territory's total device count N and data D across use cases; `connectedDevicesFactor`
 *   (national device growth) is not applied: a territory's devices are set by its inventory.
 */
import { z } from 'zod';
import { SeriesArena, seriesRecord } from '../../src/core/arena.js';
import { addEquipmentFleet, clearFleet, emptyFleet, reusableFleetSpec, type FleetFlows } from '../../src/core/equipment.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import { emptyFlows, type ScenarioSeries, type VariantFlows } from '../../src/evaluate/model.js';

/** Hours in a (non-leap) year, to turn an average draw in W into kWh per year [h/year]. */
export const HOURS_PER_YEAR = 8760;

/** The devices of the catalogue, in the order of parameters.yaml. */
export const DEVICE_NAMES = [
  'luminaireNode',
  'cabinetController',
  'meterRadio',
  'acousticSensor',
  'pressureController',
  'sensorNode',
  'hydroStation',
  'heatSensor',
  'gtbController',
  'subMeter',
  'smartThermostat',
  'gateway',
  'terminal',
] as const;
export type DeviceName = (typeof DEVICE_NAMES)[number];

/** The fields every catalogue device has, with the unit its parameter declares: `${device}${field}`. */
export const DEVICE_FIELDS = {
  CostEur: 'EUR/unit',
  EmbodiedKgCo2e: 'kgCO2e/unit',
  EndOfLifeKgCo2e: 'kgCO2e/unit',
  LifetimeYears: 'year',
  PowerW: 'W',
  MaintenanceEurPerYear: 'EUR/unit/year',
  DataMbPerYear: 'MB/unit/year',
} as const;
export type DeviceField = keyof typeof DEVICE_FIELDS;

/** Platform, network and sizing parameters of models/digital/parameters.yaml (beyond the device fields). */
export const SHARED_PARAMETER_NAMES = [
  'platformSubscriptionEurPerDevicePerYear',
  'platformFixedEurPerYear',
  'platformKgCo2ePerDevicePerYear',
  'gatewayDevicesPerGateway',
  'gatewayMinimumCount',
  'terminalsCount',
] as const;

/** Scenario trajectories the digital helpers read (use-case models calling them must declare these). */
export const DIGITAL_SCENARIO_SERIES = [
  'gridFactorKgCo2ePerKwh',
  'electricityPriceEurPerKwh',
  'digitalEmbodiedFactor',
  'digitalCostFactor',
  'networkEnergyKwhPerGb',
] as const;

/** Keys that share the infrastructure among use cases (Eq. 10, src/carbon/allocationShares.ts). */
export const ALLOCATION_KEYS = ['devices', 'data', 'equal'] as const;
export type AllocationKey = (typeof ALLOCATION_KEYS)[number];

/**
 * The optional `digital` section of a territory file: how the shared infrastructure is sized, priced, shared
 * among use cases and pooled with other communes. Every figure describes the shared infrastructure as a whole
 * (the pool's, when pooled); the territory carries `pooling.share` of its fixed parts, `1 / pooling.communes` by
 * default.
 */
export const digitalInventorySchema = z
  .object({
    gateways: z.number().min(0).optional().meta({
      description:
        'Gateways of the network serving the territory (the pool\'s when pooled) [units]. Default: sized from the devices (Eq. 5).',
    }),
    terminals: z.number().min(0).optional().meta({
      description: "Agents' tablets running the platform (the pool's when pooled) [units]. Default: terminalsCount.",
    }),
    platform: z
      .object({
        fixedEurPerYear: z.number().min(0).optional().meta({
          description: 'Fixed yearly platform cost (the pool\'s when pooled), excl. VAT [EUR/year]. Default: platformFixedEurPerYear.',
        }),
        subscriptionEurPerDevicePerYear: z.number().min(0).optional().meta({
          description:
            'Platform subscription per connected device per year, excl. VAT [EUR/device/year]. Default: platformSubscriptionEurPerDevicePerYear.',
        }),
      })
      .strict()
      .optional()
      .meta({ description: 'Platform prices, when the territory knows its contract.' }),
    allocationKey: z.enum(ALLOCATION_KEYS).default('devices').meta({
      description:
        "How the shared infrastructure is split among use cases: by connected devices ('devices', default), by data sent ('data') or in equal parts among the use cases that deploy devices ('equal').",
    }),
    pooling: z
      .object({
        communes: z.number().int().min(1).meta({
          description: 'Number of communes sharing the infrastructure (syndicat, EPCI, département); 1 = not pooled [communes].',
        }),
        share: z.number().gt(0).max(1).optional().meta({
          description:
            "Share of the pool's fixed parts this territory carries, e.g. its statutory contribution to the syndicat or its share of the pool's population [fraction]. Default: 1/communes (equal parts).",
        }),
      })
      .strict()
      .refine((p) => p.share === undefined || p.communes > 1 || p.share === 1, {
        message: 'a share below 1 needs communes ≥ 2: a territory that is not pooled carries all of its infrastructure',
        path: ['share'],
      })
      .optional()
      .meta({
        description:
          'The infrastructure is shared with other communes: this territory carries its share (share, or 1/communes) of the fixed parts (gateway minimum or given gateways, terminals, platform fixed cost).',
      }),
  })
  .strict();

/** The validated `digital` section (allocationKey defaulted). */
export type DigitalInventory = z.infer<typeof digitalInventorySchema>;
/** The `digital` section as written (every field optional). */
export type DigitalInventoryInput = z.input<typeof digitalInventorySchema>;

/** One device of the catalogue, read from `p`. */
export interface DeviceCatalogueEntry {
  /** Purchase and installation, excl. VAT [EUR/unit]. */
  costEur: number;
  /** Manufacturing emissions [kgCO2e/unit]. */
  embodiedKgCo2e: number;
  /** End-of-life emissions [kgCO2e/unit]. */
  endOfLifeKgCo2e: number;
  /** Service life [years]. */
  lifetimeYears: number;
  /** Average continuous draw from the grid [W]. */
  powerW: number;
  /** Running cost excl. energy and platform [EUR/unit/year]. */
  maintenanceEurPerYear: number;
  /** Data sent or received up to the platform [MB/unit/year]. */
  dataMbPerYear: number;
}

/** What `deviceFleet` returns and `addDeviceFleet` adds into a variant's flows. */
export interface DeviceFleetResult {
  device: DeviceName;
  /** Devices deployed [units]. */
  count: number;
  /** Purchases, replacements, residual value and lifecycle carbon (Eq. 1). */
  fleet: FleetFlows;
  /** Grid electricity of the devices in service (Eq. 2) [kWh]. */
  energyKwh: Float64Array;
  /** Running costs of the devices in service (Eq. 4), excl. VAT [EUR]. */
  maintenanceEur: Float64Array;
  /** Data of the deployed devices (Eq. 4) [MB/year]. */
  dataMbPerYear: number;
}

/**
 * Throws unless `value`, the parameter `name` as the caller read it from `p`, is a finite number ≥ `min`; returns it.
 */
function checkedParameter(name: string, value: number | undefined, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `digital: parameter ${name} is ${value === undefined ? 'missing' : String(value)}; ` +
        'the engine merges models/digital/parameters.yaml into every model\'s p — in a test, build p from that file too',
    );
  }
  if (value < min) throw new RangeError(`digital: parameter ${name} must be ≥ ${min}, received ${value}`);
  return value;
}

function series(s: ScenarioSeries, name: string, length: number): Float64Array {
  const values = s[name];
  if (!values) {
    throw new RangeError(
      `digital: scenario series ${name} is missing; declare it in the model's scenarioSeries (DIGITAL_SCENARIO_SERIES lists those the digital helpers read)`,
    );
  }
  if (values.length !== length) {
    throw new RangeError(`digital: scenario series ${name} has ${values.length} values, the axis has ${length}`);
  }
  return values;
}

function checkCount(fn: string, name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number ≥ 0, received ${value}`);
  }
}

/**
 * Reads one device of the catalogue from the resolved parameters.
 * @param p resolved parameters, holding `${device}CostEur` … `${device}DataMbPerYear`
 * @param device a catalogue device name
 * @example catalogueEntry(p, 'luminaireNode').costEur // 120 [EUR/unit] with the defaults of parameters.yaml
 */
export function catalogueEntry(p: ParameterValues, device: DeviceName): DeviceCatalogueEntry {
  return readCatalogueEntry(p, device, blankCatalogueEntry());
}

/** A catalogue entry of zeros, for `readCatalogueEntry` to fill. */
function blankCatalogueEntry(): DeviceCatalogueEntry {
  return { costEur: 0, embodiedKgCo2e: 0, endOfLifeKgCo2e: 0, lifetimeYears: 0, powerW: 0, maintenanceEurPerYear: 0, dataMbPerYear: 0 };
}

/** The catalogue's parameter names, `${device}${field}` (e.g. luminaireNodeCostEur). */
type CatalogueParameterName = `${DeviceName}${DeviceField}`;

/** Resolved parameters as `readCatalogueEntry` reads them: the compiler checks each name it writes out. */
type CatalogueValues = { readonly [name in CatalogueParameterName]?: number };

/**
 * `catalogueEntry` written into `into` (every field overwritten, each parameter checked), so that the hot path
 * reads the catalogue into a scratch entry instead of allocating one per call. Returns `into`.
 *
 * Each device's seven parameters `${device}${field}` are read by their names written out, four lines per device:
 * in the hot path (every evaluation deploys devices), a read by a written-out name costs several times less than one
 * by a name computed at run time (`p[name]` over the many names of `p`). The compiler checks every name against the
 * catalogue's (`CatalogueParameterName`); tests/models/digital/devices.test.ts checks that each device reads its own.
 */
function readCatalogueEntry(p: CatalogueValues, device: DeviceName, into: DeviceCatalogueEntry): DeviceCatalogueEntry {
  switch (device) {
    case 'luminaireNode':
      return checkedEntry(into, device,
        p.luminaireNodeCostEur, p.luminaireNodeEmbodiedKgCo2e, p.luminaireNodeEndOfLifeKgCo2e, p.luminaireNodeLifetimeYears,
        p.luminaireNodePowerW, p.luminaireNodeMaintenanceEurPerYear, p.luminaireNodeDataMbPerYear);
    case 'cabinetController':
      return checkedEntry(into, device,
        p.cabinetControllerCostEur, p.cabinetControllerEmbodiedKgCo2e, p.cabinetControllerEndOfLifeKgCo2e, p.cabinetControllerLifetimeYears,
        p.cabinetControllerPowerW, p.cabinetControllerMaintenanceEurPerYear, p.cabinetControllerDataMbPerYear);
    case 'meterRadio':
      return checkedEntry(into, device,
        p.meterRadioCostEur, p.meterRadioEmbodiedKgCo2e, p.meterRadioEndOfLifeKgCo2e, p.meterRadioLifetimeYears,
        p.meterRadioPowerW, p.meterRadioMaintenanceEurPerYear, p.meterRadioDataMbPerYear);
    case 'acousticSensor':
      return checkedEntry(into, device,
        p.acousticSensorCostEur, p.acousticSensorEmbodiedKgCo2e, p.acousticSensorEndOfLifeKgCo2e, p.acousticSensorLifetimeYears,
        p.acousticSensorPowerW, p.acousticSensorMaintenanceEurPerYear, p.acousticSensorDataMbPerYear);
    case 'pressureController':
      return checkedEntry(into, device,
        p.pressureControllerCostEur, p.pressureControllerEmbodiedKgCo2e, p.pressureControllerEndOfLifeKgCo2e, p.pressureControllerLifetimeYears,
        p.pressureControllerPowerW, p.pressureControllerMaintenanceEurPerYear, p.pressureControllerDataMbPerYear);
    case 'sensorNode':
      return checkedEntry(into, device,
        p.sensorNodeCostEur, p.sensorNodeEmbodiedKgCo2e, p.sensorNodeEndOfLifeKgCo2e, p.sensorNodeLifetimeYears,
        p.sensorNodePowerW, p.sensorNodeMaintenanceEurPerYear, p.sensorNodeDataMbPerYear);
    case 'hydroStation':
      return checkedEntry(into, device,
        p.hydroStationCostEur, p.hydroStationEmbodiedKgCo2e, p.hydroStationEndOfLifeKgCo2e, p.hydroStationLifetimeYears,
        p.hydroStationPowerW, p.hydroStationMaintenanceEurPerYear, p.hydroStationDataMbPerYear);
    case 'heatSensor':
      return checkedEntry(into, device,
        p.heatSensorCostEur, p.heatSensorEmbodiedKgCo2e, p.heatSensorEndOfLifeKgCo2e, p.heatSensorLifetimeYears,
        p.heatSensorPowerW, p.heatSensorMaintenanceEurPerYear, p.heatSensorDataMbPerYear);
    case 'gtbController':
      return checkedEntry(into, device,
        p.gtbControllerCostEur, p.gtbControllerEmbodiedKgCo2e, p.gtbControllerEndOfLifeKgCo2e, p.gtbControllerLifetimeYears,
        p.gtbControllerPowerW, p.gtbControllerMaintenanceEurPerYear, p.gtbControllerDataMbPerYear);
    case 'subMeter':
      return checkedEntry(into, device,
        p.subMeterCostEur, p.subMeterEmbodiedKgCo2e, p.subMeterEndOfLifeKgCo2e, p.subMeterLifetimeYears,
        p.subMeterPowerW, p.subMeterMaintenanceEurPerYear, p.subMeterDataMbPerYear);
    case 'smartThermostat':
      return checkedEntry(into, device,
        p.smartThermostatCostEur, p.smartThermostatEmbodiedKgCo2e, p.smartThermostatEndOfLifeKgCo2e, p.smartThermostatLifetimeYears,
        p.smartThermostatPowerW, p.smartThermostatMaintenanceEurPerYear, p.smartThermostatDataMbPerYear);
    case 'gateway':
      return checkedEntry(into, device,
        p.gatewayCostEur, p.gatewayEmbodiedKgCo2e, p.gatewayEndOfLifeKgCo2e, p.gatewayLifetimeYears,
        p.gatewayPowerW, p.gatewayMaintenanceEurPerYear, p.gatewayDataMbPerYear);
    case 'terminal':
      return checkedEntry(into, device,
        p.terminalCostEur, p.terminalEmbodiedKgCo2e, p.terminalEndOfLifeKgCo2e, p.terminalLifetimeYears,
        p.terminalPowerW, p.terminalMaintenanceEurPerYear, p.terminalDataMbPerYear);
    default:
      throw new RangeError(`digital: unknown device "${String(device)}"; the catalogue has ${DEVICE_NAMES.join(', ')}`);
  }
}

/**
 * The fields of `device`'s catalogue entry as `readCatalogueEntry` read them from `p`, checked (finite numbers ≥ 0,
 * the lifetime > 0; otherwise the first wrong one, lifetime first, is reported with its parameter's name), written
 * into `into`. Returns `into`.
 */
function checkedEntry(
  into: DeviceCatalogueEntry,
  device: DeviceName,
  costEur: number | undefined,
  embodiedKgCo2e: number | undefined,
  endOfLifeKgCo2e: number | undefined,
  lifetimeYears: number | undefined,
  powerW: number | undefined,
  maintenanceEurPerYear: number | undefined,
  dataMbPerYear: number | undefined,
): DeviceCatalogueEntry {
  if (
    !(
      isCatalogueValue(lifetimeYears) &&
      lifetimeYears > 0 &&
      isCatalogueValue(costEur) &&
      isCatalogueValue(embodiedKgCo2e) &&
      isCatalogueValue(endOfLifeKgCo2e) &&
      isCatalogueValue(powerW) &&
      isCatalogueValue(maintenanceEurPerYear) &&
      isCatalogueValue(dataMbPerYear)
    )
  ) {
    // Some value is wrong: report the first one, in this order, with its parameter's name.
    const lifetime = checkedParameter(`${device}LifetimeYears`, lifetimeYears, 0);
    if (lifetime <= 0) throw new RangeError(`digital: parameter ${device}LifetimeYears must be > 0, received ${lifetime}`);
    checkedParameter(`${device}CostEur`, costEur, 0);
    checkedParameter(`${device}EmbodiedKgCo2e`, embodiedKgCo2e, 0);
    checkedParameter(`${device}EndOfLifeKgCo2e`, endOfLifeKgCo2e, 0);
    checkedParameter(`${device}PowerW`, powerW, 0);
    checkedParameter(`${device}MaintenanceEurPerYear`, maintenanceEurPerYear, 0);
    checkedParameter(`${device}DataMbPerYear`, dataMbPerYear, 0);
  }
  into.costEur = costEur!;
  into.embodiedKgCo2e = embodiedKgCo2e!;
  into.endOfLifeKgCo2e = endOfLifeKgCo2e!;
  into.lifetimeYears = lifetimeYears!;
  into.powerW = powerW!;
  into.maintenanceEurPerYear = maintenanceEurPerYear!;
  into.dataMbPerYear = dataMbPerYear!;
  return into;
}

/** True when `value` is what `checkedParameter(name, value, 0)` accepts: a finite number ≥ 0. */
function isCatalogueValue(value: number | undefined): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

/**
 * Scratch records of the hot path: the catalogue entries and the fleet spec one call reads and passes on. Each call
 * overwrites every field before reading it, and nothing is kept from one call to the next (Monte Carlo rewrites `p`
 * and `s` in place between calls), so they are work space, not a cache. The helpers are synchronous and never call
 * each other while one is in use, so one of each suffices.
 */
const SCRATCH_DEVICE = blankCatalogueEntry();
const SCRATCH_GATEWAY = blankCatalogueEntry();
const SCRATCH_TERMINAL = blankCatalogueEntry();
const SCRATCH_SPEC = reusableFleetSpec();

/** Options of `deviceFleet` and `addDeviceFleet`. */
export interface DeviceFleetOptions {
  /** Index of the first purchase (0 = the investment year, the default). */
  firstPurchaseIndex?: number;
  /**
   * Buffers lent by the engine (src/core/arena.ts): the fleet and its series are taken from it instead of being
   * allocated, and stay valid until the arena's next call.
   */
  arena?: SeriesArena;
}

/** The two per-device series of a `DeviceFleetResult`, in the order an arena lays them out. */
const DEVICE_SERIES = ['energyKwh', 'maintenanceEur'] as const;

/**
 * A fleet of `count` catalogue devices (Eq. 1), with their yearly grid electricity (Eq. 2), running costs and
 * data (Eq. 4). Cost follows `s.digitalCostFactor`, manufacturing emissions `s.digitalEmbodiedFactor`.
 * Devices serve from the year after their purchase, so energy and maintenance are 0 at the purchase index.
 * @param axis the appraisal axis
 * @param p resolved parameters incl. the catalogue
 * @param s scenario trajectories (digitalCostFactor, digitalEmbodiedFactor)
 * @param device catalogue device name
 * @param count devices deployed [units], may be fractional (a share) or 0
 * @param options `firstPurchaseIndex` (0, the investment year, by default) and `arena`, to take the fleet and its
 *   series from (the model's `input.arena`)
 * @example
 * // 100 luminaire nodes at 0.5 W: 100 × 0.5 W × 8,760 h / 1,000 = 438 kWh in each year of operation
 * deviceFleet(yearAxis(2026, 25), p, s, 'luminaireNode', 100).energyKwh[1] // 438
 * deviceFleet(axis, p, s, 'luminaireNode', 100, { arena: input.arena }) // same numbers, no allocation of series
 */
export function deviceFleet(
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  device: DeviceName,
  count: number,
  options: DeviceFleetOptions = {},
): DeviceFleetResult {
  checkCount('deviceFleet', 'count', count);
  const into = emptyDeviceFleet(axis.length, options.arena);
  const entry = readCatalogueEntry(p, device, SCRATCH_DEVICE);
  return fillDeviceFleet(axis, s, device, entry, count, options.firstPurchaseIndex ?? 0, into);
}

/** A `DeviceFleetResult` of zeros over `length` years, its series taken from `arena` when there is one. */
function emptyDeviceFleet(length: number, arena: SeriesArena | undefined): DeviceFleetResult {
  const { energyKwh, maintenanceEur } = seriesRecord<Record<(typeof DEVICE_SERIES)[number], Float64Array>>(DEVICE_SERIES, length, arena);
  return { device: 'gateway', count: 0, fleet: emptyFleet(length, arena), energyKwh, maintenanceEur, dataMbPerYear: 0 };
}

/**
 * Eq. 1, 2 and 4 for `count` units of a catalogue device (`entry`), written into `into`, fresh from
 * `emptyDeviceFleet` (all zeros): the implementation behind `deviceFleet`. `count` is checked by the caller.
 * Returns `into`.
 */
function fillDeviceFleet(
  axis: YearAxis,
  s: ScenarioSeries,
  device: DeviceName,
  entry: DeviceCatalogueEntry,
  count: number,
  firstPurchaseIndex: number,
  into: DeviceFleetResult,
): DeviceFleetResult {
  const n = axis.length;
  const costTrend = series(s, 'digitalCostFactor', n);
  const embodiedTrend = series(s, 'digitalEmbodiedFactor', n);
  const { inService } = deviceFleetInto(axis, entry, count, firstPurchaseIndex, costTrend, embodiedTrend, into.fleet);
  const { energyKwh, maintenanceEur } = into;
  const unitKwhPerYear = unitEnergyKwhPerYear(entry);
  for (let t = 0; t < n; t++) {
    energyKwh[t] = deviceEnergyKwh(unitKwhPerYear, inService[t]);
    maintenanceEur[t] = deviceMaintenanceEur(entry, inService[t]);
  }
  into.device = device;
  into.count = count;
  into.dataMbPerYear = deviceDataMbPerYear(entry, count);
  return into;
}

/**
 * Eq. 1: the fleet of `count` units of a catalogue device (`entry`), its unit cost × `costTrend` and manufacturing
 * × `embodiedTrend` (s.digitalCostFactor and s.digitalEmbodiedFactor), written by `addEquipmentFleet` into `into`.
 * `into` must hold zeros (fresh from `emptyFleet`, with or without an arena): the fleet is then the one
 * `equipmentFleetInto` gives, bit for bit, without zeroing its seven series a second time. Returns `into`.
 */
function deviceFleetInto(
  axis: YearAxis,
  entry: DeviceCatalogueEntry,
  count: number,
  firstPurchaseIndex: number,
  costTrend: Float64Array,
  embodiedTrend: Float64Array,
  into: FleetFlows,
): FleetFlows {
  const spec = SCRATCH_SPEC;
  spec.count = count;
  spec.lifetimeYears = entry.lifetimeYears;
  spec.unitCostEur = entry.costEur;
  spec.unitEmbodiedKgCo2e = entry.embodiedKgCo2e;
  spec.unitEndOfLifeKgCo2e = entry.endOfLifeKgCo2e;
  spec.firstPurchaseIndex = firstPurchaseIndex;
  spec.costTrend = costTrend;
  spec.embodiedTrend = embodiedTrend;
  addEquipmentFleet(axis, spec, into);
  spec.costTrend = undefined; // the scenario's series are not held after the call
  spec.embodiedTrend = undefined;
  return into;
}

/** Eq. 2: grid electricity of one device over a year, `${D}PowerW` × 8,760 h / 1,000 [kWh/unit/year]. */
function unitEnergyKwhPerYear(entry: DeviceCatalogueEntry): number {
  return (entry.powerW * HOURS_PER_YEAR) / 1000;
}

/** Eq. 2: grid electricity of `inService` devices over a year, each drawing `unitKwhPerYear` [kWh]. */
function deviceEnergyKwh(unitKwhPerYear: number, inService: number): number {
  return inService * unitKwhPerYear;
}

/** Eq. 4: running costs of `inService` devices over a year, excl. VAT [EUR]. */
function deviceMaintenanceEur(entry: DeviceCatalogueEntry, inService: number): number {
  return inService * entry.maintenanceEurPerYear;
}

/** Eq. 4: data of `count` deployed devices [MB/year]. */
function deviceDataMbPerYear(entry: DeviceCatalogueEntry, count: number): number {
  return count * entry.dataMbPerYear;
}

/** Eq. 3: the bill of `kwh` of grid electricity at `priceEurPerKwh` [EUR]. */
function energyBillEur(kwh: number, priceEurPerKwh: number): number {
  return kwh * priceEurPerKwh;
}

/** Eq. 3: the use-phase carbon of `kwh` of grid electricity at `gridKgCo2ePerKwh` [kgCO2e]. */
function gridUseKgCo2e(kwh: number, gridKgCo2ePerKwh: number): number {
  return kwh * gridKgCo2ePerKwh;
}

/**
 * Adds a device fleet (from `deviceFleet`) into a digital variant's flows: capex, residual value and lifecycle
 * carbon (all digital), grid electricity with its bill (× electricityPriceEurPerKwh) and use-phase carbon
 * (× gridFactorKgCo2ePerKwh, also in digitalKgCo2e), maintenance into opexEur; it increments `connectedDevices`
 * and `dataMbPerYear`, by which the engine allocates the shared gateways, network and platform.
 * @param flows the variant's flows, modified in place
 * @param s scenario trajectories (electricityPriceEurPerKwh, gridFactorKgCo2ePerKwh)
 * @param result the fleet from `deviceFleet`
 * @example
 * // 100 luminaire nodes at 0.5 W, 0.20 EUR/kWh: 438 kWh → 87.6 EUR of electricity in year 1
 * addDeviceFleet(flows, s, deviceFleet(axis, p, s, 'luminaireNode', 100)); flows.energyCostEur[1] // 87.6
 */
export function addDeviceFleet(
  flows: VariantFlows,
  s: ScenarioSeries,
  result: DeviceFleetResult,
): void {
  const n = flows.capexEur.length;
  const price = series(s, 'electricityPriceEurPerKwh', n);
  const grid = series(s, 'gridFactorKgCo2ePerKwh', n);
  addDeviceFleetFlows(flows, result, price, grid);
}

/**
 * Adds `count` catalogue devices into a digital variant's flows (Eq. 1–4, the connected devices and their data):
 * what `addDeviceFleet(flows, s, deviceFleet(axis, p, s, device, count, { firstPurchaseIndex }))` adds, bit for bit,
 * through the same functions, without handing out the fleet. The way a use-case model deploys devices in a variant:
 * the fleet is work space of this call (a scratch record, reused by the next call, not taken from the model's
 * arena), and one pass adds it into the flows.
 * @param flows the variant's flows, of the axis `axis`, modified in place
 * @param axis the appraisal axis
 * @param p resolved parameters incl. the catalogue
 * @param s scenario trajectories (DIGITAL_SCENARIO_SERIES but networkEnergyKwhPerGb)
 * @param device catalogue device name
 * @param count devices deployed [units], may be fractional (a share) or 0
 * @param firstPurchaseIndex index of the first purchase (0, the investment year, by default)
 * @example
 * // 100 luminaire nodes at 0.5 W, 0.20 EUR/kWh: 438 kWh → 87.6 EUR of electricity in year 1 (addDeviceFleet's example)
 * addDevices(flows, axis, p, s, 'luminaireNode', 100); flows.energyCostEur[1] // 87.6
 */
export function addDevices(
  flows: VariantFlows,
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  device: DeviceName,
  count: number,
  firstPurchaseIndex = 0,
): void {
  checkCount('addDevices', 'count', count);
  const n = axis.length;
  if (flows.capexEur.length !== n) throw new RangeError(`addDevices: flows have ${flows.capexEur.length} values, the axis ${n}`);
  const entry = readCatalogueEntry(p, device, SCRATCH_DEVICE);
  const price = series(s, 'electricityPriceEurPerKwh', n);
  const grid = series(s, 'gridFactorKgCo2ePerKwh', n);
  SCRATCH_ARENA.reset();
  const result = fillDeviceFleet(axis, s, device, entry, count, firstPurchaseIndex, scratchDeviceFleet(n));
  addDeviceFleetFlows(flows, result, price, grid);
}

/**
 * The work space of `addDevices`: a private arena (one fleet record and one record of the two device series, zeroed
 * by each call's `take`) and the result object that lays them out. Reused by every call; nothing in it outlives a
 * call's use (the helpers are synchronous).
 */
const SCRATCH_ARENA = new SeriesArena();
const SCRATCH_RESULT = emptyDeviceFleet(0, undefined);

/** `SCRATCH_RESULT` with zeroed series of `length` years from `SCRATCH_ARENA` (just reset). */
function scratchDeviceFleet(length: number): DeviceFleetResult {
  const into = SCRATCH_RESULT;
  const { energyKwh, maintenanceEur } = seriesRecord<Record<(typeof DEVICE_SERIES)[number], Float64Array>>(DEVICE_SERIES, length, SCRATCH_ARENA);
  into.fleet = emptyFleet(length, SCRATCH_ARENA);
  into.energyKwh = energyKwh;
  into.maintenanceEur = maintenanceEur;
  return into;
}

/**
 * The one pass behind `addDeviceFleet` and `addDevices`: for each year, the fleet as `addFleet(flows, fleet, true)`
 * adds it (Eq. 1: capex, residual value, the three carbon series, its lifecycle carbon also digital), then the
 * devices' electricity with its bill and use-phase carbon (Eq. 3, × `price` and × `grid`, the carbon also digital)
 * and their maintenance into opexEur (Eq. 4); then the connected devices and their data. Every value of the flows
 * gets its terms in that order, so the sums are those of `addFleet` followed by a yearly loop, bit for bit.
 * `price` and `grid` hold the flows' length (checked by the caller).
 */
function addDeviceFleetFlows(flows: VariantFlows, result: DeviceFleetResult, price: Float64Array, grid: Float64Array): void {
  const n = flows.capexEur.length;
  const { fleet, energyKwh, maintenanceEur } = result;
  const fleetCapexEur = fleet.capexEur;
  const fleetResidualValueEur = fleet.residualValueEur;
  const fleetEmbodiedKgCo2e = fleet.embodiedKgCo2e;
  const fleetEndOfLifeKgCo2e = fleet.endOfLifeKgCo2e;
  const fleetAmortisedKgCo2e = fleet.amortisedKgCo2e;
  const capexEur = flows.capexEur;
  const residualValueEur = flows.residualValueEur;
  const embodiedKgCo2e = flows.embodiedKgCo2e;
  const endOfLifeKgCo2e = flows.endOfLifeKgCo2e;
  const amortisedEmbodiedKgCo2e = flows.amortisedEmbodiedKgCo2e;
  const digitalKgCo2e = flows.digitalKgCo2e;
  const flowsEnergyKwh = flows.energyKwh;
  const energyCostEur = flows.energyCostEur;
  const useKgCo2e = flows.useKgCo2e;
  const opexEur = flows.opexEur;
  for (let t = 0; t < n; t++) {
    const embodiedKg = fleetEmbodiedKgCo2e[t];
    const endOfLifeKg = fleetEndOfLifeKgCo2e[t];
    capexEur[t] += fleetCapexEur[t];
    residualValueEur[t] += fleetResidualValueEur[t];
    embodiedKgCo2e[t] += embodiedKg;
    endOfLifeKgCo2e[t] += endOfLifeKg;
    amortisedEmbodiedKgCo2e[t] += fleetAmortisedKgCo2e[t];
    const kwh = energyKwh[t];
    const useKg = gridUseKgCo2e(kwh, grid[t]);
    digitalKgCo2e[t] = digitalKgCo2e[t] + (embodiedKg + endOfLifeKg) + useKg; // the fleet's carbon, then the use phase
    flowsEnergyKwh[t] += kwh;
    energyCostEur[t] += energyBillEur(kwh, price[t]);
    useKgCo2e[t] += useKg;
    opexEur[t] += maintenanceEur[t];
  }
  flows.connectedDevices = (flows.connectedDevices ?? 0) + result.count;
  flows.dataMbPerYear = (flows.dataMbPerYear ?? 0) + result.dataMbPerYear;
}

/** Sizes of the shared infrastructure for a territory (Eq. 5–7), for reports and tests. */
export interface DigitalSizing {
  /** Connected devices of the territory [devices]. */
  devices: number;
  /** Communes sharing the infrastructure [communes]. */
  communes: number;
  /** The territory's share of the pool's fixed parts (`pooling.share`, or 1 / communes) [fraction]. */
  share: number;
  /** Gateways carried by the territory (may be fractional when pooled) [units]. */
  gateways: number;
  /** Terminals carried by the territory [units]. */
  terminals: number;
  /** Platform subscription [EUR/device/year]. */
  subscriptionEurPerDevicePerYear: number;
  /** Territory's share of the platform fixed cost [EUR/year]. */
  platformFixedEurPerYear: number;
}

/**
 * Sizes the shared infrastructure the territory carries (Eq. 5–7). Nothing is carried when `devices` is 0.
 * @param p resolved parameters (gatewayDevicesPerGateway, gatewayMinimumCount, terminalsCount, platform prices)
 * @param devices connected devices of the territory, all use cases [devices]
 * @param inventory the territory's `digital` section, if any
 * @example digitalSizing(p, 1200).gateways // max(1, ⌈1,200 / 500⌉) = 3 with the defaults
 */
export function digitalSizing(p: ParameterValues, devices: number, inventory?: DigitalInventoryInput): DigitalSizing {
  checkCount('digitalSizing', 'devices', devices);
  const communes = poolingCommunes(inventory);
  const divisor = poolingDivisor(inventory, communes);
  const share = inventory?.pooling?.share ?? 1 / communes;
  const subscription = subscriptionEurPerDevicePerYear(p, inventory);
  if (devices === 0) {
    return { devices, communes, share, gateways: 0, terminals: 0, subscriptionEurPerDevicePerYear: subscription, platformFixedEurPerYear: 0 };
  }
  const gateways = gatewayCount(p, devices, communes, divisor, inventory);
  const terminals = terminalCount(p, divisor, inventory);
  const fixed = platformFixedShareEurPerYear(p, divisor, inventory);
  return { devices, communes, share, gateways, terminals, subscriptionEurPerDevicePerYear: subscription, platformFixedEurPerYear: fixed };
}

/*
 * The parts of `digitalSizing`, which `sharedInfrastructure` also calls (without building the sizing record), in
 * the order `digitalSizing` checks them.
 */

/** Communes sharing the infrastructure: `pooling.communes`, 1 when not pooled [communes]. */
function poolingCommunes(inventory: DigitalInventoryInput | undefined): number {
  const communes = inventory?.pooling?.communes ?? 1;
  if (!Number.isInteger(communes) || communes < 1) {
    throw new RangeError(`digitalSizing: pooling.communes must be a whole number ≥ 1, received ${communes}`);
  }
  return communes;
}

/**
 * What the pool's fixed parts are divided by for this territory: `communes` (equal parts), or 1 / `pooling.share`
 * when the territory gives its share (checked in (0, 1], and below 1 only when pooled) [dimensionless].
 */
function poolingDivisor(inventory: DigitalInventoryInput | undefined, communes: number): number {
  const share = inventory?.pooling?.share;
  if (share === undefined) return communes;
  if (!(share > 0 && share <= 1) || (communes === 1 && share !== 1)) {
    throw new RangeError(`digitalSizing: pooling.share must be in (0, 1], and 1 when pooling.communes is 1; received ${share} with ${communes} communes`);
  }
  return 1 / share;
}

/** Eq. 7: the platform subscription, the territory's contract or the default [EUR/device/year]. */
function subscriptionEurPerDevicePerYear(p: ParameterValues, inventory: DigitalInventoryInput | undefined): number {
  return inventory?.platform?.subscriptionEurPerDevicePerYear ?? checkedParameter('platformSubscriptionEurPerDevicePerYear', p.platformSubscriptionEurPerDevicePerYear, 0);
}

/**
 * Eq. 5: gateways the territory carries for `devices` > 0 connected devices, pooled among `communes`, its part of the
 * pool's fixed gateways being 1 / `divisor` (`poolingDivisor`) [units].
 */
function gatewayCount(p: ParameterValues, devices: number, communes: number, divisor: number, inventory: DigitalInventoryInput | undefined): number {
  const perGateway = gatewayDevicesPerGateway(p);
  const minimum = checkedParameter('gatewayMinimumCount', p.gatewayMinimumCount, 0);
  return gatewaysFor(devices, communes, divisor, perGateway, minimum, inventory?.gateways);
}

/** The gateway capacity of parameters `p`, checked > 0 [devices/gateway]. */
function gatewayDevicesPerGateway(p: ParameterValues): number {
  const perGateway = checkedParameter('gatewayDevicesPerGateway', p.gatewayDevicesPerGateway, 0);
  if (perGateway <= 0) throw new RangeError(`digital: parameter gatewayDevicesPerGateway must be > 0, received ${perGateway}`);
  return perGateway;
}

/**
 * Eq. 5 on checked values: the territory's gateways for `devices` > 0 connected devices, `perGateway` devices per
 * gateway, a minimum of `minimum` gateways, the pool's `given` gateways if the territory knows them; pooled among
 * `communes`, the territory carrying 1 / `divisor` of the pool's fixed gateways [units].
 */
function gatewaysFor(devices: number, communes: number, divisor: number, perGateway: number, minimum: number, given: number | undefined): number {
  if (given !== undefined) return given / divisor;
  if (communes === 1) return Math.max(minimum, Math.ceil(devices / perGateway));
  return Math.max(minimum / divisor, devices / perGateway);
}

/** Eq. 6: terminals the territory carries (when it has devices), 1 / `divisor` of the pool's [units]. */
function terminalCount(p: ParameterValues, divisor: number, inventory: DigitalInventoryInput | undefined): number {
  return (inventory?.terminals ?? checkedParameter('terminalsCount', p.terminalsCount, 0)) / divisor;
}

/** Eq. 7: the territory's share of the platform fixed cost (when it has devices), 1 / `divisor` of it [EUR/year]. */
function platformFixedShareEurPerYear(p: ParameterValues, divisor: number, inventory: DigitalInventoryInput | undefined): number {
  return (inventory?.platform?.fixedEurPerYear ?? checkedParameter('platformFixedEurPerYear', p.platformFixedEurPerYear, 0)) / divisor;
}

export interface SharedInfrastructureInput {
  axis: YearAxis;
  /** Resolved parameters incl. the catalogue and the platform parameters. */
  p: ParameterValues;
  /** Scenario trajectories (DIGITAL_SCENARIO_SERIES). */
  s: ScenarioSeries;
  /** The territory's `digital` section, if any. */
  inventory?: DigitalInventoryInput;
  /** Connected devices of the territory, summed over the use cases' digital variants [devices]. */
  devices: number;
  /** Data these devices send per year, summed likewise [MB/year]. */
  dataMbPerYear: number;
  /**
   * Buffers lent by the engine (src/core/arena.ts) for the flows and the gateway and terminal fleets: the flows
   * returned are then valid until the arena's next call. Absent: fresh series.
   */
  arena?: SeriesArena;
}

/**
 * Flows of the shared digital infrastructure a territory carries for `devices` connected devices: gateways and
 * terminals as fleets (Eq. 1–6), platform subscription and fixed cost (Eq. 7), platform hosting carbon (Eq. 8)
 * and network energy (Eq. 9). Every emission is also in `digitalKgCo2e`. Running flows start at index 1.
 * All flows are zero when `devices` is 0. The engine allocates the result across use cases (Eq. 10).
 * @example
 * // 1,000 devices with the defaults: ⌈1,000 / 500⌉ = 2 gateways, 2 tablets; year-1 running costs
 * // 1,000 × 3 (subscription) + 5,000 (platform fixed) + 2 × 150 (gateways) + 2 × 60 (tablets) = 8,420 EUR
 * sharedInfrastructure({ axis: yearAxis(2026, 25), p, s, devices: 1000, dataMbPerYear: 2000 }).opexEur[1] // 8420
 */
export function sharedInfrastructure(input: SharedInfrastructureInput): VariantFlows {
  const { axis, p, s, inventory, devices, dataMbPerYear, arena } = input;
  checkCount('sharedInfrastructure', 'devices', devices);
  checkCount('sharedInfrastructure', 'dataMbPerYear', dataMbPerYear);
  const flows = emptyFlows(axis, arena);
  if (devices === 0) {
    // Nothing is carried; the pooling and the subscription are still checked, as `digitalSizing` checks them.
    poolingDivisor(inventory, poolingCommunes(inventory));
    subscriptionEurPerDevicePerYear(p, inventory);
    return flows;
  }
  // The whole infrastructure (share 1) added into zeros: the flows themselves, bit for bit.
  beginSharedInfrastructure(SCRATCH_PARTS, axis, s, inventory, arena);
  try {
    addSharedInfrastructureShare(flows, SCRATCH_PARTS, p, devices, dataMbPerYear, 1);
  } finally {
    releaseParts(SCRATCH_PARTS); // neither the scenario's series nor the arena's records are held after the call
  }
  return flows;
}

/** Gateway fleets a `SharedInfrastructureParts` keeps at once, one per gateway count (Eq. 5) [fleets]. */
const GATEWAY_FLEETS_KEPT = 4;

/**
 * The work space of the shared infrastructure over one evaluation (one scenario, one draw), in which the digital
 * variants of all use cases get their share of it. Their flows differ by the device count N and data D (Eq. 5, 7–9),
 * but much of them does not: the parameters (read and checked once per parameter set `p`), the terminals' fleet
 * (Eq. 6: it does not depend on N) and the gateways' fleet, which depends on N only through the gateway count
 * (Eq. 5: often the same for several variants, always when the territory gives it). These are computed once per
 * evaluation and reused; the platform and network (Eq. 7–9) are computed for each N and D.
 *
 * Made once by `sharedInfrastructureParts()` and kept by its caller; `beginSharedInfrastructure` starts each
 * evaluation afresh (nothing is reused from one evaluation to the next: Monte Carlo rewrites `p` and `s` in place
 * between them); `addSharedInfrastructureShare` adds a variant's share. The fields are the work space's own: read
 * them for tests at most, never write them.
 */
export interface SharedInfrastructureParts {
  /** The evaluation's axis, scenario trajectories, `digital` section and arena (`beginSharedInfrastructure`). */
  axis: YearAxis | undefined;
  s: ScenarioSeries | undefined;
  inventory: DigitalInventoryInput | undefined;
  arena: SeriesArena | undefined;
  /** The parameter set the values below were read from in this evaluation (undefined: none read yet). */
  p: ParameterValues | undefined;
  /** Eq. 5–7 inputs read from `p` and the inventory: communes, the divisor of the pool's fixed parts
   * (`poolingDivisor`), subscription [EUR/device/year], devices per gateway, minimum gateways [units], terminals
   * carried [units], platform fixed share [EUR/year], hosting [kgCO2e/device/year]. */
  communes: number;
  divisor: number;
  subscriptionEurPerDevicePerYear: number;
  gatewayDevicesPerGateway: number;
  gatewayMinimumCount: number;
  terminalUnits: number;
  platformFixedEurPerYear: number;
  hostingKgCo2ePerDevicePerYear: number;
  /** The catalogue entries of the gateway and the terminal read from `p`. */
  gateway: DeviceCatalogueEntry;
  terminal: DeviceCatalogueEntry;
  /** The trajectories the flows read (checked against the axis once per parameter set). */
  costTrend: Float64Array | undefined;
  embodiedTrend: Float64Array | undefined;
  price: Float64Array | undefined;
  grid: Float64Array | undefined;
  kwhPerGb: Float64Array | undefined;
  /** The terminals' fleet (Eq. 1, 6), valid when `terminalsValid`. */
  terminals: FleetFlows | undefined;
  terminalsValid: boolean;
  /** Gateway fleets (Eq. 1, 5): the first `gatewayFleetsValid` are valid, for `gatewayUnits[k]` gateways. */
  gatewayFleets: (FleetFlows | undefined)[];
  gatewayUnits: Float64Array;
  gatewayFleetsValid: number;
  /** The fleet a new gateway count replaces once all are in use (the oldest). */
  gatewayFleetNext: number;
}

/**
 * A blank work space for the shared infrastructure, to keep and pass to `beginSharedInfrastructure` before each
 * evaluation (one per caller that evaluates repeatedly, e.g. the engine; made once, not per evaluation).
 * @example
 * const parts = sharedInfrastructureParts(); // then, per evaluation: beginSharedInfrastructure(parts, axis, s, inventory, arena)
 * parts.gatewayFleetsValid // 0
 */
export function sharedInfrastructureParts(): SharedInfrastructureParts {
  const parts: SharedInfrastructureParts = {
    axis: undefined,
    s: undefined,
    inventory: undefined,
    arena: undefined,
    p: undefined,
    communes: 1,
    divisor: 1,
    subscriptionEurPerDevicePerYear: 0,
    gatewayDevicesPerGateway: 1,
    gatewayMinimumCount: 0,
    terminalUnits: 0,
    platformFixedEurPerYear: 0,
    hostingKgCo2ePerDevicePerYear: 0,
    gateway: blankCatalogueEntry(),
    terminal: blankCatalogueEntry(),
    costTrend: undefined,
    embodiedTrend: undefined,
    price: undefined,
    grid: undefined,
    kwhPerGb: undefined,
    terminals: undefined,
    terminalsValid: false,
    gatewayFleets: new Array<FleetFlows | undefined>(GATEWAY_FLEETS_KEPT).fill(undefined),
    gatewayUnits: new Float64Array(GATEWAY_FLEETS_KEPT),
    gatewayFleetsValid: 0,
    gatewayFleetNext: 0,
  };
  return parts;
}

/**
 * Starts an evaluation in `parts`: forgets everything of the previous one (parameters, fleets, the arena's records)
 * and records the axis, trajectories, `digital` section and arena that every `addSharedInfrastructureShare` of this
 * evaluation uses. Checks nothing yet: the first share with devices reads and checks what it needs.
 * @param parts the work space from `sharedInfrastructureParts()`
 * @param axis the appraisal axis
 * @param s scenario trajectories (DIGITAL_SCENARIO_SERIES); they must not change until the evaluation's last share
 * @param inventory the territory's `digital` section, if any
 * @param arena buffers for the fleets (src/core/arena.ts), taken in the order the shares need them: the gateways'
 *   fleet of each new gateway count, the terminals' fleet after the first. Absent: fresh series.
 * @example beginSharedInfrastructure(parts, yearAxis(2026, 25), s, { gateways: 25 }); parts.p // undefined: nothing read yet
 */
export function beginSharedInfrastructure(
  parts: SharedInfrastructureParts,
  axis: YearAxis,
  s: ScenarioSeries,
  inventory?: DigitalInventoryInput,
  arena?: SeriesArena,
): void {
  releaseParts(parts);
  parts.axis = axis;
  parts.s = s;
  parts.inventory = inventory;
  parts.arena = arena;
}

/** Forgets the evaluation in `parts`: nothing read, no fleet, no reference to its trajectories or records. */
function releaseParts(parts: SharedInfrastructureParts): void {
  parts.axis = undefined;
  parts.s = undefined;
  parts.inventory = undefined;
  parts.arena = undefined;
  parts.p = undefined;
  parts.costTrend = undefined;
  parts.embodiedTrend = undefined;
  parts.price = undefined;
  parts.grid = undefined;
  parts.kwhPerGb = undefined;
  parts.terminals = undefined;
  parts.terminalsValid = false;
  for (let k = 0; k < GATEWAY_FLEETS_KEPT; k++) parts.gatewayFleets[k] = undefined;
  parts.gatewayFleetsValid = 0;
  parts.gatewayFleetNext = 0;
}

/** The work space of `sharedInfrastructure` (released at the end of each call; the helpers are synchronous). */
const SCRATCH_PARTS = sharedInfrastructureParts();

/**
 * Adds `share` × the flows of the shared infrastructure for `devices` connected devices sending `dataMbPerYear`
 * into `flows`: the flows `sharedInfrastructure` returns for the same inputs (Eq. 1–9), each multiplied by `share`
 * and added, bit for bit, without building them. The engine calls it for each digital variant with the variant's
 * share (Eq. 10); `sharedInfrastructure` calls it with share 1 into zeros. Nothing is added when `devices` is 0.
 * @param flows the variant's flows, of the evaluation's axis, modified in place
 * @param parts the evaluation's work space, started by `beginSharedInfrastructure`
 * @param p resolved parameters incl. the catalogue and the platform parameters; read once per parameter set in an
 *   evaluation, so they must not change until its last share
 * @param devices connected devices of the network [devices]
 * @param dataMbPerYear data these devices send per year [MB/year]
 * @param share the variant's share of the infrastructure [fraction]
 * @example
 * // Half of the infrastructure of 1,000 devices with the defaults: half of 8,420 EUR in year 1 (sharedInfrastructure's example)
 * beginSharedInfrastructure(parts, axis, s);
 * addSharedInfrastructureShare(flows, parts, p, 1000, 2000, 0.5); flows.opexEur[1] // 4210
 */
export function addSharedInfrastructureShare(
  flows: VariantFlows,
  parts: SharedInfrastructureParts,
  p: ParameterValues,
  devices: number,
  dataMbPerYear: number,
  share: number,
): void {
  checkCount('addSharedInfrastructureShare', 'devices', devices);
  checkCount('addSharedInfrastructureShare', 'dataMbPerYear', dataMbPerYear);
  checkCount('addSharedInfrastructureShare', 'share', share);
  const axis = parts.axis;
  if (axis === undefined) {
    throw new RangeError('addSharedInfrastructureShare: no evaluation started; call beginSharedInfrastructure(parts, axis, s, inventory) first');
  }
  const n = axis.length;
  if (flows.capexEur.length !== n) {
    throw new RangeError(`addSharedInfrastructureShare: flows have ${flows.capexEur.length} values, the axis ${n}`);
  }
  if (devices === 0) return;
  if (parts.p !== p) readSharedParameters(parts, p);
  const { gateway, terminal } = parts;
  const price = parts.price!;
  const grid = parts.grid!;
  const kwhPerGb = parts.kwhPerGb!;
  // Eq. 5–6 and their fleets (Eq. 1), from the work space when this evaluation has met them already.
  const gatewayUnits = gatewaysFor(
    devices,
    parts.communes,
    parts.divisor,
    parts.gatewayDevicesPerGateway,
    parts.gatewayMinimumCount,
    parts.inventory?.gateways,
  );
  const gateways = gatewayFleet(parts, axis, gatewayUnits);
  const terminals = terminalFleet(parts, axis);
  // Eq. 7–9 for these devices and data.
  const devicesDataMbPerYear = deviceDataMbPerYear(gateway, gatewayUnits) + deviceDataMbPerYear(terminal, parts.terminalUnits);
  const networkGbPerYear = (dataMbPerYear + devicesDataMbPerYear) / 1000;
  const platformEur = devices * parts.subscriptionEurPerDevicePerYear + parts.platformFixedEurPerYear;
  const hostingKg = devices * parts.hostingKgCo2ePerDevicePerYear;

  // Each year's flows summed as the gateways' fleet (addFleet, digital), their Eq. 2–4 (as addDeviceFleet), the
  // terminals' fleet and Eq. 2–4, then the platform and the network (from index 1), then × share. One pass and
  // no record for the infrastructure's own flows; the sums are in that order, so they are the same, bit for bit.
  const gatewayUnitKwhPerYear = unitEnergyKwhPerYear(gateway);
  const terminalUnitKwhPerYear = unitEnergyKwhPerYear(terminal);
  for (let t = 0; t < n; t++) {
    const gatewaysInService = gateways.inService[t];
    const terminalsInService = terminals.inService[t];
    const gatewayKwh = deviceEnergyKwh(gatewayUnitKwhPerYear, gatewaysInService);
    const terminalKwh = deviceEnergyKwh(terminalUnitKwhPerYear, terminalsInService);
    const gatewayUseKg = gridUseKgCo2e(gatewayKwh, grid[t]);
    const terminalUseKg = gridUseKgCo2e(terminalKwh, grid[t]);
    let opexEur = deviceMaintenanceEur(gateway, gatewaysInService) + deviceMaintenanceEur(terminal, terminalsInService);
    let energyKwh = gatewayKwh + terminalKwh;
    let useKg = gatewayUseKg + terminalUseKg;
    let digitalKg =
      gateways.embodiedKgCo2e[t] + gateways.endOfLifeKgCo2e[t] + gatewayUseKg + (terminals.embodiedKgCo2e[t] + terminals.endOfLifeKgCo2e[t]) + terminalUseKg;
    if (t > 0) {
      // Eq. 7–9: the platform and the network run from index 1.
      opexEur += platformEur;
      const networkKwh = networkGbPerYear * kwhPerGb[t];
      const platformUseKg = hostingKg + gridUseKgCo2e(networkKwh, grid[t]);
      energyKwh += networkKwh;
      useKg += platformUseKg;
      digitalKg += platformUseKg;
    }
    flows.capexEur[t] += share * (gateways.capexEur[t] + terminals.capexEur[t]);
    flows.residualValueEur[t] += share * (gateways.residualValueEur[t] + terminals.residualValueEur[t]);
    flows.embodiedKgCo2e[t] += share * (gateways.embodiedKgCo2e[t] + terminals.embodiedKgCo2e[t]);
    flows.endOfLifeKgCo2e[t] += share * (gateways.endOfLifeKgCo2e[t] + terminals.endOfLifeKgCo2e[t]);
    flows.amortisedEmbodiedKgCo2e[t] += share * (gateways.amortisedKgCo2e[t] + terminals.amortisedKgCo2e[t]);
    flows.energyCostEur[t] += share * (energyBillEur(gatewayKwh, price[t]) + energyBillEur(terminalKwh, price[t]));
    flows.opexEur[t] += share * opexEur;
    flows.energyKwh[t] += share * energyKwh;
    flows.useKgCo2e[t] += share * useKg;
    flows.digitalKgCo2e[t] += share * digitalKg;
  }
}

/**
 * Reads and checks what the shared infrastructure needs from the parameter set `p` (in the order `digitalSizing` and
 * the flows check them), and keeps the fleets computed so far only while their inputs (Eq. 1: unit cost,
 * manufacturing, end of life, lifetime; the terminals carried) are the same as with the previous set.
 */
function readSharedParameters(parts: SharedInfrastructureParts, p: ParameterValues): void {
  const n = parts.axis!.length;
  const s = parts.s!;
  const inventory = parts.inventory;
  parts.p = undefined; // until every value below is read and checked
  // Eq. 5–7: the sizes of `digitalSizing`, from the same functions, checked in the same order.
  const communes = poolingCommunes(inventory);
  const divisor = poolingDivisor(inventory, communes);
  parts.communes = communes;
  parts.divisor = divisor;
  parts.subscriptionEurPerDevicePerYear = subscriptionEurPerDevicePerYear(p, inventory);
  parts.gatewayDevicesPerGateway = gatewayDevicesPerGateway(p);
  parts.gatewayMinimumCount = checkedParameter('gatewayMinimumCount', p.gatewayMinimumCount, 0);
  const terminalUnits = terminalCount(p, divisor, inventory);
  parts.platformFixedEurPerYear = platformFixedShareEurPerYear(p, divisor, inventory);
  const gateway = readCatalogueEntry(p, 'gateway', SCRATCH_GATEWAY);
  const terminal = readCatalogueEntry(p, 'terminal', SCRATCH_TERMINAL);
  parts.costTrend = series(s, 'digitalCostFactor', n);
  parts.embodiedTrend = series(s, 'digitalEmbodiedFactor', n);
  parts.hostingKgCo2ePerDevicePerYear = checkedParameter('platformKgCo2ePerDevicePerYear', p.platformKgCo2ePerDevicePerYear, 0);
  parts.price = series(s, 'electricityPriceEurPerKwh', n);
  parts.grid = series(s, 'gridFactorKgCo2ePerKwh', n);
  parts.kwhPerGb = series(s, 'networkEnergyKwhPerGb', n);
  if (!sameFleetInputs(parts.gateway, gateway)) {
    parts.gatewayFleetsValid = 0;
    parts.gatewayFleetNext = 0;
  }
  if (!sameFleetInputs(parts.terminal, terminal) || parts.terminalUnits !== terminalUnits) parts.terminalsValid = false;
  copyCatalogueEntry(gateway, parts.gateway);
  copyCatalogueEntry(terminal, parts.terminal);
  parts.terminalUnits = terminalUnits;
  parts.p = p;
}

/** True when two catalogue entries give the same fleet (Eq. 1) for the same count. */
function sameFleetInputs(a: DeviceCatalogueEntry, b: DeviceCatalogueEntry): boolean {
  return a.costEur === b.costEur && a.embodiedKgCo2e === b.embodiedKgCo2e && a.endOfLifeKgCo2e === b.endOfLifeKgCo2e && a.lifetimeYears === b.lifetimeYears;
}

function copyCatalogueEntry(from: DeviceCatalogueEntry, to: DeviceCatalogueEntry): void {
  to.costEur = from.costEur;
  to.embodiedKgCo2e = from.embodiedKgCo2e;
  to.endOfLifeKgCo2e = from.endOfLifeKgCo2e;
  to.lifetimeYears = from.lifetimeYears;
  to.powerW = from.powerW;
  to.maintenanceEurPerYear = from.maintenanceEurPerYear;
  to.dataMbPerYear = from.dataMbPerYear;
}

/**
 * The gateways' fleet (Eq. 1) for `units` gateways: the one this evaluation computed already for that count, or a
 * new one, in the next of the work space's fleets (taken from the arena the first time, then zeroed and refilled).
 */
function gatewayFleet(parts: SharedInfrastructureParts, axis: YearAxis, units: number): FleetFlows {
  for (let k = 0; k < parts.gatewayFleetsValid; k++) {
    if (parts.gatewayUnits[k] === units) return parts.gatewayFleets[k]!;
  }
  let k: number;
  if (parts.gatewayFleetsValid < GATEWAY_FLEETS_KEPT) {
    k = parts.gatewayFleetsValid++;
  } else {
    k = parts.gatewayFleetNext;
    parts.gatewayFleetNext = (k + 1) % GATEWAY_FLEETS_KEPT;
  }
  const fleet = zeroedFleet(parts.gatewayFleets[k], axis, parts.arena);
  parts.gatewayFleets[k] = fleet;
  parts.gatewayUnits[k] = units;
  return deviceFleetInto(axis, parts.gateway, units, 0, parts.costTrend!, parts.embodiedTrend!, fleet);
}

/** The terminals' fleet (Eq. 1, 6): computed once per evaluation, again only when its inputs changed. */
function terminalFleet(parts: SharedInfrastructureParts, axis: YearAxis): FleetFlows {
  if (parts.terminalsValid) return parts.terminals!;
  const fleet = zeroedFleet(parts.terminals, axis, parts.arena);
  parts.terminals = fleet;
  parts.terminalsValid = true;
  return deviceFleetInto(axis, parts.terminal, parts.terminalUnits, 0, parts.costTrend!, parts.embodiedTrend!, fleet);
}

/** `fleet` set to zeros, or a new fleet of zeros (from `arena` when there is one) when there is none yet. */
function zeroedFleet(fleet: FleetFlows | undefined, axis: YearAxis, arena: SeriesArena | undefined): FleetFlows {
  return fleet === undefined ? emptyFleet(axis.length, arena) : clearFleet(fleet);
}
