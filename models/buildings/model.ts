/**
 * Public buildings (*rénovation énergétique des bâtiments publics*): yearly energy by carrier and use, energy bills,
 * use-phase carbon, and the works and devices of five variants, for a portfolio of public buildings.
 *
 * Variants
 * - `status-quo`: the buildings as they are; consumption follows climate and heating setpoint only.
 * - `insulation` (alternative): envelope works (walls, roof, glazing) that cut the heating need.
 * - `gtb` (digital): building automation (GTB / BACS) upgraded to class B, or A, of NF EN ISO 52120-1.
 * - `metering-thermostats` (digital): sub-meters in each building and a smart thermostat per room or zone.
 * - `insulation-gtb` (digital): envelope works and automation together.
 *
 * Equations (index t = 1 … N are operating years; index 0 is the investment year, where every running flow is 0)
 * - Eq. 1 (climate) heating energy scales with the heating degree-days factor of the year, cooling energy with the
 *   cooling degree-days factor; other uses do not depend on the weather.
 * - Eq. 2 (setpoint) heating energy × (1 − k × (19 − θ(t))), θ(t) the scenario's heating setpoint [°C] and
 *   k ≈ 7 % per °C (ADEME rule of thumb, low confidence [4]); floored at 0. The inventory's consumption is taken
 *   at 19 °C, the setpoint of the French code de l'énergie and the scenario packs' value today.
 * - Eq. 3 (BAC factor) f(activity, class, thermal | electric) from EN 15232 / ISO 52120-1 [1]: class C = 1; thermal
 *   factors act on heating, hot water and cooling, electric factors on lighting and on the auxiliary share of
 *   'other'. The target factor is (1 − a) × f_B + a × f_A, a = share of floor area brought to class A.
 * - Eq. 4 (BAC saving) σ = max(0, 1 − f_target / f_current): a building already at or above the target class
 *   saves nothing, and gets no works.
 * - Eq. 5 (combined savings) σ = 1 − Π (1 − σ_i). Measures are applied one after the other, each to the energy the
 *   previous ones left: the BAC factor method multiplies the demand of the building *as it is* (insulated or not)
 *   by the factor [1], so after insulation automation saves its share of a smaller need. Adding the fractions
 *   would count the same kWh twice and could exceed 100 %.
 * - Eq. 6 (variant savings per use) insulation: σ_ins on heating; gtb: Eq. 4 per use; metering-thermostats:
 *   thermostat saving on heating combined (Eq. 5) with the sub-metering saving on every use; insulation-gtb:
 *   insulation and gtb combined (Eq. 5).
 * - Eq. 7 (energy) E(b, carrier, use, t) = E₀ × Eq. 1 × Eq. 2 × (1 − σ(variant, b, use)), E₀ the inventory's
 *   current consumption [kWh/yr].
 * - Eq. 8 (bills and carbon) cost(t) = Σ E × price of the carrier(t); carbon(t) = Σ E × κ × factor of the carrier(t)
 *   (electricity → grid factor), both from the scenario pack. Gas is billed, and entered, in kWh PCS (higher
 *   heating value) while its emission factor is per kWh PCI: κ = gasPciPerPcsRatio (≈ 0.9) for gas, 1 otherwise.
 * - Eq. 9 (devices) GTB controllers = max(1, floor area / area per controller) per upgraded building; sub-meters =
 *   a fixed number per building; thermostats = max(1, floor area / area per thermostat). Each device draws its
 *   catalogue power all year (W × 8.76 = kWh/yr) at the electricity price and grid factor; it costs its catalogue
 *   maintenance per year; purchases, replacements, residual value and embodied carbon go through equipmentFleet,
 *   with the scenario's digitalCostFactor and digitalEmbodiedFactor. connectedDevices = controllers + sub-meters +
 *   thermostats.
 * - Eq. 10 (works) insulation: floor area × €/m² through equipmentFleet with its long lifetime and worksCostFactor
 *   as cost trend; GTB works: upgraded floor area × €/m² of the target class through equipmentFleet with
 *   digitalCostFactor; GTB field maintenance: €/m²/yr on the upgraded floor area (the controllers' own maintenance
 *   is in the catalogue).
 * - Eq. 11 (décret tertiaire) target(y) = reference × (1 − r_y), r = 40 % (2030), 50 % (2040), 60 % (2050) [2];
 *   only buildings of ≥ 1,000 m² of tertiary floor area are subject.
 * - Eq. 12 (décret BACS) heating (or cooling) systems > 290 kW: BACS due by 1 Jan 2025; > 70 kW up to 290 kW:
 *   1 Jan 2030 [3].
 *
 * References
 * [1] NF EN ISO 52120-1:2022 (replaces EN 15232-1:2017 and EN 15232:2012), BAC efficiency factor method. Factors as
 *     reproduced in Siemens Building Technologies, *Building automation – impact on energy efficiency, application
 *     per EN 15232*, §4.4–4.5, https://www.manualshelf.com/manual/siemens/building-automation-impact-on-energy-efficiency/user-manual-english/page-111.html
 * [2] Décret n° 2019-771 du 23 juillet 2019 relatif aux obligations d'actions de réduction de la consommation
 *     d'énergie finale dans des bâtiments à usage tertiaire (loi ELAN, art. 175), via ../shared/reference/parameters.md §5d.
 * [3] Décret n° 2023-259 du 7 avril 2023 (BACS threshold lowered to 70 kW; 1 Jan 2025 above 290 kW), https://serce.fr/publications/decret-n-2023-259-du-7-avril-2023-relatif-aux-systemes-dautomatisation-et-de-controle-des-batiments-tertiaires-bacs-et-arrete-correspondant ;
 *     Décret n° 2025-1343 du 26 décembre 2025 (JO 27 Dec 2025) moving the 70–290 kW deadline from 1 Jan 2027 to
 *     1 Jan 2030, https://www.allhse.fr/?p=1000 .
 * [4] ADEME "−1 °C ≈ −7 %" rule quoted by La Tribune (2022) and Futura-Sciences; its origin and validity questioned
 *     by Révolution Énergétique (2025). See parameters.yaml.
 *
 * Assumptions
 * - The inventory's consumption is one typical year at today's climate, 19 °C and the building's current BAC
 *   class. A building with no `bacsClass` is taken as class C (`DEFAULT_BACS_CLASS`): the EN 15232 reference class
 *   (central plant automation, thermostatic valves, no energy monitoring) fits most public buildings with a
 *   central boiler, and it is the conservative choice (class D would credit larger savings).
 * - Savings start in year 1 at full effect and last the whole horizon (works and devices are renewed at end of life).
 * - Insulation acts on heating only (its effect on summer comfort and cooling is ignored).
 * - Heating systems, their replacement and fuel switching are the same in every variant and are not modelled.
 * - An inventory entry with `count` > 1 stands for that many identical buildings (an addition to the brief, for
 *   syndicats); its floor area, consumption and heating power are those of one building.
 * - Devices draw power all year; GTB controllers count as connected devices even when wired (as the brief of the
 *   shared infrastructure asks).
 */
import { addDevices } from '../digital/model.js';
import { z } from 'zod';
import { InventoryCache } from '../../src/core/inventoryCache.js';
import { argumentError } from '../../src/core/errors.js';
import { addEquipmentFleet, emptyFleet, reusableFleetSpec, type FleetFlows, type FleetSpec } from '../../src/core/equipment.js';
import { seriesRecord, type SeriesArena } from '../../src/core/arena.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import {
  addFleet,
  emptyFlows,
  type ModelDefinition,
  type ModelInput,
  type ScenarioSeries,
  type VariantFlows,
} from '../../src/evaluate/model.js';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

export const ACTIVITIES = ['office', 'education', 'sports', 'culture', 'health', 'other'] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const CARRIERS = ['electricity', 'gas', 'heatingOil', 'wood', 'heatNetwork'] as const;
export type Carrier = (typeof CARRIERS)[number];
export const ENERGY_USES = ['heating', 'hotWater', 'cooling', 'lighting', 'other'] as const;
export type EnergyUse = (typeof ENERGY_USES)[number];
/** BAC efficiency classes of NF EN ISO 52120-1, best first. */
export const BACS_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type BacsClass = (typeof BACS_CLASSES)[number];
/** Class assumed when the inventory gives none: C, the standard's reference class (conservative, see file doc). */
export const DEFAULT_BACS_CLASS: BacsClass = 'C';
/** Heating setpoint at which the inventory's consumption is taken [°C] (code de l'énergie; scenario packs today). */
export const REFERENCE_HEATING_SETPOINT_C = 19;

