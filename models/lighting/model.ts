/**
 * Public lighting (éclairage public): energy, costs and lifecycle carbon of a commune's street-lighting fleet
 * under six variants: keep the existing lamps (status quo), LED retrofit, LED dimmed in the middle of the night by a
 * profile stored in each driver (no communication), LED + clock switch-off in the middle of the night, LED +
 * point-to-point télégestion (one node per luminaire: dimming profile and presence detection), LED + cabinet-level
 * remote control (switch-off and uniform dimming schedules).
 *
 * Equations (numbering shared with README.md):
 * - Eq. 1 — lit hours per night: n(t) = annualHours × lightingHoursFactor[t] / 365 [h/night].
 * - Eq. 2 — lit hours per year after the night switch-off of s_off hours:
 *   H(t) = 365 × max(0, n(t) − s_off) [h/yr], i.e. annualHours × lightingHoursFactor[t] − 365 × s_off, floored at 0.
 * - Eq. 3 — dimmed hours per year: the dimming window (d hours per night, in the middle of the night) contains the
 *   switch-off window, so D(t) = 365 × max(0, min(d, n(t)) − s_off) [h/yr] (never more than H(t)).
 * - Eq. 4 — dimming saving: share of lit hours dimmed × dimming depth, D/H × depth [fraction]. It assumes that the
 *   electrical power of an LED driver falls roughly in proportion to the light output (assumption, see below).
 * - Eq. 5 — presence-detection saving: share of luminaires with detectors × share of their lit hours at low level
 *   × depth of the low level [fraction].
 * - Eq. 6 — combined control saving: 1 − (1 − dimming) × (1 − presence) [fraction]; presence detection acts on
 *   the already dimmed profile.
 * - Eq. 7 — LED power of a retrofitted luminaire: P_LED = P × ledPowerFraction [W].
 * - Eq. 8 — lighting energy: E(t) = Σ_groups count × P/1000 × H(t) × (1 − saving) [kWh/yr].
 * - Eq. 9 — control devices (one luminaireNode per renovated luminaire, or one cabinetController per controlled
 *   cabinet) through models/digital's `deviceFleet` (its Eq. 1–4): purchase at index 0 × digitalCostFactor,
 *   embodied × digitalEmbodiedFactor, power drawn 24 h a day E_dev = units × P_dev × 8,760 / 1,000 [kWh/yr], device
 *   maintenance; all their carbon counts as digital; connectedDevices = units, dataMbPerYear = units × data/unit.
 * - Eq. 10 — energy cost = kWh × electricityPriceEurPerKwh[t]; use-phase carbon = kWh × gridFactorKgCo2ePerKwh[t].
 * - Eq. 11 — maintenance: luminaires × maintenance per luminaire per year (traditional for discharge lamps, LED
 *   for LED, reduced by telemanagementMaintenanceSavingFraction with per-luminaire nodes) + devices × their
 *   maintenance [EUR/yr].
 * - Eq. 12 — cabinets controlled (clock or controller): cabinets × non-LED luminaires / all luminaires (existing
 *   LED luminaires are assumed spread over the cabinets in proportion).
 * Equipment (lamps, LED luminaires, clocks, nodes, cabinet controllers) goes through `equipmentFleet`: purchase
 * at index 0 (LED cost × ledCostFactor at purchase; devices × digitalCostFactor, their embodied carbon ×
 * digitalEmbodiedFactor), replacement at end of life, residual value, embodied and end-of-life carbon. Relamping in
 * the status quo is a lamp fleet split into as many yearly cohorts as the lamp lifetime in years (lamps of
 * unknown age, replaced in staggered group-relamping campaigns). Groups that share a schedule (existing LED
 * luminaires of the same age, lamps of the same lifetime, the luminaires renovated at index 0) are pooled into one
 * fleet of their summed count, and the groups of a variant, which share its lighting profile, into one power in
 * Eq. 8: a fleet is proportional to its count and Eq. 8 to the power, so only rounding differs (≈1e-16
 * relative) from a group-by-group computation. Running flows start at index 1.
 *
 * Variant rules: groups whose type is `led` are kept as they are in every variant (same energy, maintenance and
 * end-of-life replacement everywhere; no node, no control). The switch-off already practised
 * (`currentSwitchOffHoursPerNight`) applies in every variant; the clock and cabinet variants switch off
 * max(current, switchOffHoursPerNight). Pairs that isolate the digital layer: `led-dimming` ↔
 * `led-telemanagement-node` (all-night lighting, the same dimming: the nodes add presence detection, fault
 * reporting and remote changes of the profile), `led-clock-switch-off` ↔ `led-telemanagement-cabinet` (switch-off,
 * plus dimming). The engine compares each digital variant with the best non-digital one as well.
 *
 * References:
 * [1] ADEME, éclairage public data 2010 (≈9 M points, 1,260 MW, 3,500–4,300 h/yr), via Citylone,
 *     https://citylone.com/la-societe/eclairage-public — and ../shared/reference/parameters.md §5a.
 * [2] Commune de Cluny, Schéma directeur d'aménagement lumière: 815 luminaires, 33 cabinets, 4,100 h/yr of
 *     operation, http://www.cluny.fr/sdal
 * [3] Syndicat de l'éclairage (2024): LED retrofit saves 50–80 %; Fonds vert 2023: 23.5 % of 10,689 funded
 *     projects were lighting renovations. La Gazette des communes, https://www.lagazettedescommunes.com/932530/
 * [4] Marcoussis (Essonne): 1,900 points to LED for €2 M (≈€1,050/point), −77 % energy; "J'allume ma rue":
 *     ≈€800 per cabinet, a commune of 4,500 inhabitants saves ≈€13 k/yr. TF1 JT 20h, "Éclairage public : ces
 *     villes qui économisent", https://www.tf1.fr/tf1/jt-20h/videos/eclairage-public-ces-villes-qui-economisent-96522652.html
 * [5] Miribel: 125 W mercury → 70 W LED, 50 % dimming for 7 h/night, −65 % energy. placedupro.com (Selux),
 *     https://placedupro.com/articles/1718/comment-reduire-vos-factures-
 * [6] Vaucresson: 1,177 remote-managed LED lanterns, −46 % electricity. https://www.myleniumcoda.eu/2017/02/18/
 * [7] Enedis, Dec 2022: −20 % of public-lighting consumption between midnight and 4 am (night switch-off), via
 *     https://www.mieuxvivre-votreargent.fr/
 * [8] Maintenance ≈€45/luminaire/yr for traditional lamps, ledebatmde.org (blog, low confidence).
 * [9] Mercury-vapour lamps no longer placed on the market since 13 April 2015 (EU ecodesign rules), Journal des
 *     communes, https://journal-des-communes.fr/lampes-a-vapeur-de-mercure-extinction-des-feux
 * [10] Most LED luminaires sold are dimmable without communication: Prismes, "Éclairage intelligent : quelles
 *     économies peut-on espérer ?", https://www.prismes-editions.info/
 *
 * Assumptions (see parameters.yaml for values, notes and ranges):
 * - LED driver power is proportional to light output when dimmed (constant driver efficiency); real drivers lose
 *   some efficiency at low output, so dimming savings are an upper estimate.
 * - Presence detection is modelled as an average low-level share of hours; it acts multiplicatively on the
 *   dimmed profile.
 * - The status quo keeps the existing luminaires over the horizon and only relamps them; their eventual
 *   renewal (e.g. mercury lamps no longer sold since 2015 [9]) is outside the comparison.
 * - `led` does not dim; `led-dimming` dims as the telemanagement nodes do (same window and depth), from a profile
 *   stored in each luminaire's driver, which most LED luminaires sold allow without communication [10]. Its
 *   profile is fixed at installation (changing it means a visit to each luminaire, not modelled).
 * - Retrofit works (removal, disposal, installation) are in the LED luminaire cost; the disposal's carbon is
 *   booked at index 0.
 * - Existing LED luminaires of unknown age are taken at mid-life (half the LED lifetime).
 * - Shared gateways, network and platform are added by the engine from `connectedDevices` and `dataMbPerYear`.
 */
