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
import { addDeviceFleet, deviceFleet } from '../digital/model.js';
import { z } from 'zod';
import { argumentError, assertFinite } from '../../src/core/errors.js';
import { emptyFleet, equipmentFleetInto } from '../../src/core/equipment.js';
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
  if (bacsClass === 'C') return 1;
  // The name is `bac${Thermal|Electric}Factor${ACTIVITY_KEY[activity]}${bacsClass}`, from a table built once.
  return positive(p, BAC_FACTOR_NAME[kind][activity][bacsClass]);
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
  return (1 - a) * bacFactor(p, kind, activity, 'B') + a * bacFactor(p, kind, activity, 'A');
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
    remaining *= 1 - f;
  }
  return 1 - remaining;
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
  for (const use of ENERGY_USES) {
    const kind = BAC_FACTOR_KIND[use];
    const saving = bacSavingFraction(targetBacFactor(p, kind, building.activity), bacFactor(p, kind, building.activity, cls));
    out[use] = use === 'other' ? saving * otherShare : saving;
  }
  return out;
}

/**
 * Eq. 6: saved share of each use of a building under a variant (0 for the status quo).
 * @example savingsByUse('insulation', building, p).heating // 0.40 with the defaults
 */
export function savingsByUse(variant: VariantId, building: Pick<Building, 'activity' | 'bacsClass'>, p: ParameterValues): Record<EnergyUse, number> {
  const none: Record<EnergyUse, number> = { heating: 0, hotWater: 0, cooling: 0, lighting: 0, other: 0 };
  switch (variant) {
    case 'status-quo':
      return none;
    case 'insulation':
      return { ...none, heating: fraction(p, 'insulationHeatingSavingFraction') };
    case 'gtb':
      return gtbSavingsByUse(building, p);
    case 'metering-thermostats': {
      const meter = fraction(p, 'subMeteringSavingFraction');
      const thermostat = fraction(p, 'thermostatHeatingSavingFraction');
      const out = {} as Record<EnergyUse, number>;
      for (const use of ENERGY_USES) out[use] = combineSavings(use === 'heating' ? [thermostat, meter] : [meter]);
      return out;
    }
    case 'insulation-gtb': {
      const gtb = gtbSavingsByUse(building, p);
      const ins = fraction(p, 'insulationHeatingSavingFraction');
      const out = {} as Record<EnergyUse, number>;
      for (const use of ENERGY_USES) out[use] = combineSavings(use === 'heating' ? [ins, gtb[use]] : [gtb[use]]);
      return out;
    }
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
  return { classB: rank > 1 ? 1 - a : 0, classA: rank > 0 ? a : 0 };
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
    out.gtbController = (classB + classA) * Math.max(1, building.floorAreaM2 / positive(p, 'gtbControllerFloorAreaM2PerUnit'));
  }
  if (variant === 'metering-thermostats') {
    out.subMeter = param(p, 'subMetersPerBuilding');
    out.smartThermostat = Math.max(1, building.floorAreaM2 / positive(p, 'smartThermostatFloorAreaM2PerUnit'));
  }
  return out;
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

interface Context {
  axis: YearAxis;
  p: ParameterValues;
  hdd: Float64Array;
  cdd: Float64Array;
  setpointC: Float64Array;
  setpointSensitivity: number;
  /** The scenario trajectories, for the catalogue device helpers. */
  s: ScenarioSeries;
  price: Record<Carrier, Float64Array>;
  factor: Record<Carrier, Float64Array>;
  /** yearMultiplier(ctx, use, t) for every use and year, computed once per simulation (index 0 unused). */
  multiplier: Record<EnergyUse, Float64Array>;
}

function context(axis: YearAxis, p: ParameterValues, s: ScenarioSeries): Context {
  const n = axis.length;
  const price = {} as Record<Carrier, Float64Array>;
  const factor = {} as Record<Carrier, Float64Array>;
  for (const c of CARRIERS) {
    price[c] = series(s, CARRIER_SERIES[c].price, n);
    factor[c] = series(s, CARRIER_SERIES[c].factor, n);
  }
  const setpointSensitivity = param(p, 'heatingSetpointSensitivityPerDegC');
  if (setpointSensitivity < 0) {
    throw argumentError('buildings', 'parameter heatingSetpointSensitivityPerDegC', 'a number ≥ 0', setpointSensitivity);
  }
  const ctx: Context = {
    axis,
    p,
    hdd: series(s, 'heatingDegreeDaysFactor', n),
    cdd: series(s, 'coolingDegreeDaysFactor', n),
    setpointC: series(s, 'heatingSetpointC', n),
    setpointSensitivity,
    s,
    price,
    factor,
    multiplier: {} as Record<EnergyUse, Float64Array>,
  };
  const buffer = new ArrayBuffer(ENERGY_USES.length * n * Float64Array.BYTES_PER_ELEMENT);
  ENERGY_USES.forEach((use, i) => {
    const m = new Float64Array(buffer, i * n * Float64Array.BYTES_PER_ELEMENT, n);
    for (let t = 1; t < n; t++) m[t] = yearMultiplier(ctx, use, t);
    ctx.multiplier[use] = m;
  });
  return ctx;
}

/** Eq. 1 × Eq. 2 for a use in year t (climate left at 1 when `climateNormalised`). */
function yearMultiplier(ctx: Context, use: EnergyUse, t: number, climateNormalised = false): number {
  const climate = climateNormalised ? 1 : climateFactor(use, ctx.hdd[t], ctx.cdd[t]);
  return climate * setpointFactor(use, ctx.setpointC[t], ctx.setpointSensitivity);
}

function simulateVariant(variant: VariantId, ctx: Context, inventory: Inventory, trends: { cost: Float64Array; embodied: Float64Array; works: Float64Array }): VariantFlows {
  const { axis, p, s } = ctx;
  const n = axis.length;
  const flows = emptyFlows(axis);
  const fleetScratch = emptyFleet(n); // one fleet at a time, added into flows before the next
  const devices: Record<Device, number> = { gtbController: 0, subMeter: 0, smartThermostat: 0 };
  let insulationM2 = 0;
  let gtbClassBM2 = 0;
  let gtbClassAM2 = 0;

  for (const b of inventory.buildings) {
    const copies = b.count ?? 1;
    const saving = savingsByUse(variant, b, p);
    for (const line of b.energy) {
      const price = ctx.price[line.carrier];
      const factor = ctx.factor[line.carrier];
      // Eq. 8: gas consumption is in kWh PCS (as billed), its factor per kWh PCI.
      const factorBasis = line.carrier === 'gas' ? param(p, 'gasPciPerPcsRatio') : 1;
      const keep = 1 - saving[line.use];
      const multiplier = ctx.multiplier[line.use]; // yearMultiplier(ctx, line.use, t)
      const base = copies * line.kwhPerYear;
      const { energyKwh, energyCostEur, useKgCo2e } = flows;
      for (let t = 1; t < n; t++) {
        const kwh = base * multiplier[t] * keep; // Eq. 7: copies × kWh/yr × yearMultiplier × (1 − saving)
        energyKwh[t] += kwh;
        energyCostEur[t] += kwh * price[t]; // Eq. 8
        useKgCo2e[t] += kwh * factor[t] * factorBasis;
      }
    }
    const counts = deviceCounts(variant, b, p);
    for (const d of DEVICES) devices[d] += copies * counts[d];
    if (usesInsulation(variant)) insulationM2 += copies * b.floorAreaM2;
    if (usesGtb(variant)) {
      const shares = gtbUpgradeShares(b, p);
      gtbClassBM2 += copies * shares.classB * b.floorAreaM2;
      gtbClassAM2 += copies * shares.classA * b.floorAreaM2;
    }
  }

  // Eq. 10: envelope works, a long-lived non-digital fleet priced with the works cost trend.
  if (insulationM2 > 0) {
    const fleet = equipmentFleetInto(
      axis,
      {
        count: insulationM2,
        lifetimeYears: positive(p, 'insulationLifetimeYears'),
        unitCostEur: param(p, 'insulationCostEurPerM2'),
        unitEmbodiedKgCo2e: param(p, 'insulationEmbodiedKgCo2ePerM2'),
        unitEndOfLifeKgCo2e: param(p, 'insulationEndOfLifeKgCo2ePerM2'),
        firstPurchaseIndex: 0,
        costTrend: trends.works,
      },
      fleetScratch,
    );
    addFleet(flows, fleet, false);
  }

  // Eq. 10: GTB works (class B and class A parts), digital, with the digital cost and embodied trends.
  const gtbM2 = gtbClassBM2 + gtbClassAM2;
  if (gtbM2 > 0) {
    for (const [m2, costName] of [
      [gtbClassBM2, 'gtbCostClassBEurPerM2'],
      [gtbClassAM2, 'gtbCostClassAEurPerM2'],
    ] as const) {
      if (m2 <= 0) continue;
      const fleet = equipmentFleetInto(
        axis,
        {
          count: m2,
          lifetimeYears: positive(p, 'gtbLifetimeYears'),
          unitCostEur: param(p, costName),
          unitEmbodiedKgCo2e: param(p, 'gtbEmbodiedKgCo2ePerM2'),
          firstPurchaseIndex: 0,
          costTrend: trends.cost,
          embodiedTrend: trends.embodied,
        },
        fleetScratch,
      );
      addFleet(flows, fleet, true);
    }
    const operation = param(p, 'gtbOperationEurPerM2PerYear');
    for (let t = 1; t < n; t++) flows.opexEur[t] += gtbM2 * operation;
  }

  // Eq. 9: catalogue devices: fleet, power draw, maintenance, data — through the shared catalogue helpers
  // (models/digital), which also count the connected devices and their data for the shared network.
  for (const d of DEVICES) {
    const count = devices[d];
    if (count > 0) addDeviceFleet(flows, s, deviceFleet(axis, p, s, d, count));
  }
  const connected = flows.connectedDevices ?? 0;
  const dataMb = flows.dataMbPerYear ?? 0;

  for (const [name, values] of Object.entries(flows)) {
    if (values instanceof Float64Array) assertFinite(`buildings/${variant}`, name, values);
  }
  if (!Number.isFinite(connected) || !Number.isFinite(dataMb)) {
    throw new Error(`buildings/${variant}: connectedDevices or dataMbPerYear is not finite; models must return finite values`);
  }
  return flows;
}

function trendSeries(s: ScenarioSeries, n: number): { cost: Float64Array; embodied: Float64Array; works: Float64Array } {
  return {
    cost: series(s, 'digitalCostFactor', n),
    embodied: series(s, 'digitalEmbodiedFactor', n),
    works: series(s, 'worksCostFactor', n),
  };
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
  const ctx = context(axis, p, s);
  const climateNormalised = options.climateNormalised ?? true;
  const out: Record<string, Float64Array> = {};
  for (const b of inventory.buildings) {
    const kwh = new Float64Array(axis.length);
    const saving = savingsByUse(variant, b, p);
    for (const line of b.energy) {
      const keep = 1 - saving[line.use];
      for (let t = 1; t < axis.length; t++) kwh[t] += line.kwhPerYear * yearMultiplier(ctx, line.use, t, climateNormalised) * keep;
    }
    const counts = deviceCounts(variant, b, p);
    let deviceKwh = 0;
    for (const d of DEVICES) if (counts[d] > 0) deviceKwh += counts[d] * devicePowerKwhPerYear(param(p, `${d}PowerW`));
    for (let t = 1; t < axis.length; t++) kwh[t] += deviceKwh;
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
  simulate({ axis, p, s, inventory }) {
    const ctx = context(axis, p, s);
    const trends = trendSeries(s, axis.length);
    const out: Record<string, VariantFlows> = {};
    for (const v of VARIANT_IDS) out[v] = simulateVariant(v, ctx, inventory, trends);
    return out;
  },
  describeInventory(inventory) {
    return {
      quantity: inventory.buildings.reduce((sum, b) => sum + (b.count ?? 1) * b.floorAreaM2, 0),
      unit: { fr: 'm² de surface chauffée', en: 'm² of heated floor area' },
    };
  },
};