export const VARIANT_IDS = ['status-quo', 'insulation', 'gtb', 'metering-thermostats', 'insulation-gtb'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/** Catalogue devices this model deploys (names of models/digital/parameters.yaml). */
export const DEVICES = ['gtbController', 'subMeter', 'smartThermostat'] as const;
export type Device = (typeof DEVICES)[number];

/** Scenario series each carrier reads: price [EUR/kWh] and emission factor [kgCO2e/kWh]. */
const CARRIER_SERIES: Record<Carrier, { price: string; factor: string }> = {
  electricity: { price: 'electricityPriceEurPerKwh', factor: 'gridFactorKgCo2ePerKwh' },
  gas: { price: 'gasPriceEurPerKwh', factor: 'gasFactorKgCo2ePerKwh' },
  heatingOil: { price: 'heatingOilPriceEurPerKwh', factor: 'heatingOilFactorKgCo2ePerKwh' },
  wood: { price: 'woodPriceEurPerKwh', factor: 'woodFactorKgCo2ePerKwh' },
  heatNetwork: { price: 'heatNetworkPriceEurPerKwh', factor: 'heatNetworkFactorKgCo2ePerKwh' },
};

/** CARRIER_SERIES in the order of CARRIERS (read by index in the hot path). */
const CARRIER_SERIES_BY_INDEX: readonly { price: string; factor: string }[] = CARRIERS.map((c) => CARRIER_SERIES[c]);

export const SCENARIO_SERIES = [
  ...CARRIERS.flatMap((c) => [CARRIER_SERIES[c].price, CARRIER_SERIES[c].factor]),
  'heatingDegreeDaysFactor',
  'coolingDegreeDaysFactor',
  'heatingSetpointC',
  'digitalCostFactor',
  'digitalEmbodiedFactor',
  'worksCostFactor',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------------------------

const energyLineSchema = z
  .object({
    carrier: z.enum(CARRIERS).meta({ description: 'Energy carrier (vecteur): electricity, gas, heatingOil, wood or heatNetwork' }),
    use: z.enum(ENERGY_USES).meta({ description: 'End use: heating, hotWater, cooling, lighting or other' }),
    kwhPerYear: z.number().nonnegative().meta({ description: 'Current consumption of this carrier for this use, final energy as billed (gas in kWh PCS) [kWh/yr]' }),
  })
  .strict();

const buildingSchema = z
  .object({
    id: z.string().min(1).meta({ description: 'Identifier, unique in the inventory' }),
    name: z.string().optional().meta({ description: 'Display name (e.g. "Groupe scolaire Jean Moulin")' }),
    activity: z.enum(ACTIVITIES).meta({ description: 'Main activity: office, education, sports, culture, health or other' }),
    floorAreaM2: z.number().positive().meta({ description: 'Heated floor area (surface de plancher) [m²]' }),
    energy: z
      .array(energyLineSchema)
      .min(1)
      .meta({ description: 'Current consumption by carrier and use, one typical year [kWh/yr]' }),
    referenceYear: z
      .number()
      .int()
      .min(2010)
      .optional()
      .meta({ description: 'Décret tertiaire reference year (2010 or later); informative' }),
    referenceKwhPerYear: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Décret tertiaire reference consumption [kWh/yr]; default: the current total' }),
    heatingPowerKw: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: 'Rated output of the heating (or cooling) system, for the décret BACS obligation [kW]' }),
    bacsClass: z
      .enum(BACS_CLASSES)
      .optional()
      .meta({ description: `Current BAC class (NF EN ISO 52120-1): A, B, C or D; default ${DEFAULT_BACS_CLASS}` }),
    count: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({
        description:
          'Number of identical buildings this entry stands for (default 1), e.g. 150 similar village schools of a syndicat; floor area, consumption and power are those of ONE building',
      }),
  })
  .strict();

export const inventorySchema = z
  .object({
    buildings: z.array(buildingSchema).min(1).meta({ description: 'The public buildings to appraise' }),
  })
  .strict()
  .superRefine((inv, ctx) => {
    const seen = new Map<string, number>();
    inv.buildings.forEach((b, i) => {
      const first = seen.get(b.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['buildings', i, 'id'],
          message: `building id "${b.id}" is used twice (entries ${first + 1} and ${i + 1}); give each building its own id`,
        });
      } else seen.set(b.id, i);
    });
  });

export type Inventory = z.infer<typeof inventorySchema>;
export type Building = Inventory['buildings'][number];
export type EnergyLine = Building['energy'][number];

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

/** Reads a parameter, failing with its name when it is missing or not finite. */
function param(p: ParameterValues, name: string): number {
  const v = p[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw argumentError('buildings', `parameter ${name}`, 'a finite number (see models/buildings/parameters.yaml or models/digital/parameters.yaml)', v);
  }
  return v;
}

/** Reads a fraction parameter in [0, 1]. */
function fraction(p: ParameterValues, name: string): number {
  const v = param(p, name);
  if (v < 0 || v > 1) throw argumentError('buildings', `parameter ${name}`, 'a fraction from 0 to 1', v);
  return v;
}

/** Reads a strictly positive parameter. */
function positive(p: ParameterValues, name: string): number {
  const v = param(p, name);
  if (!(v > 0)) throw argumentError('buildings', `parameter ${name}`, 'a number > 0', v);
  return v;
}

const ACTIVITY_KEY: Record<Activity, string> = {
  office: 'Office',
  education: 'Education',
  sports: 'Sports',
  culture: 'Culture',
  health: 'Health',
  other: 'Other',
};

/** Thermal factors act on heating, hot water and cooling; electric factors on lighting and 'other' (EN 15232). */
export const BAC_FACTOR_KIND: Record<EnergyUse, 'thermal' | 'electric'> = {
  heating: 'thermal',
  hotWater: 'thermal',
  cooling: 'thermal',
  lighting: 'electric',
  other: 'electric',
};

// ---------------------------------------------------------------------------------------------------------------
// Equations
// ---------------------------------------------------------------------------------------------------------------

/**
 * Eq. 1: weather multiplier of a use in a year. Heating follows heating degree-days, cooling follows cooling
 * degree-days, other uses do not depend on the weather.
 * @param use end use
 * @param heatingDegreeDaysFactor heating degree-days of the year / today's [fraction]
 * @param coolingDegreeDaysFactor cooling degree-days of the year / today's [fraction]
 * @returns multiplier on the use's current consumption [fraction]
 * @example climateFactor('heating', 0.9, 1.3) // 0.9: a winter with 10 % fewer degree-days
 */
export function climateFactor(use: EnergyUse, heatingDegreeDaysFactor: number, coolingDegreeDaysFactor: number): number {
  if (use === 'heating') return heatingDegreeDaysFactor;
  if (use === 'cooling') return coolingDegreeDaysFactor;
  return 1;
}

/**
 * Eq. 2: heating setpoint (sobriety) multiplier, 1 − k × (19 − θ), floored at 0. Other uses: 1.
 * Reference: ADEME rule of thumb "−1 °C ≈ −7 %" (low confidence, see parameters.yaml).
 * @param use end use
 * @param heatingSetpointC heating setpoint of the year [°C]
 * @param sensitivityPerDegC k, relative change of heating energy per °C [fraction/°C]
 * @returns multiplier on heating energy [fraction]
 * @example setpointFactor('heating', 18, 0.07) // 0.93
 */
export function setpointFactor(use: EnergyUse, heatingSetpointC: number, sensitivityPerDegC: number): number {
  if (use !== 'heating') return 1;
  return Math.max(0, 1 - sensitivityPerDegC * (REFERENCE_HEATING_SETPOINT_C - heatingSetpointC));
}

/**
 * Eq. 3: BAC efficiency factor of EN 15232 / ISO 52120-1 for an activity, a class and a kind of use, read from
 * the parameters `bac{Thermal|Electric}Factor{Activity}{A|B|D}`; class C is the reference, 1.
 * @returns the factor [-]
 * @example bacFactor(p, 'thermal', 'office', 'D') // 1.51 with the defaults (EN 15232 offices row)
 */
export function bacFactor(p: ParameterValues, kind: 'thermal' | 'electric', activity: Activity, bacsClass: BacsClass): number {
  // The name is `bac${Thermal|Electric}Factor${ACTIVITY_KEY[activity]}${bacsClass}`, from a table built once.
  return bacFactorNamed(p, bacsClass === 'C' ? null : BAC_FACTOR_NAME[kind][activity][bacsClass]);
}

/** Eq. 3 from the factor's parameter name; `null` stands for class C, the reference (1). */
function bacFactorNamed(p: ParameterValues, name: string | null): number {
  return name === null ? 1 : positive(p, name);
}