import { z } from 'zod';
import { InventoryCache } from '../../src/core/inventoryCache.js';
import { addEquipmentFleet, emptyFleet, reusableFleetSpec, type FleetFlows, type FleetSpec } from '../../src/core/equipment.js';
import { argumentError } from '../../src/core/errors.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import { addDevices } from '../digital/model.js';
import {
  addFleet,
  emptyFlows,
  type ModelDefinition,
  type ModelInput,
  type ScenarioSeries,
  type VariantDefinition,
  type VariantFlows,
} from '../../src/evaluate/model.js';

// ---------------------------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------------------------

/** One group of identical luminaires (same technology and power). */
export const luminaireGroupSchema = z
  .object({
    id: z.string().min(1).optional().meta({ description: 'Name of the group (street, district, cabinet), for reports' }),
    type: z.string().min(1).meta({
      description:
        "Lamp technology label, e.g. 'sodium-hp', 'mercury', 'metal-halide', 'led'. Groups of type 'led' are kept as they are in every variant",
    }),
    count: z.number().int().positive().meta({ description: 'Number of luminaires (light points) in the group [luminaires]' }),
    powerW: z
      .number()
      .positive()
      .max(5000)
      .meta({ description: 'Electrical power of one luminaire, ballast or driver included [W]' }),
    ageYears: z.number().nonnegative().max(100).optional().meta({
      description:
        'Age of the luminaires [years]. Used for LED groups to time their replacement (default: half the LED lifetime); informative for other types, whose luminaires the status quo keeps',
    }),
    lampLifetimeYears: z.number().positive().max(30).optional().meta({
      description: 'Years between two relampings of this group in the status quo [years] (default: parameter lampLifetimeYears)',
    }),
  })
  .strict();

/** Inventory of a territory's public lighting. */
export const inventorySchema = z
  .object({
    luminaires: z.array(luminaireGroupSchema).min(1).meta({ description: 'Groups of luminaires; at least one' }),
    cabinets: z.number().int().positive().meta({ description: 'Number of lighting cabinets (armoires de commande) [cabinets]' }),
    annualHours: z.number().positive().max(8760).optional().meta({
      description: 'Operating hours per year without switch-off [h/yr]; overrides the parameter operatingHoursPerYear',
    }),
    currentSwitchOffHoursPerNight: z.number().min(0).max(24).optional().meta({
      description: 'Night switch-off already practised, in every variant [h/night] (default 0)',
    }),
  })
  .strict()
  .superRefine((inv, ctx) => {
    const seen = new Map<string, number>();
    inv.luminaires.forEach((g, i) => {
      if (g.id === undefined) return;
      const first = seen.get(g.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['luminaires', i, 'id'],
          message: `duplicate group id "${g.id}" (already used by luminaires[${first}]); give each group its own id`,
        });
      } else seen.set(g.id, i);
    });
    const total = inv.luminaires.reduce((a, g) => a + g.count, 0);
    if (inv.cabinets > total) {
      ctx.addIssue({
        code: 'custom',
        path: ['cabinets'],
        message: `${inv.cabinets} cabinets for ${total} luminaires: a cabinet serves at least one luminaire; check the counts`,
      });
    }
  });

export type LuminaireGroup = z.infer<typeof luminaireGroupSchema>;
export type Inventory = z.infer<typeof inventorySchema>;

// ---------------------------------------------------------------------------------------------------------------
// Equations
// ---------------------------------------------------------------------------------------------------------------

const DAYS_PER_YEAR = 365;

function checkFraction(fn: string, arg: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw argumentError(fn, arg, 'a fraction from 0 to 1', value);
}

function checkNonNegative(fn: string, arg: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw argumentError(fn, arg, 'a finite number ≥ 0', value);
}

/**
 * True for a group already fitted with LED luminaires (type `led`, any case, surrounding spaces ignored).
 * @example isLedType('LED') // true
 * @example isLedType('sodium-hp') // false
 */
export function isLedType(type: string): boolean {
  return type.trim().toLowerCase() === 'led';
}

/**
 * Eq. 1 — lit hours per night, all-night lighting.
 * @param annualHours operating hours per year without switch-off [h/yr]
 * @param hoursFactor scenario multiplier on lighting hours (lightingHoursFactor[t], 1 today) [fraction]
 * @returns hours lit per night [h/night]
 * @example nightlyLitHours(4015, 1) // 11
 */
export function nightlyLitHours(annualHours: number, hoursFactor: number): number {
  checkNonNegative('nightlyLitHours', 'annualHours', annualHours);
  checkNonNegative('nightlyLitHours', 'hoursFactor', hoursFactor);
  return nightlyLitHoursCore(annualHours, hoursFactor);
}

// The `…Core` functions below are the equations themselves, without argument checks: the exported functions check
// their arguments and call them; the simulation checks its scalars once per call (`profileSettings`) and calls
// them directly (one implementation of each equation).

/** Eq. 1, unchecked: (annualHours × hoursFactor) / 365 [h/night]. */
function nightlyLitHoursCore(annualHours: number, hoursFactor: number): number {
  return (annualHours * hoursFactor) / DAYS_PER_YEAR;
}

/** Eq. 2, unchecked, from the lit hours per night (Eq. 1): 365 × max(0, night − switchOff) [h/yr]. */
function litHoursCore(nightHours: number, switchOffHoursPerNight: number): number {
  return DAYS_PER_YEAR * Math.max(0, nightHours - switchOffHoursPerNight);
}

/** Eq. 3, unchecked, from the lit hours per night (Eq. 1): 365 × max(0, min(dimming, night) − switchOff) [h/yr]. */
function dimmedHoursCore(nightHours: number, dimmingHoursPerNight: number, switchOffHoursPerNight: number): number {
  return DAYS_PER_YEAR * Math.max(0, Math.min(dimmingHoursPerNight, nightHours) - switchOffHoursPerNight);
}

/** Eq. 4, unchecked: min(1, dimmed / lit) × depth, 0 when nothing is lit [fraction]. */
function dimmingSavingCore(dimmedHours: number, litHours: number, depth: number): number {
  if (litHours === 0) return 0;
  return Math.min(1, dimmedHours / litHours) * depth;
}

/** Eq. 6, unchecked: 1 − (1 − a) × (1 − b) [fraction]. */
function combinedSavingCore(a: number, b: number): number {
  return 1 - (1 - a) * (1 - b);
}

/** Eq. 7, unchecked: powerW × ledPowerFraction [W]. */
function ledPowerCore(powerW: number, ledPowerFraction: number): number {
  return powerW * ledPowerFraction;
}

/** Eq. 8, unchecked, first factor: power drawn by a group, count × P / 1000 [kW]. */
function groupPowerKwCore(count: number, powerW: number): number {
  return (count * powerW) / 1000;
}

/** Eq. 8, unchecked, from the group's power (`groupPowerKwCore`): kW × H × (1 − saving) [kWh/yr]. */
function lightingEnergyCore(powerKw: number, litHours: number, savingFraction: number): number {
  return powerKw * litHours * (1 - savingFraction);
}

/**
 * Eq. 2 — lit hours per year once `switchOffHoursPerNight` are switched off every night, floored at 0.
 * Equals annualHours × hoursFactor − 365 × switchOffHoursPerNight while that is positive.
 * @param annualHours operating hours per year without switch-off [h/yr]
 * @param hoursFactor scenario multiplier on lighting hours [fraction]
 * @param switchOffHoursPerNight hours switched off each night [h/night]
 * @returns lit hours per year [h/yr]
 * @example litHoursPerYear(4100, 1, 5) // 2275 (4,100 − 5 × 365)
 */
export function litHoursPerYear(annualHours: number, hoursFactor: number, switchOffHoursPerNight: number): number {
  checkNonNegative('litHoursPerYear', 'switchOffHoursPerNight', switchOffHoursPerNight);
  return litHoursCore(nightlyLitHours(annualHours, hoursFactor), switchOffHoursPerNight);
}

/**
 * Eq. 3 — dimmed hours per year. The dimming window (`dimmingHoursPerNight`, centred on the middle of the night)
 * contains the switch-off window, so only its part outside the switch-off is dimmed; it never exceeds Eq. 2.
 * @param annualHours operating hours per year without switch-off [h/yr]
 * @param hoursFactor scenario multiplier on lighting hours [fraction]
 * @param dimmingHoursPerNight length of the dimming window [h/night]
 * @param switchOffHoursPerNight hours switched off each night [h/night]
 * @returns dimmed lit hours per year [h/yr]
 * @example dimmedHoursPerYear(4100, 1, 7, 0) // 2555 (7 × 365)
 * @example dimmedHoursPerYear(4100, 1, 7, 5) // 730 (2 × 365)
 */
export function dimmedHoursPerYear(
  annualHours: number,
  hoursFactor: number,
  dimmingHoursPerNight: number,
  switchOffHoursPerNight: number,
): number {
  checkNonNegative('dimmedHoursPerYear', 'dimmingHoursPerNight', dimmingHoursPerNight);
  checkNonNegative('dimmedHoursPerYear', 'switchOffHoursPerNight', switchOffHoursPerNight);
  return dimmedHoursCore(nightlyLitHours(annualHours, hoursFactor), dimmingHoursPerNight, switchOffHoursPerNight);
}

/**
 * Eq. 4 — energy saving of a dimming profile: share of lit hours dimmed × dimming depth. Assumes the driver's
 * electrical power falls in proportion to the light output (an assumption, not a measured law).
 * @param dimmedHours dimmed hours per year (Eq. 3) [h/yr]
 * @param litHours lit hours per year (Eq. 2) [h/yr]
 * @param depth power reduction while dimmed (0.5 = half power) [fraction]
 * @returns saving on the lighting energy [fraction]; 0 when nothing is lit
 * @example dimmingSavingFraction(2555, 4088, 0.5) // 0.3125 (Miribel: 50 % for 7 h of an 11.2 h night)
 */
export function dimmingSavingFraction(dimmedHours: number, litHours: number, depth: number): number {
  checkNonNegative('dimmingSavingFraction', 'dimmedHours', dimmedHours);
  checkNonNegative('dimmingSavingFraction', 'litHours', litHours);
  checkFraction('dimmingSavingFraction', 'depth', depth);
  if (litHours !== 0 && dimmedHours > litHours * (1 + 1e-12)) {
    throw argumentError('dimmingSavingFraction', 'dimmedHours', `at most litHours (${litHours})`, dimmedHours);
  }
  return dimmingSavingCore(dimmedHours, litHours, depth);
}

/**
 * Eq. 5 — energy saving of presence detection: share of luminaires fitted × share of their lit hours at low level
 * × depth of the low level.
 * @param shareOfLuminaires luminaires fitted with presence detection [fraction]
 * @param shareOfHoursAtLowLevel lit hours with nobody detected, held at low level [fraction]
 * @param depth power reduction at low level (0.7 = 30 % of full power) [fraction]
 * @returns saving on the lighting energy of the fleet [fraction]
 * @example presenceSavingFraction(0.2, 0.6, 0.7) // 0.084
 */
export function presenceSavingFraction(shareOfLuminaires: number, shareOfHoursAtLowLevel: number, depth: number): number {
  checkFraction('presenceSavingFraction', 'shareOfLuminaires', shareOfLuminaires);
  checkFraction('presenceSavingFraction', 'shareOfHoursAtLowLevel', shareOfHoursAtLowLevel);
  checkFraction('presenceSavingFraction', 'depth', depth);
  return shareOfLuminaires * shareOfHoursAtLowLevel * depth;
}

/**
 * Eq. 6 — two savings applied one after the other: 1 − (1 − a) × (1 − b). Never above 1 when both are fractions.
 * @param a first saving, e.g. dimming [fraction]
 * @param b second saving, e.g. presence detection [fraction]
 * @returns combined saving [fraction]
 * @example combinedSavingFraction(0.3, 0.1) // 0.37
 */
export function combinedSavingFraction(a: number, b: number): number {
  checkFraction('combinedSavingFraction', 'a', a);
  checkFraction('combinedSavingFraction', 'b', b);
  return combinedSavingCore(a, b);
}

/**
 * Eq. 7 — power of the LED luminaire that replaces a discharge-lamp luminaire.
 * @param powerW power of the existing luminaire, ballast included [W]
 * @param ledPowerFraction LED power / old power [fraction]
 * @returns LED luminaire power, driver included [W]
 * @example ledPowerW(150, 0.4) // 60
 */
export function ledPowerW(powerW: number, ledPowerFraction: number): number {
  checkNonNegative('ledPowerW', 'powerW', powerW);
  checkNonNegative('ledPowerW', 'ledPowerFraction', ledPowerFraction);
  return ledPowerCore(powerW, ledPowerFraction);
}

/**
 * Eq. 8 — yearly lighting energy of a group: count × P/1000 × H × (1 − saving).
 * @param count luminaires [luminaires]
 * @param powerW power of one luminaire [W]
 * @param litHours lit hours per year (Eq. 2) [h/yr]
 * @param savingFraction control saving (Eq. 4–6), 0 for none [fraction]
 * @returns energy [kWh/yr]
 * @example lightingEnergyKwh(100, 150, 4000, 0) // 60000
 */