/** Parameter names of the BAC factors by kind, activity and class (no string built per call). */
const BAC_FACTOR_NAME: Record<'thermal' | 'electric', Record<Activity, Record<BacsClass, string>>> = {
  thermal: bacFactorNames('Thermal'),
  electric: bacFactorNames('Electric'),
};

function bacFactorNames(kind: 'Thermal' | 'Electric'): Record<Activity, Record<BacsClass, string>> {
  const out = {} as Record<Activity, Record<BacsClass, string>>;
  for (const activity of Object.keys(ACTIVITY_KEY) as Activity[]) {
    out[activity] = {} as Record<BacsClass, string>;
    for (const cls of BACS_CLASSES) out[activity][cls] = `bac${kind}Factor${ACTIVITY_KEY[activity]}${cls}`;
  }
  return out;
}

/**
 * Eq. 3 (target): factor of the target class, (1 − a) × f_B + a × f_A, a being the share of floor area brought
 * to class A (`gtbTargetClassAShare`).
 * @example targetBacFactor(p, 'thermal', 'office') // 0.80 with the defaults (a = 0: class B)
 */
export function targetBacFactor(p: ParameterValues, kind: 'thermal' | 'electric', activity: Activity): number {
  const a = fraction(p, 'gtbTargetClassAShare');
  return blendedBacFactor(a, bacFactor(p, kind, activity, 'B'), bacFactor(p, kind, activity, 'A'));
}

/** Eq. 3 (target), unchecked: (1 − a) × f_B + a × f_A. */
function blendedBacFactor(classAShare: number, factorB: number, factorA: number): number {
  return (1 - classAShare) * factorB + classAShare * factorA;
}

/**
 * Eq. 4: energy saved by moving from a BAC factor to another, max(0, 1 − f_target / f_current). Never negative:
 * a building already better than the target keeps its class.
 * @param targetFactor factor of the target class [-]
 * @param currentFactor factor of the current class [-]
 * @returns saved share of the use's energy [fraction]
 * @example bacSavingFraction(0.80, 1.51) // 0.4702 (offices, class D → B: 1 − 0.80 / 1.51)
 */
export function bacSavingFraction(targetFactor: number, currentFactor: number): number {
  if (!(targetFactor >= 0) || !(currentFactor > 0)) {
    throw argumentError('bacSavingFraction', 'factors', 'target ≥ 0 and current > 0', `${targetFactor}, ${currentFactor}`);
  }
  return bacSaving(targetFactor, currentFactor);
}

/** Eq. 4, unchecked (factors from `bacFactor`, which are > 0). */
function bacSaving(targetFactor: number, currentFactor: number): number {
  return Math.max(0, 1 - targetFactor / currentFactor);
}

/**
 * Eq. 5: combined saving of measures applied one after the other, 1 − Π (1 − σᵢ). Each measure saves its share of
 * what the previous ones left, so the total never exceeds 100 % and the same kWh is never saved twice.
 * @param fractions savings of each measure [fraction], each in [0, 1]
 * @returns combined saving [fraction]
 * @example combineSavings([0.4, 0.2]) // 0.52, not 0.6
 */
export function combineSavings(fractions: readonly number[]): number {
  let remaining = 1;
  for (const f of fractions) {
    if (!(f >= 0 && f <= 1)) throw argumentError('combineSavings', 'each fraction', 'a number from 0 to 1', f);
    remaining = remainingShare(remaining, f);
  }
  return 1 - remaining;
}

/** Eq. 5, one step: share of the energy left after a measure saving `fraction` of what `remaining` was left. */
function remainingShare(remaining: number, fraction: number): number {
  return remaining * (1 - fraction);
}

/** Current BAC class of a building (inventory value or `DEFAULT_BACS_CLASS`). */
export function currentBacsClass(building: Pick<Building, 'bacsClass'>): BacsClass {
  return building.bacsClass ?? DEFAULT_BACS_CLASS;
}

/**
 * Eq. 4 per use for the `gtb` measure: saved share of each use when the building moves from its current class to
 * the target. 'other' is scaled by `gtbOtherUseAffectedShare` (auxiliary energy only).
 * @example gtbSavingsByUse({ activity: 'office', bacsClass: 'D' }, p).heating // 0.4702 with the defaults
 */
export function gtbSavingsByUse(building: Pick<Building, 'activity' | 'bacsClass'>, p: ParameterValues): Record<EnergyUse, number> {
  const cls = currentBacsClass(building);
  const out = {} as Record<EnergyUse, number>;
  const otherShare = fraction(p, 'gtbOtherUseAffectedShare');
  const saving = (kind: 'thermal' | 'electric'): number =>
    bacSavingFraction(targetBacFactor(p, kind, building.activity), bacFactor(p, kind, building.activity, cls));
  const thermal = saving('thermal');
  const electric = saving('electric');
  for (const use of ENERGY_USES) out[use] = gtbUseSaving(BAC_FACTOR_KIND[use], use, thermal, electric, otherShare);
  return out;
}

/**
 * Eq. 4 for one use, from the building's thermal and electric savings: thermal factors act on heating, hot water
 * and cooling, electric ones on lighting and on the `otherShare` (auxiliary) part of 'other'. `kind` is
 * BAC_FACTOR_KIND[use] (looked up once per inventory in the hot path).
 */
function gtbUseSaving(kind: 'thermal' | 'electric', use: EnergyUse, thermalSaving: number, electricSaving: number, otherShare: number): number {
  if (kind === 'thermal') return thermalSaving;
  return use === 'other' ? electricSaving * otherShare : electricSaving;
}

/**
 * Eq. 6: saved share of each use of a building under a variant (0 for the status quo).
 * @example savingsByUse('insulation', building, p).heating // 0.40 with the defaults
 */
export function savingsByUse(variant: VariantId, building: Pick<Building, 'activity' | 'bacsClass'>, p: ParameterValues): Record<EnergyUse, number> {
  if (!VARIANT_IDS.includes(variant)) {
    throw argumentError('savingsByUse', 'variant', `one of ${VARIANT_IDS.join(', ')}`, variant);
  }
  const metering = variant === 'metering-thermostats';
  const gtb = usesGtb(variant) ? gtbSavingsByUse(building, p) : undefined;
  const insulation = usesInsulation(variant) ? fraction(p, 'insulationHeatingSavingFraction') : 0;
  const meter = metering ? fraction(p, 'subMeteringSavingFraction') : 0;
  const thermostat = metering ? fraction(p, 'thermostatHeatingSavingFraction') : 0;
  const out = {} as Record<EnergyUse, number>;
  for (const use of ENERGY_USES) out[use] = variantUseSaving(variant, use, insulation, gtb?.[use] ?? 0, meter, thermostat);
  return out;
}

/**
 * Eq. 6 for one use, unchecked, from the savings of each measure on that use: `insulation` on heating, `gtb`
 * (Eq. 4), sub-metering `meter` on every use and `thermostat` on heating, combined by Eq. 5.
 */
function variantUseSaving(variant: VariantId, use: EnergyUse, insulation: number, gtb: number, meter: number, thermostat: number): number {
  const heating = use === 'heating';
  switch (variant) {
    case 'status-quo':
      return 0;
    case 'insulation':
      return heating ? insulation : 0;
    case 'gtb':
      return gtb;
    case 'metering-thermostats':
      return 1 - (heating ? remainingShare(remainingShare(1, thermostat), meter) : remainingShare(1, meter));
    case 'insulation-gtb':
      return 1 - (heating ? remainingShare(remainingShare(1, insulation), gtb) : remainingShare(1, gtb));
    default: {
      const unknown: never = variant;
      throw argumentError('savingsByUse', 'variant', `one of ${VARIANT_IDS.join(', ')}`, unknown);
    }
  }
}

/**
 * Eq. 7: energy of one carrier and use in one operating year.
 * @param currentKwhPerYear inventory consumption [kWh/yr]
 * @param climate Eq. 1 multiplier [fraction]
 * @param setpoint Eq. 2 multiplier [fraction]
 * @param saving Eq. 6 saved share [fraction]
 * @returns energy of the year [kWh]
 * @example useEnergyKwh(300000, 1, 1, 0.4702) // 158940 (office, gas heating, class D → B)
 */
export function useEnergyKwh(currentKwhPerYear: number, climate: number, setpoint: number, saving: number): number {
  return currentKwhPerYear * climate * setpoint * (1 - saving);
}

/**
 * Eq. 9/10: share of a building's floor area upgraded to class B and to class A by the GTB measure. A building
 * already at (or above) a class gets no works for it.
 * @returns weights [fraction of the floor area]
 * @example gtbUpgradeShares({ bacsClass: 'C' }, p) // { classB: 1, classA: 0 } with the defaults
 */