export function lightingEnergyKwh(count: number, powerW: number, litHours: number, savingFraction: number): number {
  checkNonNegative('lightingEnergyKwh', 'count', count);
  checkNonNegative('lightingEnergyKwh', 'powerW', powerW);
  checkNonNegative('lightingEnergyKwh', 'litHours', litHours);
  checkFraction('lightingEnergyKwh', 'savingFraction', savingFraction);
  return lightingEnergyCore(groupPowerKwCore(count, powerW), litHours, savingFraction);
}

/**
 * Eq. 12 — cabinets that switch or dim the luminaires being renovated, pro rata of the non-LED luminaires
 * (existing LED luminaires assumed spread over the cabinets in proportion).
 * @param cabinets lighting cabinets [cabinets]
 * @param renovatedCount non-LED luminaires [luminaires]
 * @param totalCount all luminaires [luminaires]
 * @returns cabinets to equip [cabinets] (may be fractional)
 * @example controlledCabinets(40, 900, 1000) // 36
 */
export function controlledCabinets(cabinets: number, renovatedCount: number, totalCount: number): number {
  checkNonNegative('controlledCabinets', 'cabinets', cabinets);
  if (!(totalCount > 0)) throw argumentError('controlledCabinets', 'totalCount', 'a number > 0', totalCount);
  if (!(renovatedCount >= 0 && renovatedCount <= totalCount)) {
    throw argumentError('controlledCabinets', 'renovatedCount', `from 0 to totalCount (${totalCount})`, renovatedCount);
  }
  return (cabinets * renovatedCount) / totalCount;
}

/** The one fleet spec of this module (`fleetSpec`). */
const SCRATCH_SPEC = reusableFleetSpec();

/**
 * The one fleet spec of this module, overwritten by each call: every field lighting varies is set (`replacementShare`
 * and `embodiedTrend` keep the defaults of `reusableFleetSpec`), so that `addEquipmentFleet` always reads the same
 * object shape, without an object per fleet; nothing in it is read after the equipment call it was set for.
 * Returns it.
 */
function fleetSpec(
  count: number,
  lifetimeYears: number,
  unitCostEur: number,
  unitEmbodiedKgCo2e: number,
  unitEndOfLifeKgCo2e: number,
  firstPurchaseIndex: number | null,
  ageYears: number,
  costTrend: Float64Array | undefined,
): FleetSpec {
  const spec = SCRATCH_SPEC;
  spec.count = count;
  spec.lifetimeYears = lifetimeYears;
  spec.unitCostEur = unitCostEur;
  spec.unitEmbodiedKgCo2e = unitEmbodiedKgCo2e;
  spec.unitEndOfLifeKgCo2e = unitEndOfLifeKgCo2e;
  spec.firstPurchaseIndex = firstPurchaseIndex;
  spec.ageYears = ageYears;
  spec.costTrend = costTrend;
  return spec;
}

/**
 * Relamping of a group of discharge-lamp luminaires of unknown lamp age: a lamp fleet split into
 * k = max(1, round(L)) cohorts of count/k lamps, aged 0, L/k, 2L/k … so that campaigns are staggered over the
 * cycle (≈ count/L lamps a year). Cost, manufacturing carbon and replacement timing come from `equipmentFleet`.
 * @param axis the appraisal axis
 * @param count luminaires (one lamp each) [luminaires]
 * @param lampLifetimeYears years between two relampings [years]
 * @param lampCostEur lamp plus its share of the relamping intervention, excl. VAT [EUR/lamp]
 * @param lampEmbodiedKgCo2e manufacturing of one lamp [kgCO2e/lamp]
 * @returns the fleet flows summed over the cohorts
 * @example
 * // 100 lamps, 4-year cycle, €60 each: 25 lamps (€1,500) relamped at indices 1, 2, 3, 4, 5, 6 …
 * relampingFleet(yearAxis(2026, 10), 100, 4, 60, 1).capexEur[1] // 1500
 */
export function relampingFleet(
  axis: YearAxis,
  count: number,
  lampLifetimeYears: number,
  lampCostEur: number,
  lampEmbodiedKgCo2e: number,
): FleetFlows {
  return addRelampingFleet(axis, count, lampLifetimeYears, lampCostEur, lampEmbodiedKgCo2e, emptyFleet(axis.length));
}

/**
 * `relampingFleet` added into `into`: each cohort is added by `addEquipmentFleet`, so that the lamp fleets of
 * several stocks (lamp lifetimes) add up in one fleet; the simulation passes a fleet from the arena. Returns `into`.
 */
function addRelampingFleet(
  axis: YearAxis,
  count: number,
  lampLifetimeYears: number,
  lampCostEur: number,
  lampEmbodiedKgCo2e: number,
  into: FleetFlows,
): FleetFlows {
  const cohorts = Math.max(1, Math.round(lampLifetimeYears));
  const spec = fleetSpec(count / cohorts, lampLifetimeYears, lampCostEur, lampEmbodiedKgCo2e, 0, null, 0, undefined);
  for (let k = 0; k < cohorts; k++) {
    spec.ageYears = (k * lampLifetimeYears) / cohorts;
    addEquipmentFleet(axis, spec, into);
  }
  return into;
}

// ---------------------------------------------------------------------------------------------------------------
// Variants
// ---------------------------------------------------------------------------------------------------------------

export const VARIANTS: VariantDefinition[] = [
  {
    id: 'status-quo',
    kind: 'statusQuo',
    name: { fr: 'Statu quo', en: 'Status quo' },
    description: {
      fr: 'Luminaires existants conservés : relamping périodique, maintenance traditionnelle, consommation actuelle.',
      en: 'Existing luminaires kept: periodic relamping, traditional maintenance, current consumption.',
    },
  },
  {
    id: 'led',
    kind: 'alternative',
    name: { fr: 'Rénovation LED', en: 'LED retrofit' },
    description: {
      fr: 'Remplacement des luminaires non LED par des luminaires LED dès la première année, éclairage toute la nuit.',
      en: 'Non-LED luminaires replaced by LED luminaires in the investment year, all-night lighting.',
    },
  },
  {
    id: 'led-dimming',
    kind: 'alternative',
    name: { fr: 'LED + abaissement autonome', en: 'LED + stand-alone dimming' },
    description: {
      fr: "Rénovation LED avec des luminaires programmés pour abaisser leur puissance en cœur de nuit (profil enregistré dans le driver, sans communication).",
      en: 'LED retrofit with luminaires programmed to dim in the middle of the night (a profile stored in the driver, no communication).',
    },
  },
  {
    id: 'led-clock-switch-off',
    kind: 'alternative',
    name: { fr: 'LED + extinction par horloge', en: 'LED + clock switch-off' },
    description: {
      fr: "Rénovation LED et horloge astronomique dans chaque armoire pour éteindre en cœur de nuit (sans communication).",
      en: 'LED retrofit and an astronomical clock in each cabinet to switch off in the middle of the night (no communication).',
    },
  },
  {
    id: 'led-telemanagement-node',
    kind: 'digital',
    name: { fr: 'LED + télégestion point à point', en: 'LED + point-to-point remote management' },
    description: {
      fr: "Rénovation LED et un nœud communicant par luminaire : abaissement de puissance en cœur de nuit, détection de présence sur une partie des rues, remontée des pannes.",
      en: 'LED retrofit and one communicating node per luminaire: dimming in the middle of the night, presence detection on part of the streets, fault reporting.',
    },
  },
  {
    id: 'led-telemanagement-cabinet',
    kind: 'digital',
    name: { fr: 'LED + télégestion des armoires', en: 'LED + remote cabinet control' },
    description: {
      fr: "Rénovation LED et un contrôleur communicant par armoire (type « J'allume ma rue ») : extinction en cœur de nuit pilotée à distance et abaissement uniforme.",
      en: "LED retrofit and one communicating controller per cabinet (as in \"J'allume ma rue\"): remotely managed night switch-off and uniform dimming.",
    },
  },
];

/** Scenario trajectories the model reads. */
export const SCENARIO_SERIES = [
  'gridFactorKgCo2ePerKwh',
  'electricityPriceEurPerKwh',
  'lightingHoursFactor',
  'ledCostFactor',
  'digitalCostFactor',
  'digitalEmbodiedFactor',
] as const;

/**
 * Parameters the model reads from its own parameters.yaml. The device figures (`luminaireNode*`,
 * `cabinetController*`) come from the shared catalogue (models/digital/parameters.yaml) and are checked there.
 */
export const PARAMETER_NAMES = [
  'operatingHoursPerYear',
  'ledPowerFraction',
  'ledLuminaireCostEur',
  'ledLuminaireLifetimeYears',
  'ledLuminaireEmbodiedKgCo2e',
  'ledLuminaireEndOfLifeKgCo2e',
  'oldLuminaireEndOfLifeKgCo2e',
  'lampCostEur',
  'lampLifetimeYears',
  'lampEmbodiedKgCo2e',
  'traditionalMaintenanceEurPerLuminairePerYear',
  'ledMaintenanceEurPerLuminairePerYear',
  'switchOffHoursPerNight',
  'clockSwitchOffCostEurPerCabinet',
  'clockLifetimeYears',
  'clockEmbodiedKgCo2e',
  'dimmingHoursPerNight',
  'dimmingDepthFraction',
  'dimmingDriverCostEurPerLuminaire',
  'presenceShareOfLuminaires',
  'presenceLowLevelShareOfHours',
  'presenceDepthFraction',
  'telemanagementMaintenanceSavingFraction',
] as const;

/** Throws, naming them, when parameters or scenario series the model reads are missing (no allocation otherwise). */
function checkInputs(axis: YearAxis, p: ParameterValues, s: ScenarioSeries): void {
  for (let i = 0; i < PARAMETER_NAMES.length; i++) {
    if (typeof p[PARAMETER_NAMES[i]] !== 'number') {
      const missing = PARAMETER_NAMES.filter((name) => typeof p[name] !== 'number');
      throw new Error(`lighting: missing parameter(s) ${missing.join(', ')}`);
    }
  }
  for (let i = 0; i < SCENARIO_SERIES.length; i++) {
    if (!isOnAxis(s[SCENARIO_SERIES[i]], axis)) {
      const missing = SCENARIO_SERIES.filter((name) => !isOnAxis(s[name], axis));
      throw new Error(`lighting: scenario series missing or not on the axis: ${missing.join(', ')}`);
    }
  }
}

/** True for a scenario series given as a `Float64Array` of the axis length. */
function isOnAxis(series: Float64Array | undefined, axis: YearAxis): boolean {
  return series instanceof Float64Array && series.length === axis.length;
}

/**
 * Luminaires pooled by the years that time their equipment (age of existing LED luminaires, lamp lifetime of the
 * others): the groups of a stock differ only by their count, and a fleet's flows are proportional to its count
 * (`equipmentFleet`: every term is count × a unit value), so one fleet of the stock's summed count stands for them.
 */
interface Stocks {
  /** Luminaires of each stock [luminaires]. */
  count: Float64Array;
  /** The years that define the stock, NaN where the groups leave them to the default (see `PreparedInventory`) [years]. */
  years: Float64Array;
}

/** What the simulation needs from an inventory, derived once per inventory object (immutable once validated). */
interface PreparedInventory {
  /** Existing LED luminaires (groups of type `led`, kept as they are in every variant) by `ageYears`; NaN: unknown, taken at mid-life. */
  ledByAge: Stocks;
  /** The other luminaires (relamped in the status quo, renovated elsewhere) by `lampLifetimeYears`; NaN: the parameter. */
  oldByLampLifetime: Stocks;
  /** Power of the existing LED luminaires, Σ count × powerW / 1000 over their groups (Eq. 8, first factor) [kW]. */
  ledPowerKw: number;
  /** Power of the other luminaires as they are, Σ count × powerW / 1000 over their groups [kW]. */
  oldPowerKw: number;
  /** Existing LED luminaires [luminaires]. */
  ledCount: number;
  /** All luminaires [luminaires]. */
  totalCount: number;
  /** Non-LED luminaires [luminaires]. */
  renovatedCount: number;
}

const preparedInventories = new InventoryCache<Inventory, PreparedInventory>();

/** The groups' counts summed by `yearsOf(group)` (undefined pooled as NaN), in order of first appearance. */
function stocks(groups: readonly LuminaireGroup[], yearsOf: (group: LuminaireGroup) => number | undefined): Stocks {
  const countByYears = new Map<number, number>();
  for (const group of groups) {
    const years = yearsOf(group) ?? NaN; // a Map matches NaN keys
    countByYears.set(years, (countByYears.get(years) ?? 0) + group.count);
  }
  return { count: Float64Array.from(countByYears.values()), years: Float64Array.from(countByYears.keys()) };
}

/** Σ count × powerW / 1000 over the groups (Eq. 8, first factor) [kW]. */
function powerKwOf(groups: readonly LuminaireGroup[]): number {
  return groups.reduce((a, g) => a + groupPowerKwCore(g.count, g.powerW), 0);
}

/** The inventory's groups split by technology and pooled (Eq. 8 arguments checked here, once). */
function prepareInventory(inventory: Inventory): PreparedInventory {
  let prepared = preparedInventories.get(inventory);
  if (prepared === undefined) {
    for (const group of inventory.luminaires) {
      checkNonNegative('lightingEnergyKwh', 'count', group.count);
      checkNonNegative('lightingEnergyKwh', 'powerW', group.powerW);
    }
    const ledGroups = inventory.luminaires.filter((g) => isLedType(g.type));
    const oldGroups = inventory.luminaires.filter((g) => !isLedType(g.type));
    prepared = {
      ledByAge: stocks(ledGroups, (g) => g.ageYears),
      oldByLampLifetime: stocks(oldGroups, (g) => g.lampLifetimeYears),
      ledPowerKw: powerKwOf(ledGroups),
      oldPowerKw: powerKwOf(oldGroups),
      ledCount: ledGroups.reduce((a, g) => a + g.count, 0),
      totalCount: inventory.luminaires.reduce((a, g) => a + g.count, 0),
      renovatedCount: oldGroups.reduce((a, g) => a + g.count, 0),
    };
    preparedInventories.set(inventory, prepared);
  }
  return prepared;
}