export function gtbUpgradeShares(building: Pick<Building, 'bacsClass'>, p: ParameterValues): { classB: number; classA: number } {
  const a = fraction(p, 'gtbTargetClassAShare');
  const rank = BACS_CLASSES.indexOf(currentBacsClass(building));
  return { classB: classBShare(rank, a), classA: classAShare(rank, a) };
}

/** Eq. 9/10, unchecked: share brought to class B of a building whose class has `rank` in BACS_CLASSES (A = 0). */
function classBShare(rank: number, classAShareOfTarget: number): number {
  return rank > 1 ? 1 - classAShareOfTarget : 0;
}

/** Eq. 9/10, unchecked: share brought to class A of a building whose class has `rank` in BACS_CLASSES (A = 0). */
function classAShare(rank: number, classAShareOfTarget: number): number {
  return rank > 0 ? classAShareOfTarget : 0;
}

const usesGtb = (v: VariantId): boolean => v === 'gtb' || v === 'insulation-gtb';
const usesInsulation = (v: VariantId): boolean => v === 'insulation' || v === 'insulation-gtb';

/**
 * Eq. 9: catalogue devices a variant installs in a building. Counts are continuous (a fraction stands for the
 * average over a portfolio) with at least one controller or thermostat per equipped building.
 * @returns devices by catalogue name [units]
 * @example deviceCounts('metering-thermostats', { floorAreaM2: 2000, bacsClass: 'C' }, p) // { gtbController: 0, subMeter: 3, smartThermostat: 20 }
 */
export function deviceCounts(
  variant: VariantId,
  building: Pick<Building, 'floorAreaM2' | 'bacsClass'>,
  p: ParameterValues,
): Record<Device, number> {
  const out: Record<Device, number> = { gtbController: 0, subMeter: 0, smartThermostat: 0 };
  if (usesGtb(variant)) {
    const { classB, classA } = gtbUpgradeShares(building, p);
    out.gtbController = gtbControllerCount(classB + classA, building.floorAreaM2, positive(p, 'gtbControllerFloorAreaM2PerUnit'));
  }
  if (variant === 'metering-thermostats') {
    out.subMeter = param(p, 'subMetersPerBuilding');
    out.smartThermostat = smartThermostatCount(building.floorAreaM2, positive(p, 'smartThermostatFloorAreaM2PerUnit'));
  }
  return out;
}

/** Eq. 9, unchecked: GTB controllers of one building, upgraded share × max(1, floor area / area per controller). */
function gtbControllerCount(upgradedShare: number, floorAreaM2: number, floorAreaM2PerController: number): number {
  return upgradedShare * Math.max(1, floorAreaM2 / floorAreaM2PerController);
}

/** Eq. 9, unchecked: smart thermostats of one building, max(1, floor area / area per thermostat). */
function smartThermostatCount(floorAreaM2: number, floorAreaM2PerThermostat: number): number {
  return Math.max(1, floorAreaM2 / floorAreaM2PerThermostat);
}

/**
 * Average electricity of a device drawing `powerW` all year [kWh/yr] (8,760 h / 1,000).
 * @param powerW average power drawn [W]
 * @example devicePowerKwhPerYear(2) // 17.52
 */
export function devicePowerKwhPerYear(powerW: number): number {
  return (powerW * 8760) / 1000;
}

// ---------------------------------------------------------------------------------------------------------------
// Décret tertiaire and décret BACS
// ---------------------------------------------------------------------------------------------------------------

/** Décret tertiaire milestones: reduction of final energy vs the reference year (Décret n° 2019-771; high). */
export const DECRET_TERTIAIRE_MILESTONES = [
  { year: 2030, reductionFraction: 0.4 },
  { year: 2040, reductionFraction: 0.5 },
  { year: 2050, reductionFraction: 0.6 },
] as const;
/** Buildings with at least this tertiary floor area are subject to the décret tertiaire [m²] (Décret n° 2019-771). */
export const DECRET_TERTIAIRE_MIN_FLOOR_AREA_M2 = 1000;

export interface DecretTertiaireMilestone {
  /** Milestone year. */
  year: number;
  /** Required reduction vs the reference [fraction]. */
  reductionFraction: number;
  /** Maximum consumption that year, reference × (1 − reduction) [kWh/yr]. */
  targetKwh: number;
  /** Consumption that year, or null when the year is not an operating year of the axis [kWh/yr]. */
  consumptionKwh: number | null;
  /** True when the consumption is known and at or below the target; false otherwise (including unknown). */
  met: boolean;
}

/**
 * Eq. 11: décret tertiaire check, in relative value: for 2030, 2040 and 2050, the target (−40 %, −50 %, −60 % of the
 * reference consumption, Décret n° 2019-771), the consumption that year and whether it is met. A year outside the
 * axis, or the investment year (index 0, no operation), gives `consumptionKwh: null` and `met: false`. The absolute
 * thresholds (Cabs by activity) are not checked.
 * @param kwhByYear consumption per year on the axis [kWh], e.g. from `buildingEnergyKwhByYear`
 * @param axis the appraisal axis
 * @param referenceKwh consumption of the reference year [kWh/yr]
 * @example decretTertiaireCheck(series, yearAxis(2026, 25), 500000)[0] // { year: 2030, targetKwh: 300000, … }
 */
export function decretTertiaireCheck(kwhByYear: Float64Array, axis: YearAxis, referenceKwh: number): DecretTertiaireMilestone[] {
  if (kwhByYear.length !== axis.length) {
    throw argumentError('decretTertiaireCheck', 'kwhByYear', `a series of ${axis.length} values (the axis)`, `${kwhByYear.length} values`);
  }
  if (!(referenceKwh > 0) || !Number.isFinite(referenceKwh)) {
    throw argumentError('decretTertiaireCheck', 'referenceKwh', 'a finite number > 0', referenceKwh);
  }
  return DECRET_TERTIAIRE_MILESTONES.map(({ year, reductionFraction }) => {
    const targetKwh = referenceKwh * (1 - reductionFraction);
    const i = year - axis.startYear;
    const consumptionKwh = i >= 1 && i < axis.length ? kwhByYear[i] : null;
    return { year, reductionFraction, targetKwh, consumptionKwh, met: consumptionKwh !== null && consumptionKwh <= targetKwh };
  });
}

/**
 * Scope of the décret tertiaire: buildings with ≥ 1,000 m² of tertiary floor area (Décret n° 2019-771). Sites
 * where several smaller buildings add up to 1,000 m² are also subject; declare them as one building to check them.
 * @param floorAreaM2 tertiary floor area [m²]
 * @example decretTertiaireApplies(1200) // true
 */
export function decretTertiaireApplies(floorAreaM2: number): boolean {
  if (!(floorAreaM2 >= 0)) throw argumentError('decretTertiaireApplies', 'floorAreaM2', 'a number ≥ 0', floorAreaM2);
  return floorAreaM2 >= DECRET_TERTIAIRE_MIN_FLOOR_AREA_M2;
}

/**
 * Décret tertiaire reference consumption of a building: `referenceKwhPerYear`, else its current total [kWh/yr].
 * @example decretTertiaireReferenceKwh({ energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 150000 },
 *   { carrier: 'electricity', use: 'lighting', kwhPerYear: 30000 }] }) // 180000
 */
export function decretTertiaireReferenceKwh(building: Pick<Building, 'energy' | 'referenceKwhPerYear'>): number {
  if (building.referenceKwhPerYear !== undefined) return building.referenceKwhPerYear;
  return building.energy.reduce((sum, line) => sum + line.kwhPerYear, 0);
}

export interface BacsObligation {
  applies: boolean;
  deadline: '2025-01-01' | '2030-01-01' | null;
}

/**
 * Eq. 12: décret BACS obligation of an existing tertiary building from the rated output of its heating (or
 * cooling) system: > 290 kW → BACS due by 1 January 2025 (Décret n° 2023-259); > 70 kW up to 290 kW → 1 January
 * 2030 (moved from 2027 by Décret n° 2025-1343); 70 kW or less → no obligation.
 * @param heatingPowerKw rated useful output [kW]
 * @example bacsObligation(150) // { applies: true, deadline: '2030-01-01' }
 */