/**
 * Control saving of a lighting profile in one year (Eq. 3–6), from the lit hours per night (Eq. 1) and the lit
 * hours per year under that profile (Eq. 2): dimming of `dimmingHoursPerNight` at `dimmingDepth`, then presence
 * detection saving `presenceSaving`; 0 for a profile without control [fraction].
 */
function controlSavingCore(
  nightHours: number,
  litHours: number,
  switchOffHoursPerNight: number,
  dimmingHoursPerNight: number,
  dimmingDepth: number,
  presenceSaving: number,
): number {
  const dimmed = dimmedHoursCore(nightHours, dimmingHoursPerNight, switchOffHoursPerNight);
  return combinedSavingCore(dimmingSavingCore(dimmed, litHours, dimmingDepth), presenceSaving);
}

/**
 * The scalars of the lighting profiles (Eq. 1–6) in one call: operating hours [h/yr], the switch-off already
 * practised and the one of the clock and cabinet variants [h/night], the dimming window [h/night] and depth
 * [fraction], the presence-detection saving (Eq. 5) [fraction].
 */
interface ProfileSettings {
  annualHours: number;
  currentSwitchOffHoursPerNight: number;
  switchOffHoursPerNight: number;
  dimmingHoursPerNight: number;
  dimmingDepth: number;
  presenceSaving: number;
}

/**
 * Work space of `profileSettings`, overwritten by each call before it is read: nothing is kept from one call to the
 * next (Monte Carlo rewrites the parameters in place between calls). The simulation is synchronous, so one suffices.
 */
const SCRATCH_SETTINGS: ProfileSettings = {
  annualHours: 0,
  currentSwitchOffHoursPerNight: 0,
  switchOffHoursPerNight: 0,
  dimmingHoursPerNight: 0,
  dimmingDepth: 0,
  presenceSaving: 0,
};

/**
 * The profile scalars of a call from the parameters and the inventory, checked once (the exported equations check
 * the same arguments): `inventory.annualHours` overrides operatingHoursPerYear; the clock and cabinet variants switch
 * off max(current, switchOffHoursPerNight). Written into the module's work space, which it returns.
 */
function profileSettings(p: ParameterValues, inventory: Inventory): ProfileSettings {
  const out = SCRATCH_SETTINGS;
  out.annualHours = inventory.annualHours ?? p.operatingHoursPerYear;
  out.currentSwitchOffHoursPerNight = inventory.currentSwitchOffHoursPerNight ?? 0;
  out.switchOffHoursPerNight = Math.max(out.currentSwitchOffHoursPerNight, p.switchOffHoursPerNight);
  out.dimmingHoursPerNight = p.dimmingHoursPerNight;
  out.dimmingDepth = p.dimmingDepthFraction;
  checkNonNegative('nightlyLitHours', 'annualHours', out.annualHours);
  checkNonNegative('litHoursPerYear', 'switchOffHoursPerNight', out.currentSwitchOffHoursPerNight);
  checkNonNegative('litHoursPerYear', 'switchOffHoursPerNight', out.switchOffHoursPerNight);
  checkNonNegative('dimmedHoursPerYear', 'dimmingHoursPerNight', out.dimmingHoursPerNight);
  checkFraction('dimmingSavingFraction', 'depth', out.dimmingDepth);
  out.presenceSaving = presenceSavingFraction(p.presenceShareOfLuminaires, p.presenceLowLevelShareOfHours, p.presenceDepthFraction);
  return out;
}

/**
 * Control saving of a profile without dimming or presence detection [fraction]: Eq. 3–6 with no dimming window
 * (d = 0: nothing dimmed) and no presence detection give 0 (`controlSavingCore(night, lit, off, 0, 0, 0)`).
 */
const NO_CONTROL = 0;

/**
 * Lighting energy of the six variants with its cost and use-phase carbon (Eq. 1–8, 10), from index 1, written into
 * their `energyKwh`, `energyCostEur` and `useKgCo2e` (zeros until then: nothing else writes them before).
 *
 * Each year, the lit hours per night (Eq. 1) give the lit hours (Eq. 2) and control saving (Eq. 3–6) of five
 * profiles. All night: less the switch-off already practised, no control (status quo, `led`, and the existing LED
 * luminaires of every variant). Stand-alone dimming: all night, dimmed. Switched off: max(current,
 * switchOffHoursPerNight) (clock). Nodes: all night, dimmed, with presence detection. Cabinets: switched off, then
 * dimmed. The energy of a variant is that of the existing LED luminaires, as they are, all night (the same in every
 * variant), plus that of the other luminaires, as they are in the status quo (`oldPowerKw`), LED elsewhere
 * (`retrofitPowerKw`), under the variant's profile. The groups of a variant share its profile, so Eq. 8's sum over
 * groups is their summed power × H × (1 − saving). The scenario's hours factor is checked year by year.
 */
function addLightingEnergy(
  statusQuo: VariantFlows,
  led: VariantFlows,
  dim: VariantFlows,
  clock: VariantFlows,
  node: VariantFlows,
  cabinet: VariantFlows,
  s: ScenarioSeries,
  inventory: PreparedInventory,
  settings: ProfileSettings,
  retrofitPowerKw: number,
): void {
  const { annualHours, currentSwitchOffHoursPerNight: currentOff, switchOffHoursPerNight: switchOff } = settings;
  const { dimmingHoursPerNight: dimming, dimmingDepth: depth, presenceSaving } = settings;
  const { ledPowerKw, oldPowerKw } = inventory;
  const hoursFactor = s.lightingHoursFactor;
  const price = s.electricityPriceEurPerKwh;
  const grid = s.gridFactorKgCo2ePerKwh;
  // The series written, taken out of the flows records once (faster than through them in every year).
  const statusQuoKwh = statusQuo.energyKwh;
  const statusQuoEur = statusQuo.energyCostEur;
  const statusQuoKg = statusQuo.useKgCo2e;
  const ledKwh = led.energyKwh;
  const ledEur = led.energyCostEur;
  const ledKg = led.useKgCo2e;
  const dimKwh = dim.energyKwh;
  const dimEur = dim.energyCostEur;
  const dimKg = dim.useKgCo2e;
  const clockKwh = clock.energyKwh;
  const clockEur = clock.energyCostEur;
  const clockKg = clock.useKgCo2e;
  const nodeKwh = node.energyKwh;
  const nodeEur = node.energyCostEur;
  const nodeKg = node.useKgCo2e;
  const cabinetKwh = cabinet.energyKwh;
  const cabinetEur = cabinet.energyCostEur;
  const cabinetKg = cabinet.useKgCo2e;
  for (let t = 1; t < statusQuoKwh.length; t++) {
    // Eq. 1–6: the five profiles of the year.
    checkNonNegative('nightlyLitHours', 'hoursFactor', hoursFactor[t]);
    const night = nightlyLitHoursCore(annualHours, hoursFactor[t]);
    const allNightLit = litHoursCore(night, currentOff);
    const switchedOffLit = litHoursCore(night, switchOff);
    const dimSaving = controlSavingCore(night, allNightLit, currentOff, dimming, depth, 0);
    const nodeSaving = controlSavingCore(night, allNightLit, currentOff, dimming, depth, presenceSaving);
    const cabinetSaving = controlSavingCore(night, switchedOffLit, switchOff, dimming, depth, 0);
    // Eq. 8: energy of each variant [kWh]; Eq. 10: its cost [EUR] and use-phase carbon [kgCO2e].
    const existingLed = lightingEnergyCore(ledPowerKw, allNightLit, NO_CONTROL);
    const kwhStatusQuo = existingLed + lightingEnergyCore(oldPowerKw, allNightLit, NO_CONTROL);
    const kwhLed = existingLed + lightingEnergyCore(retrofitPowerKw, allNightLit, NO_CONTROL);
    const kwhDim = existingLed + lightingEnergyCore(retrofitPowerKw, allNightLit, dimSaving);
    const kwhClock = existingLed + lightingEnergyCore(retrofitPowerKw, switchedOffLit, NO_CONTROL);
    const kwhNode = existingLed + lightingEnergyCore(retrofitPowerKw, allNightLit, nodeSaving);
    const kwhCabinet = existingLed + lightingEnergyCore(retrofitPowerKw, switchedOffLit, cabinetSaving);
    statusQuoKwh[t] = kwhStatusQuo;
    statusQuoEur[t] = kwhStatusQuo * price[t];
    statusQuoKg[t] = kwhStatusQuo * grid[t];
    ledKwh[t] = kwhLed;
    ledEur[t] = kwhLed * price[t];
    ledKg[t] = kwhLed * grid[t];
    dimKwh[t] = kwhDim;
    dimEur[t] = kwhDim * price[t];
    dimKg[t] = kwhDim * grid[t];
    clockKwh[t] = kwhClock;
    clockEur[t] = kwhClock * price[t];
    clockKg[t] = kwhClock * grid[t];
    nodeKwh[t] = kwhNode;
    nodeEur[t] = kwhNode * price[t];
    nodeKg[t] = kwhNode * grid[t];
    cabinetKwh[t] = kwhCabinet;
    cabinetEur[t] = kwhCabinet * price[t];
    cabinetKg[t] = kwhCabinet * grid[t];
  }
}

/** Adds a yearly running cost from index 1. */
function addRunningCost(flows: VariantFlows, eurPerYear: number): void {
  for (let t = 1; t < flows.opexEur.length; t++) flows.opexEur[t] += eurPerYear;
}

/**
 * Copies the series written by the equipment and maintenance parts that several variants share (existing LED
 * luminaires, LED retrofit fleet and disposal) from `from` into `to` and, when given, `also` and `andAlso` (flows
 * of the same axis): maintenance and the equipment fleets (`addFleet`). A shared part that writes another series
 * must copy it here. Lighting energy, the other shared part, is written into every variant by `addLightingEnergy`.
 */
function copySharedSeries(from: VariantFlows, to: VariantFlows, also?: VariantFlows, andAlso?: VariantFlows): void {
  copySeries(from.opexEur, to.opexEur, also?.opexEur, andAlso?.opexEur);
  copySeries(from.capexEur, to.capexEur, also?.capexEur, andAlso?.capexEur);
  copySeries(from.residualValueEur, to.residualValueEur, also?.residualValueEur, andAlso?.residualValueEur);
  copySeries(from.embodiedKgCo2e, to.embodiedKgCo2e, also?.embodiedKgCo2e, andAlso?.embodiedKgCo2e);
  copySeries(from.endOfLifeKgCo2e, to.endOfLifeKgCo2e, also?.endOfLifeKgCo2e, andAlso?.endOfLifeKgCo2e);
  copySeries(
    from.amortisedEmbodiedKgCo2e,
    to.amortisedEmbodiedKgCo2e,
    also?.amortisedEmbodiedKgCo2e,
    andAlso?.amortisedEmbodiedKgCo2e,
  );
}

/** Copies `from` into `to` and, when given, `also` and `andAlso` (series of the same length). */
function copySeries(from: Float64Array, to: Float64Array, also: Float64Array | undefined, andAlso: Float64Array | undefined): void {
  to.set(from);
  also?.set(from);
  andAlso?.set(from);
}

/**
 * Existing LED luminaires: the same equipment flows in every variant (LED maintenance, Eq. 11, and replacement at
 * end of life, one fleet per stock of the same age); their all-night energy is written into every variant by
 * `addLightingEnergy`.
 */
function addExistingLed(
  flows: VariantFlows,
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  inventory: PreparedInventory,
  fleet: FleetFlows,
): void {
  addRunningCost(flows, inventory.ledCount * p.ledMaintenanceEurPerLuminairePerYear);
  const { count, years } = inventory.ledByAge;
  for (let i = 0; i < count.length; i++) {
    const ageYears = Number.isNaN(years[i]) ? p.ledLuminaireLifetimeYears / 2 : years[i];
    addEquipmentFleet(axis, ledLuminaires(p, s, count[i], ageYears), fleet);
  }
  addFleet(flows, fleet);
}

/**
 * The fleet of `count` LED luminaires: bought at index 0 when `ageYears` is null (a retrofit), else already in place
 * at that age and replaced at the end of their life (existing LED groups). Cost follows `s.ledCostFactor`.
 */
function ledLuminaires(p: ParameterValues, s: ScenarioSeries, count: number, ageYears: number | null): FleetSpec {
  return fleetSpec(
    count,
    p.ledLuminaireLifetimeYears,
    p.ledLuminaireCostEur,
    p.ledLuminaireEmbodiedKgCo2e,
    p.ledLuminaireEndOfLifeKgCo2e,
    ageYears === null ? 0 : null,
    ageYears ?? 0,
    s.ledCostFactor,
  );
}

/** Adds the yearly maintenance of the renovated LED luminaires (Eq. 11), reduced by `maintenanceSaving` [fraction]. */
function addRetrofitMaintenance(flows: VariantFlows, p: ParameterValues, renovatedCount: number, maintenanceSaving: number): void {
  addRunningCost(flows, renovatedCount * p.ledMaintenanceEurPerLuminairePerYear * (1 - maintenanceSaving));
}

/**
 * Yearly flows of every lighting variant (see the file header for the equations and the variant rules).
 *
 * How the variants differ: lighting profile of the renovated (non-LED) luminaires (Eq. 1–6) —
 * - `status-quo` and `led`: all-night lighting less the switch-off already practised, no dimming;
 * - `led-dimming`: as `led`, dimmed (dimmingHoursPerNight × dimmingDepthFraction) by a profile stored in each
 *   luminaire's driver, no presence detection, no device; each renovated luminaire costs
 *   dimmingDriverCostEurPerLuminaire more (replaced with it);
 * - `led-clock-switch-off`: switch-off of max(current, switchOffHoursPerNight), no dimming;
 * - `led-telemanagement-node`: current switch-off, dimming (dimmingHoursPerNight × dimmingDepthFraction) and
 *   presence detection (Eq. 5), maintenance reduced by telemanagementMaintenanceSavingFraction, one node per luminaire;
 * - `led-telemanagement-cabinet`: switch-off as the clock, then uniform dimming, one controller per cabinet (Eq. 12).
 *
 * Equipment and maintenance flows shared by several variants are computed once and copied: copying a partial sum
 * gives the same numbers as repeating its additions. Luminaires are pooled where the model treats them alike (one
 * fleet per stock of the same schedule, one power per technology in Eq. 8: see `PreparedInventory`), which changes
 * only the rounding of the group-by-group sums. Lighting energy is computed for the six variants in one yearly
 * loop, with the lighting profiles of the year (`addLightingEnergy`). With `input.arena`, every series and fleet
 * comes from the arena (valid until the next call).
 * @example
 * // 100 × 150 W sodium lamps, 4,000 h/yr, constant scenario: status quo energy 60,000 kWh in year 1, LED 24,000
 * simulateLighting({ axis, p, s, inventory })['led'].energyKwh[1] // 24000 with ledPowerFraction = 0.4
 */