export function bacsObligation(heatingPowerKw: number): BacsObligation {
  if (!(heatingPowerKw >= 0) || !Number.isFinite(heatingPowerKw)) {
    throw argumentError('bacsObligation', 'heatingPowerKw', 'a finite number ≥ 0', heatingPowerKw);
  }
  if (heatingPowerKw > 290) return { applies: true, deadline: '2025-01-01' };
  if (heatingPowerKw > 70) return { applies: true, deadline: '2030-01-01' };
  return { applies: false, deadline: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------------------------

/** Reads a scenario series, failing with its name when it is missing or not on the axis. */
function series(s: ScenarioSeries, name: string, n: number): Float64Array {
  const v = s[name];
  if (!(v instanceof Float64Array) || v.length !== n) {
    throw argumentError('buildings', `scenario series ${name}`, `a Float64Array of ${n} values (the axis)`, v === undefined ? 'nothing' : `${v.length} values`);
  }
  return v;
}

/** k of Eq. 2, the relative change of heating energy per °C [fraction/°C], checked ≥ 0. */
function setpointSensitivity(p: ParameterValues): number {
  const k = param(p, 'heatingSetpointSensitivityPerDegC');
  if (k < 0) throw argumentError('buildings', 'parameter heatingSetpointSensitivityPerDegC', 'a number ≥ 0', k);
  return k;
}

/** Eq. 1 × Eq. 2 for a use in a year [fraction]. */
function yearMultiplier(use: EnergyUse, heatingDegreeDaysFactor: number, coolingDegreeDaysFactor: number, heatingSetpointC: number, sensitivityPerDegC: number): number {
  return climateFactor(use, heatingDegreeDaysFactor, coolingDegreeDaysFactor) * setpointFactor(use, heatingSetpointC, sensitivityPerDegC);
}

/**
 * What `simulate` needs from an inventory and from nothing else (no parameter, no scenario value), computed once
 * per inventory object (inventories are immutable after validation) and kept in `PREPARED`.
 */
interface PreparedInventory {
  buildings: readonly Building[];
  /** `count` of each building (1 when absent) [buildings]. */
  copies: Float64Array;
  /** Floor area of each building (one copy) [m²]. */
  floorAreaM2: Float64Array;
  /** Rank of each building's current BAC class in BACS_CLASSES (A = 0 … D = 3). */
  classRank: Int8Array;
  /**
   * Distinct activities, with the parameter names of their class B and class A BAC factors (Eq. 3): the target
   * factors are computed once per activity and call.
   */
  activities: ActivityFactorNames[];
  /**
   * Distinct (activity, current class) pairs, with the parameter names of their current BAC factors (Eq. 3): the
   * GTB savings (Eq. 4) are computed once per pair and call.
   */
  pairs: PairFactorNames[];
  /** Pair of each building (index in `pairs`). */
  buildingPair: Int32Array;
  /** Distinct (carrier, use) groups of energy lines, in the order the inventory first lists them. */
  groups: {
    carrier: Carrier;
    use: EnergyUse;
    /** BAC_FACTOR_KIND of the use (Eq. 3). */
    bacKind: 'thermal' | 'electric';
  }[];
  /**
   * Every energy line, group after group and within a group in the order of the inventory (building after
   * building): the (activity, class) pair of its building, and copies × kWh/yr [kWh/yr]. The lines of group g are
   * those from groupLineStart[g] to groupLineStart[g + 1] (excluded).
   */
  linePair: Int32Array;
  lineBaseKwh: Float64Array;
  groupLineStart: Int32Array;
  /** Position of each group's use in a row of `useYear` (USE_ROW) and of its carrier in CARRIERS. */
  groupUseRow: Int32Array;
  groupCarrier: Int32Array;
  /** True when some line burns gas (then `gasPciPerPcsRatio` is read). */
  hasGas: boolean;
}

/** Names of the class B and class A (target) BAC factor parameters of an activity. */
interface ActivityFactorNames {
  activity: Activity;
  thermal: { B: string; A: string };
  electric: { B: string; A: string };
}

function activityFactorNames(activity: Activity): ActivityFactorNames {
  const names = (kind: 'thermal' | 'electric') => ({ B: BAC_FACTOR_NAME[kind][activity].B, A: BAC_FACTOR_NAME[kind][activity].A });
  return { activity, thermal: names('thermal'), electric: names('electric') };
}

/**
 * Names of the current BAC factor parameters of an (activity, class) pair, `null` for class C (factor 1), and the
 * index of its activity in `PreparedInventory.activities`.
 */
interface PairFactorNames {
  activity: Activity;
  activityIndex: number;
  bacsClass: BacsClass;
  thermalCurrent: string | null;
  electricCurrent: string | null;
}

function pairFactorNames(activity: Activity, activityIndex: number, bacsClass: BacsClass): PairFactorNames {
  const current = (kind: 'thermal' | 'electric') => (bacsClass === 'C' ? null : BAC_FACTOR_NAME[kind][activity][bacsClass]);
  return { activity, activityIndex, bacsClass, thermalCurrent: current('thermal'), electricCurrent: current('electric') };
}

const PREPARED = new InventoryCache<Inventory, PreparedInventory>();

function prepared(inventory: Inventory): PreparedInventory {
  let out = PREPARED.get(inventory);
  if (out === undefined) {
    out = prepareInventory(inventory);
    PREPARED.set(inventory, out);
  }
  return out;
}

function prepareInventory(inventory: Inventory): PreparedInventory {
  const { buildings } = inventory;
  const lineCount = buildings.reduce((sum, b) => sum + b.energy.length, 0);
  const out: PreparedInventory = {
    buildings,
    copies: new Float64Array(buildings.length),
    floorAreaM2: new Float64Array(buildings.length),
    classRank: new Int8Array(buildings.length),
    activities: [],
    pairs: [],
    buildingPair: new Int32Array(buildings.length),
    groups: [],
    linePair: new Int32Array(lineCount),
    lineBaseKwh: new Float64Array(lineCount),
    groupLineStart: new Int32Array(0),
    groupUseRow: new Int32Array(0),
    groupCarrier: new Int32Array(0),
    hasGas: false,
  };
  // Lines in the order of the inventory first: their group, pair and copies × kWh/yr.
  const lineGroup: number[] = [];
  const linePair: number[] = [];
  const lineBaseKwh: number[] = [];
  buildings.forEach((b, i) => {
    const copies = b.count ?? 1;
    // The vocabulary's own strings (interned), not the parser's copies: the hot loop compares them by identity.
    const bacsClass = BACS_CLASSES[BACS_CLASSES.indexOf(currentBacsClass(b))];
    const activity = ACTIVITIES[ACTIVITIES.indexOf(b.activity)];
    out.copies[i] = copies;
    out.floorAreaM2[i] = b.floorAreaM2;
    out.classRank[i] = BACS_CLASSES.indexOf(bacsClass);
    let activityIndex = out.activities.findIndex((x) => x.activity === activity);
    if (activityIndex < 0) activityIndex = out.activities.push(activityFactorNames(activity)) - 1;
    let pair = out.pairs.findIndex((x) => x.activity === activity && x.bacsClass === bacsClass);
    if (pair < 0) pair = out.pairs.push(pairFactorNames(activity, activityIndex, bacsClass)) - 1;
    out.buildingPair[i] = pair;
    for (const line of b.energy) {
      const carrier = CARRIERS[CARRIERS.indexOf(line.carrier)];
      const use = ENERGY_USES[ENERGY_USES.indexOf(line.use)];
      let group = out.groups.findIndex((g) => g.carrier === carrier && g.use === use);
      if (group < 0) {
        group = out.groups.push({ carrier, use, bacKind: BAC_FACTOR_KIND[use] }) - 1;
      }
      lineGroup.push(group);
      linePair.push(pair);
      lineBaseKwh.push(copies * line.kwhPerYear);
      if (carrier === 'gas') out.hasGas = true;
    }
  });
  // Then group after group, each group's lines in that order (a stable sort by group).
  out.groupLineStart = new Int32Array(out.groups.length + 1);
  let l = 0;
  for (let g = 0; g < out.groups.length; g++) {
    out.groupLineStart[g] = l;
    for (let k = 0; k < lineCount; k++) {
      if (lineGroup[k] !== g) continue;
      out.linePair[l] = linePair[k];
      out.lineBaseKwh[l] = lineBaseKwh[k];
      l++;
    }
  }
  out.groupLineStart[out.groups.length] = l;
  out.groupUseRow = Int32Array.from(out.groups, (g) => USE_ROW[g.use]);
  out.groupCarrier = Int32Array.from(out.groups, (g) => CARRIERS.indexOf(g.carrier));
  return out;
}

/** Series used within one call (work space, not results), by name. */
const USE_YEAR_SERIES = ['useYear'] as const;
const CARRIER_YEAR_SERIES = ['carrierYear'] as const;
const COEFFICIENT_SERIES = ['kwhPerYear'] as const;
const PAIR_SERIES = ['thermalSaving', 'electricSaving'] as const;
const TARGET_SERIES = ['thermalTarget', 'electricTarget'] as const;

/** Work series of `length` values, zeros: taken from the arena when there is one, else allocated. */
function workSeries<K extends string>(names: readonly K[], length: number, arena: SeriesArena | undefined): Record<K, Float64Array> {
  return seriesRecord<Record<K, Float64Array>>(names, length, arena);
}

/**
 * The five variants (Eq. 1–10). Everything that does not change from year to year is computed once per call:
 * the target BAC factors of each activity and the GTB savings of each (activity, class) pair (Eq. 3–4), and for
 * each variant the portfolio's yearly kWh at today's weather and 19 °C of each (carrier, use) group, Σ copies ×
 * kWh/yr × (1 − σ) over its lines (Eq. 6–7): Eq. 7 is linear in E₀ and its weather × setpoint multiplier (Eq. 1–2)
 * depends on the use only, so the year loop runs over groups, not over lines. What changes from year to year is
 * computed once per use (Eq. 1–2) and once per carrier (price, factor, Eq. 8), and the year loop serves the five
 * variants at once. Works and device fleets are the same in every variant that has them and are computed once.
 * Each step is its own small function (its loops stay tight when the engine optimises them).
 */
function simulateVariants(input: ModelInput<Inventory>): Record<VariantId, VariantFlows> {
  const { axis, p, s, inventory, arena } = input;
  const n = axis.length;
  const inv = prepared(inventory);

  // Results first, so that their arena positions do not depend on which fleets a draw needs.
  // One object literal (one shape for every call), its series taken in the order of VARIANT_IDS.
  const out: Record<VariantId, VariantFlows> = {
    'status-quo': emptyFlows(axis, arena),
    insulation: emptyFlows(axis, arena),
    gtb: emptyFlows(axis, arena),
    'metering-thermostats': emptyFlows(axis, arena),
    'insulation-gtb': emptyFlows(axis, arena),
  };

  // Scenario series and parameters, checked once (the carriers' series where Eq. 8 reads them: carrierYearInto).
  const hdd = series(s, 'heatingDegreeDaysFactor', n);
  const cdd = series(s, 'coolingDegreeDaysFactor', n);
  const setpointC = series(s, 'heatingSetpointC', n);
  const costTrend = series(s, 'digitalCostFactor', n);
  const embodiedTrend = series(s, 'digitalEmbodiedFactor', n);
  const worksTrend = series(s, 'worksCostFactor', n);
  const k = setpointSensitivity(p);
  const gasBasis = inv.hasGas ? param(p, 'gasPciPerPcsRatio') : 1;
  const insulationSaving = fraction(p, 'insulationHeatingSavingFraction');
  const meterSaving = fraction(p, 'subMeteringSavingFraction');
  const thermostatSaving = fraction(p, 'thermostatHeatingSavingFraction');
  const a = fraction(p, 'gtbTargetClassAShare');
  const otherShare = fraction(p, 'gtbOtherUseAffectedShare');
  const controllerAreaM2 = positive(p, 'gtbControllerFloorAreaM2PerUnit');
  const subMetersPerBuilding = param(p, 'subMetersPerBuilding');
  const thermostatAreaM2 = positive(p, 'smartThermostatFloorAreaM2PerUnit');


  // Eq. 3–4: thermal and electric GTB savings of each (activity, class) pair.
  const pairSavings = workSeries(PAIR_SERIES, inv.pairs.length, arena);
  gtbPairSavingsInto(p, inv, a, workSeries(TARGET_SERIES, inv.activities.length, arena), pairSavings);
  const { thermalSaving, electricSaving } = pairSavings;

  // Eq. 6–7 at multiplier 1: kwh[v × G + g] = Σ copies × kWh/yr × (1 − σ(variant v, building, use)) over group g.
  const kwh = workSeries(COEFFICIENT_SERIES, VARIANT_IDS.length * inv.groups.length, arena).kwhPerYear;
  groupKwhInto(inv, thermalSaving, electricSaving, otherShare, insulationSaving, meterSaving, thermostatSaving, kwh);

  // Eq. 9–10: works areas and device counts, summed over the buildings (each entry counts `copies` times).
  let insulationM2 = 0;
  let gtbClassBM2 = 0;
  let gtbClassAM2 = 0;
  let controllers = 0;
  let subMeters = 0;
  let thermostats = 0;
  for (let i = 0; i < inv.buildings.length; i++) {
    const copies = inv.copies[i];
    const floorAreaM2 = inv.floorAreaM2[i];
    const classB = classBShare(inv.classRank[i], a);
    const classA = classAShare(inv.classRank[i], a);
    insulationM2 += copies * floorAreaM2;
    gtbClassBM2 += copies * classB * floorAreaM2;
    gtbClassAM2 += copies * classA * floorAreaM2;
    controllers += copies * gtbControllerCount(classB + classA, floorAreaM2, controllerAreaM2);
    subMeters += copies * subMetersPerBuilding;
    thermostats += copies * smartThermostatCount(floorAreaM2, thermostatAreaM2);
  }
  const gtbM2 = gtbClassBM2 + gtbClassAM2;

  // Eq. 10: envelope works, a long-lived non-digital fleet priced with the works cost trend. The fleets are zeros
  // (emptyFleet), so adding a fleet into one (addEquipmentFleet) is equipmentFleetInto without clearing it again.
  const insulationFleet = emptyFleet(n, arena);
  if (insulationM2 > 0) {
    addWorksFleet(
      axis,
      insulationM2,
      positive(p, 'insulationLifetimeYears'),
      param(p, 'insulationCostEurPerM2'),
      param(p, 'insulationEmbodiedKgCo2ePerM2'),
      param(p, 'insulationEndOfLifeKgCo2ePerM2'),
      worksTrend,
      undefined,
      insulationFleet,
    );
  }
  // Eq. 10: GTB works (class B and class A parts), digital, with the digital cost and embodied trends.
  const gtbClassBFleet = emptyFleet(n, arena);
  const gtbClassAFleet = emptyFleet(n, arena);
  if (gtbClassBM2 > 0) gtbWorksFleet(input, gtbClassBM2, 'gtbCostClassBEurPerM2', costTrend, embodiedTrend, gtbClassBFleet);
  if (gtbClassAM2 > 0) gtbWorksFleet(input, gtbClassAM2, 'gtbCostClassAEurPerM2', costTrend, embodiedTrend, gtbClassAFleet);
  const gtbOperationEurPerM2 = gtbM2 > 0 ? param(p, 'gtbOperationEurPerM2PerYear') : 0;

  // Eq. 7–8: energy, bills and use-phase carbon of the buildings, summed over the groups.
  // Eq. 1–2 depend on the use only and Eq. 8's price and factor on the carrier only: each is computed once per
  // year, then read by every group.
  const { useYear } = workSeries(USE_YEAR_SERIES, USE_ROW_LENGTH * n, arena);
  useYearInto(useYear, hdd, cdd, setpointC, k);
  const { carrierYear } = workSeries(CARRIER_YEAR_SERIES, 3 * CARRIERS.length * n, arena);
  carrierYearInto(carrierYear, s, gasBasis, n);
  addBuildingEnergy(out, inv, useYear, carrierYear, kwh, n);

  // Works and devices (Eq. 9–10), in each variant that has them.
  for (let v = 0; v < VARIANT_IDS.length; v++) {
    const variant = VARIANT_IDS[v];
    const flows = out[variant];
    if (usesInsulation(variant) && insulationM2 > 0) addFleet(flows, insulationFleet, false);
    if (usesGtb(variant) && gtbM2 > 0) {
      if (gtbClassBM2 > 0) addFleet(flows, gtbClassBFleet, true);
      if (gtbClassAM2 > 0) addFleet(flows, gtbClassAFleet, true);
      const opexEur = flows.opexEur;
      for (let t = 1; t < n; t++) opexEur[t] += gtbM2 * gtbOperationEurPerM2;
    }
    // Eq. 9: catalogue devices through the shared catalogue helper (models/digital), which also counts the
    // connected devices and their data for the shared network.
    if (usesGtb(variant) && controllers > 0) addDevices(flows, axis, p, s, 'gtbController', controllers);
    if (variant === 'metering-thermostats') {
      if (subMeters > 0) addDevices(flows, axis, p, s, 'subMeter', subMeters);
      if (thermostats > 0) addDevices(flows, axis, p, s, 'smartThermostat', thermostats);
    }
    // Every series is checked finite by the engine as soon as `simulate` returns (ModelDefinition.simulate), with
    // the variant and scenario in the message; the counts are checked here.
    if (!Number.isFinite(flows.connectedDevices ?? 0) || !Number.isFinite(flows.dataMbPerYear ?? 0)) {
      throw new Error(`buildings/${variant}: connectedDevices or dataMbPerYear is not finite; models must return finite values`);
    }
  }
  return out;
}

/** Position of each use in a year's row of `useYear` (useYearInto). */
const USE_ROW: Readonly<Record<EnergyUse, number>> = { heating: 0, hotWater: 1, cooling: 2, lighting: 3, other: 4 };
const USE_ROW_LENGTH = ENERGY_USES.length;

/**
 * Eq. 1 × Eq. 2 of every use in every operating year t, into `useYear[USE_ROW_LENGTH × t + USE_ROW[use]]`. Each use
 * is named (a constant), so that the use tests of Eq. 1–2 are settled once, not in every year.
 */
function useYearInto(useYear: Float64Array, hdd: Float64Array, cdd: Float64Array, setpointC: Float64Array, k: number): void {
  for (let t = 1; t < hdd.length; t++) {
    const at = USE_ROW_LENGTH * t;
    useYear[at + USE_ROW.heating] = yearMultiplier('heating', hdd[t], cdd[t], setpointC[t], k);
    useYear[at + USE_ROW.hotWater] = yearMultiplier('hotWater', hdd[t], cdd[t], setpointC[t], k);
    useYear[at + USE_ROW.cooling] = yearMultiplier('cooling', hdd[t], cdd[t], setpointC[t], k);
    useYear[at + USE_ROW.lighting] = yearMultiplier('lighting', hdd[t], cdd[t], setpointC[t], k);
    useYear[at + USE_ROW.other] = yearMultiplier('other', hdd[t], cdd[t], setpointC[t], k);
  }
}

/**
 * What Eq. 8 needs of every carrier (index c in CARRIERS) in every operating year t, into `carrierYear` at
 * 3 × (CARRIERS.length × t + c): its price [EUR/kWh], its emission factor [kgCO2e/kWh] and κ (Eq. 8:
 * `gasBasis` = gasPciPerPcsRatio for gas, billed and entered in kWh PCS while its factor is per kWh PCI; 1
 * otherwise). Every carrier's series are checked (all must be there, whether the inventory burns it or not) and
 * looked up once.
 */
function carrierYearInto(carrierYear: Float64Array, s: ScenarioSeries, gasBasis: number, n: number): void {
  for (let c = 0; c < CARRIERS.length; c++) {
    const price = series(s, CARRIER_SERIES_BY_INDEX[c].price, n);
    const factor = series(s, CARRIER_SERIES_BY_INDEX[c].factor, n);
    const basis = CARRIERS[c] === 'gas' ? gasBasis : 1;
    for (let t = 1; t < n; t++) {
      const at = 3 * (CARRIERS.length * t + c);
      carrierYear[at] = price[t];
      carrierYear[at + 1] = factor[t];
      carrierYear[at + 2] = basis;
    }
  }
}

/**
 * Eq. 3–4: thermal and electric GTB savings of each (activity, class) pair, into `thermalSaving` and
 * `electricSaving`; the target factors of each activity (Eq. 3, target) are computed once, into `thermalTarget`
 * and `electricTarget`, so that each factor parameter is read once.
 */
function gtbPairSavingsInto(
  p: ParameterValues,
  inv: PreparedInventory,
  classAShare: number,
  targets: Record<(typeof TARGET_SERIES)[number], Float64Array>,
  savings: Record<(typeof PAIR_SERIES)[number], Float64Array>,
): void {
  const { activities, pairs } = inv;
  const { thermalTarget, electricTarget } = targets;
  for (let i = 0; i < activities.length; i++) {
    const { thermal, electric } = activities[i];
    thermalTarget[i] = blendedBacFactor(classAShare, bacFactorNamed(p, thermal.B), bacFactorNamed(p, thermal.A));
    electricTarget[i] = blendedBacFactor(classAShare, bacFactorNamed(p, electric.B), bacFactorNamed(p, electric.A));
  }
  const { thermalSaving, electricSaving } = savings;
  for (let i = 0; i < pairs.length; i++) {
    const { activityIndex, thermalCurrent, electricCurrent } = pairs[i];
    thermalSaving[i] = bacSaving(thermalTarget[activityIndex], bacFactorNamed(p, thermalCurrent));
    electricSaving[i] = bacSaving(electricTarget[activityIndex], bacFactorNamed(p, electricCurrent));
  }
}

/**
 * Eq. 6–7 at multiplier 1, into `kwh`: kwh[v × G + g] = Σ copies × kWh/yr × (1 − σ(variant v, building, use)) over
 * the lines of group g, in the order of the lines. The variants are those of VARIANT_IDS, in its order.
 */
function groupKwhInto(
  inv: PreparedInventory,
  thermalSaving: Float64Array,
  electricSaving: Float64Array,
  otherShare: number,
  insulationSaving: number,
  meterSaving: number,
  thermostatSaving: number,
  kwh: Float64Array,
): void {
  const G = inv.groups.length;
  const { linePair, lineBaseKwh, groupLineStart } = inv;
  for (let g = 0; g < G; g++) {
    const { use, bacKind } = inv.groups[g];
    let statusQuo = 0;
    let insulation = 0;
    let gtb = 0;
    let metering = 0;
    let insulationGtb = 0;
    for (let l = groupLineStart[g]; l < groupLineStart[g + 1]; l++) {
      const pair = linePair[l];
      const gtbSaving = gtbUseSaving(bacKind, use, thermalSaving[pair], electricSaving[pair], otherShare);
      const baseKwh = lineBaseKwh[l];
      // Each variant named, so that variantUseSaving settles its switch once.
      statusQuo += baseKwh * (1 - variantUseSaving('status-quo', use, insulationSaving, gtbSaving, meterSaving, thermostatSaving));
      insulation += baseKwh * (1 - variantUseSaving('insulation', use, insulationSaving, gtbSaving, meterSaving, thermostatSaving));
      gtb += baseKwh * (1 - variantUseSaving('gtb', use, insulationSaving, gtbSaving, meterSaving, thermostatSaving));
      metering += baseKwh * (1 - variantUseSaving('metering-thermostats', use, insulationSaving, gtbSaving, meterSaving, thermostatSaving));
      insulationGtb += baseKwh * (1 - variantUseSaving('insulation-gtb', use, insulationSaving, gtbSaving, meterSaving, thermostatSaving));
    }
    kwh[g] = statusQuo;
    kwh[G + g] = insulation;
    kwh[2 * G + g] = gtb;
    kwh[3 * G + g] = metering;
    kwh[4 * G + g] = insulationGtb;
  }
}

/**
 * Eq. 7–8: energy, bills and use-phase carbon of the buildings of each variant, Σ over the groups year by year,
 * added into its flows: E = kWh at multiplier 1 (`kwh`, Eq. 6–7) × the group's Eq. 1 × Eq. 2 multiplier of the year
 * (`useYear`, see useYearInto); cost = E × price; carbon = E × emission factor × κ (`carrierYear`, see
 * carrierYearInto). The five variants go through the years together, so that each year's values of a group are
 * read once for all of them.
 */
function addBuildingEnergy(
  out: Record<VariantId, VariantFlows>,
  inv: PreparedInventory,
  useYear: Float64Array,
  carrierYear: Float64Array,
  kwh: Float64Array,
  n: number,
): void {
  const G = inv.groups.length;
  const { groupUseRow, groupCarrier } = inv;
  // kwh[v × G + g] of the variants in the order of VARIANT_IDS.
  const statusQuo = out['status-quo'];
  const insulation = out.insulation;
  const gtb = out.gtb;
  const metering = out['metering-thermostats'];
  const insulationGtb = out['insulation-gtb'];
  // Readable version of the loop below, hand-inlined over the five variants:
  //   for each variant v, year t: for each group g, e = kwh[v × G + g] × multiplier(g, t);
  //   energy[t] += Σ e; cost[t] += Σ e × price(g, t); carbon[t] += Σ e × factor(g, t) × κ(g)   (Σ in group order)
  for (let t = 1; t < n; t++) {
    let energy0 = 0, cost0 = 0, carbon0 = 0; // status-quo
    let energy1 = 0, cost1 = 0, carbon1 = 0; // insulation
    let energy2 = 0, cost2 = 0, carbon2 = 0; // gtb
    let energy3 = 0, cost3 = 0, carbon3 = 0; // metering-thermostats
    let energy4 = 0, cost4 = 0, carbon4 = 0; // insulation-gtb
    for (let g = 0; g < G; g++) {
      const multiplier = useYear[USE_ROW_LENGTH * t + groupUseRow[g]];
      const at = 3 * (CARRIERS.length * t + groupCarrier[g]);
      const price = carrierYear[at];
      const factor = carrierYear[at + 1];
      const basis = carrierYear[at + 2];
      // Eq. 7, then Eq. 8, for each variant.
      let e = kwh[g] * multiplier;
      energy0 += e; cost0 += e * price; carbon0 += e * factor * basis;
      e = kwh[G + g] * multiplier;
      energy1 += e; cost1 += e * price; carbon1 += e * factor * basis;
      e = kwh[2 * G + g] * multiplier;
      energy2 += e; cost2 += e * price; carbon2 += e * factor * basis;
      e = kwh[3 * G + g] * multiplier;
      energy3 += e; cost3 += e * price; carbon3 += e * factor * basis;
      e = kwh[4 * G + g] * multiplier;
      energy4 += e; cost4 += e * price; carbon4 += e * factor * basis;
    }
    statusQuo.energyKwh[t] += energy0; statusQuo.energyCostEur[t] += cost0; statusQuo.useKgCo2e[t] += carbon0;
    insulation.energyKwh[t] += energy1; insulation.energyCostEur[t] += cost1; insulation.useKgCo2e[t] += carbon1;
    gtb.energyKwh[t] += energy2; gtb.energyCostEur[t] += cost2; gtb.useKgCo2e[t] += carbon2;
    metering.energyKwh[t] += energy3; metering.energyCostEur[t] += cost3; metering.useKgCo2e[t] += carbon3;
    insulationGtb.energyKwh[t] += energy4; insulationGtb.energyCostEur[t] += cost4; insulationGtb.useKgCo2e[t] += carbon4;
  }
}

/** Eq. 10: the GTB works of `m2` upgraded square metres at the `costName` price, added into `into` (zeros). */
function gtbWorksFleet(
  input: ModelInput<Inventory>,
  m2: number,
  costName: 'gtbCostClassBEurPerM2' | 'gtbCostClassAEurPerM2',
  costTrend: Float64Array,
  embodiedTrend: Float64Array,
  into: FleetFlows,
): void {
  const { axis, p } = input;
  addWorksFleet(axis, m2, positive(p, 'gtbLifetimeYears'), param(p, costName), param(p, 'gtbEmbodiedKgCo2ePerM2'), 0, costTrend, embodiedTrend, into);
}

/**
 * The fleet spec of the works (Eq. 10), one object for every call, of the shape every model passes to
 * addEquipmentFleet (reusableFleetSpec). Work space: every field is set before each use and the scenario's series
 * are let go after it, so nothing is kept from one call to the next.
 */
const SCRATCH_WORKS: FleetSpec = reusableFleetSpec();

/**
 * Eq. 10: `count` units of works [m²] bought in the investment year (index 0) and renewed every `lifetimeYears`,
 * at `unitCostEur` × `costTrend` [EUR/m²], with `unitEmbodiedKgCo2e` (× `embodiedTrend` when given) and
 * `unitEndOfLifeKgCo2e` [kgCO2e/m²], added into `into` (zeros) by addEquipmentFleet.
 */
function addWorksFleet(
  axis: YearAxis,
  count: number,
  lifetimeYears: number,
  unitCostEur: number,
  unitEmbodiedKgCo2e: number,
  unitEndOfLifeKgCo2e: number,
  costTrend: Float64Array,
  embodiedTrend: Float64Array | undefined,
  into: FleetFlows,
): void {
  const spec = SCRATCH_WORKS;
  spec.count = count;
  spec.lifetimeYears = lifetimeYears;
  spec.unitCostEur = unitCostEur;
  spec.unitEmbodiedKgCo2e = unitEmbodiedKgCo2e;
  spec.unitEndOfLifeKgCo2e = unitEndOfLifeKgCo2e;
  spec.firstPurchaseIndex = 0;
  spec.ageYears = 0;
  spec.replacementShare = 1;
  spec.costTrend = costTrend;
  spec.embodiedTrend = embodiedTrend;
  addEquipmentFleet(axis, spec, into);
  spec.costTrend = undefined;
  spec.embodiedTrend = undefined;
}

/**
 * Yearly final energy of each building under a variant, for the décret tertiaire check (Eq. 7 plus the power of
 * the variant's devices in the building). For an entry with `count` > 1 the series is that of ONE of its buildings. By default the climate factor is left at 1 (`climateNormalised`), as
 * OPERAT compares weather-corrected consumption; the setpoint effect stays.
 * @returns series on the axis by building id [kWh]; index 0 is 0
 * @example buildingEnergyKwhByYear(input, 'gtb')['mairie'][1] // 158940 + controller power for the hand-worked office
 */
export function buildingEnergyKwhByYear(
  input: ModelInput<Inventory>,
  variant: VariantId,
  options: { climateNormalised?: boolean } = {},
): Record<string, Float64Array> {
  const { axis, p, s, inventory } = input;
  const n = axis.length;
  const hdd = series(s, 'heatingDegreeDaysFactor', n);
  const cdd = series(s, 'coolingDegreeDaysFactor', n);
  const setpointC = series(s, 'heatingSetpointC', n);
  const k = setpointSensitivity(p);
  const climateNormalised = options.climateNormalised ?? true;
  const out: Record<string, Float64Array> = {};
  for (const b of inventory.buildings) {
    const kwh = new Float64Array(n);
    const saving = savingsByUse(variant, b, p);
    for (const line of b.energy) {
      const keep = 1 - saving[line.use];
      for (let t = 1; t < n; t++) {
        const multiplier = climateNormalised
          ? yearMultiplier(line.use, 1, 1, setpointC[t], k)
          : yearMultiplier(line.use, hdd[t], cdd[t], setpointC[t], k);
        kwh[t] += line.kwhPerYear * multiplier * keep;
      }
    }
    const counts = deviceCounts(variant, b, p);
    let deviceKwh = 0;
    for (const d of DEVICES) if (counts[d] > 0) deviceKwh += counts[d] * devicePowerKwhPerYear(param(p, `${d}PowerW`));
    for (let t = 1; t < n; t++) kwh[t] += deviceKwh;
    out[b.id] = kwh;
  }
  return out;
}

export const model: ModelDefinition<Inventory> = {
  id: 'buildings',
  name: { fr: 'Rénovation énergétique des bâtiments publics', en: 'Energy retrofit of public buildings' },
  variants: [
    {
      id: 'status-quo',
      kind: 'statusQuo',
      name: { fr: 'Statu quo', en: 'Status quo' },
      description: {
        fr: 'Les bâtiments restent en l’état ; la consommation suit le climat et la température de consigne du scénario.',
        en: 'Buildings stay as they are; consumption follows the scenario’s climate and heating setpoint.',
      },
    },
    {
      id: 'insulation',
      kind: 'alternative',
      name: { fr: 'Isolation de l’enveloppe', en: 'Envelope insulation' },
      description: {
        fr: 'Travaux d’isolation (murs, toiture, menuiseries) qui réduisent le besoin de chauffage ; sans numérique.',
        en: 'Insulation works (walls, roof, windows) that cut the heating need; no digital layer.',
      },
    },
    {
      id: 'gtb',
      kind: 'digital',
      name: { fr: 'GTB / BACS (classe B ou A)', en: 'BACS / building automation (class B or A)' },
      description: {
        fr: 'Gestion technique du bâtiment portée en classe B (ou A) de la norme NF EN ISO 52120-1 ; économies selon les facteurs d’efficacité BAC de l’EN 15232.',
        en: 'Building automation raised to class B (or A) of NF EN ISO 52120-1; savings from the EN 15232 BAC efficiency factors.',
      },
    },
    {
      id: 'metering-thermostats',
      kind: 'digital',
      name: { fr: 'Sous-comptage et thermostats connectés', en: 'Sub-metering and smart thermostats' },
      description: {
        fr: 'Sous-compteurs communicants dans chaque bâtiment et un thermostat connecté par pièce ou zone.',
        en: 'Communicating sub-meters in every building and a smart thermostat per room or zone.',
      },
    },
    {
      id: 'insulation-gtb',
      kind: 'digital',
      name: { fr: 'Isolation + GTB', en: 'Insulation + building automation' },
      description: {
        fr: 'Travaux d’isolation et GTB ensemble ; les économies se multiplient (la GTB agit sur le besoin restant), elles ne s’additionnent pas.',
        en: 'Insulation works and building automation together; savings multiply (automation acts on the remaining need), they do not add up.',
      },
    },
  ],
  inventorySchema,
  scenarioSeries: SCENARIO_SERIES,
  simulate: simulateVariants,
  describeInventory(inventory) {
    return {
      quantity: inventory.buildings.reduce((sum, b) => sum + (b.count ?? 1) * b.floorAreaM2, 0),
      unit: { fr: 'm² de surface chauffée', en: 'm² of heated floor area' },
    };
  },
};