export function simulateLighting(input: ModelInput<Inventory>): Record<string, VariantFlows> {
  const { axis, p, s, inventory, arena } = input;
  checkInputs(axis, p, s);
  const n = axis.length;
  const prepared = prepareInventory(inventory);
  const { totalCount, renovatedCount } = prepared;
  const settings = profileSettings(p, inventory);
  const ledPowerFraction = p.ledPowerFraction;
  checkNonNegative('ledPowerW', 'ledPowerFraction', ledPowerFraction);
  const cabinets = controlledCabinets(inventory.cabinets, renovatedCount, totalCount);

  // Records taken in a fixed order (arena contract).
  const statusQuo = emptyFlows(axis, arena);
  const led = emptyFlows(axis, arena);
  const clock = emptyFlows(axis, arena);
  const node = emptyFlows(axis, arena);
  const cabinet = emptyFlows(axis, arena);
  const dim = emptyFlows(axis, arena);
  const existingLedFleet = emptyFleet(n, arena);
  const lampFleet = emptyFleet(n, arena);
  const retrofitFleet = emptyFleet(n, arena);
  const clockFleet = emptyFleet(n, arena);
  const driverFleet = emptyFleet(n, arena);
  const out: Record<string, VariantFlows> = {
    'status-quo': statusQuo,
    led,
    'led-dimming': dim,
    'led-clock-switch-off': clock,
    'led-telemanagement-node': node,
    'led-telemanagement-cabinet': cabinet,
  };

  // Existing LED luminaires' maintenance and replacement, the same in every variant: computed in the status quo,
  // copied into `led`.
  addExistingLed(statusQuo, axis, p, s, prepared, existingLedFleet);
  copySharedSeries(statusQuo, led);

  // Status quo: discharge lamps kept, relamped (one lamp fleet per stock of the same lamp lifetime), traditional
  // maintenance (Eq. 11).
  addRunningCost(statusQuo, renovatedCount * p.traditionalMaintenanceEurPerLuminairePerYear);
  const { count: oldCount, years: oldLampLifetimeYears } = prepared.oldByLampLifetime;
  for (let i = 0; i < oldCount.length; i++) {
    const lampLifetimeYears = Number.isNaN(oldLampLifetimeYears[i]) ? p.lampLifetimeYears : oldLampLifetimeYears[i];
    addRelampingFleet(axis, oldCount[i], lampLifetimeYears, p.lampCostEur, p.lampEmbodiedKgCo2e, lampFleet);
  }
  addFleet(statusQuo, lampFleet);
  // Relamping is maintenance (a section de fonctionnement expense), not an investment: no FCTVA on it.
  for (let t = 0; t < n; t++) statusQuo.capexNotFctvaEligibleEur![t] += lampFleet.capexEur[t];

  // LED retrofit of every non-LED luminaire at index 0 (one fleet: they share its schedule), disposal of the old
  // luminaires: the same in the five renovated variants, computed in `led`, then copied into the four others.
  addFleet(led, addEquipmentFleet(axis, ledLuminaires(p, s, renovatedCount, null), retrofitFleet));
  const disposalKgCo2e = renovatedCount * p.oldLuminaireEndOfLifeKgCo2e;
  led.endOfLifeKgCo2e[0] += disposalKgCo2e;
  led.amortisedEmbodiedKgCo2e[0] += disposalKgCo2e;
  copySharedSeries(led, clock, node, cabinet);
  copySharedSeries(led, dim);

  // Lighting energy of every variant under its profile (Eq. 1–8, 10), the renovated luminaires drawing their LED
  // power (Eq. 7 on their summed power) [kW].
  const retrofitPowerKw = ledPowerCore(prepared.oldPowerKw, ledPowerFraction);
  addLightingEnergy(statusQuo, led, dim, clock, node, cabinet, s, prepared, settings, retrofitPowerKw);

  // Maintenance of the renovated luminaires (Eq. 11), reduced with per-luminaire télégestion nodes.
  addRetrofitMaintenance(led, p, renovatedCount, 0);
  addRetrofitMaintenance(dim, p, renovatedCount, 0);
  addRetrofitMaintenance(clock, p, renovatedCount, 0);
  addRetrofitMaintenance(node, p, renovatedCount, p.telemanagementMaintenanceSavingFraction);
  addRetrofitMaintenance(cabinet, p, renovatedCount, 0);

  // LED + stand-alone dimming: the premium of a luminaire programmed to dim, bought and replaced with it (its
  // carbon is in the luminaire's).
  const driverCostEur = p.dimmingDriverCostEurPerLuminaire;
  checkNonNegative('simulateLighting', 'dimmingDriverCostEurPerLuminaire', driverCostEur);
  if (driverCostEur > 0 && renovatedCount > 0) {
    addFleet(
      dim,
      addEquipmentFleet(axis, fleetSpec(renovatedCount, p.ledLuminaireLifetimeYears, driverCostEur, 0, 0, 0, 0, s.ledCostFactor), driverFleet),
    );
  }

  // LED + clock switch-off: an astronomical clock in each controlled cabinet.
  if (cabinets > 0) {
    addFleet(
      clock,
      addEquipmentFleet(
        axis,
        fleetSpec(cabinets, p.clockLifetimeYears, p.clockSwitchOffCostEurPerCabinet, p.clockEmbodiedKgCo2e, 0, 0, 0, undefined),
        clockFleet,
      ),
    );
  }

  // Digital layer (Eq. 9): catalogue devices through the shared helper of models/digital (purchase at index 0,
  // replacement, digital carbon, 24 h power draw, maintenance, connectedDevices and dataMbPerYear).
  addDevices(node, axis, p, s, 'luminaireNode', renovatedCount);
  addDevices(cabinet, axis, p, s, 'cabinetController', cabinets);

  // Finite outputs are asserted once, by the engine, on every series of every model (src/evaluate/engine.ts).
  return out;
}

export const model: ModelDefinition<Inventory> = {
  id: 'lighting',
  name: { fr: 'Éclairage public', en: 'Public lighting' },
  variants: VARIANTS,
  inventorySchema,
  scenarioSeries: SCENARIO_SERIES,
  simulate: simulateLighting,
  describeInventory(inventory) {
    return {
      quantity: inventory.luminaires.reduce((a, g) => a + g.count, 0),
      unit: { fr: 'points lumineux', en: 'light points' },
    };
  },
};
