/**
 * Public lighting (éclairage public): energy, costs and lifecycle carbon of a commune's street-lighting fleet
 * under five variants: keep the existing lamps (status quo), LED retrofit, LED + clock switch-off in the middle of
 * the night, LED + point-to-point télégestion (one node per luminaire: dimming profile and presence detection),
 * LED + cabinet-level remote control (switch-off and uniform dimming schedules).
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
 * unknown age, replaced in staggered group-relamping campaigns). Running flows start at index 1.
 *
 * Variant rules: groups whose type is `led` are kept as they are in every variant (same energy, maintenance and
 * end-of-life replacement everywhere; no node, no control). The switch-off already practised
 * (`currentSwitchOffHoursPerNight`) applies in every variant; the clock and cabinet variants switch off
 * max(current, switchOffHoursPerNight). Pairs that isolate the digital layer: `led` ↔ `led-telemanagement-node`
 * (all-night lighting, dimmed), `led-clock-switch-off` ↔ `led-telemanagement-cabinet` (switch-off, plus dimming).
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
 * - The `led` variant does not dim, although most LED luminaires can dim autonomously [10]: prudent for `led`.
 * - Retrofit works (removal, disposal, installation) are in the LED luminaire cost; the disposal's carbon is
 *   booked at index 0.
 * - Existing LED luminaires of unknown age are taken at mid-life (half the LED lifetime).
 * - Shared gateways, network and platform are added by the engine from `connectedDevices` and `dataMbPerYear`.
 */
import { z } from 'zod';
import { addEquipmentFleet, emptyFleet, equipmentFleetInto, reusableFleetSpec, type FleetFlows, type FleetSpec } from '../../src/core/equipment.js';
import { argumentError } from '../../src/core/errors.js';
import { seriesRecord, type SeriesArena } from '../../src/core/arena.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import { addDeviceFleet, deviceFleet } from '../digital/model.js';
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
// their arguments and call them; the yearly loop of `simulateLighting` checks its scalars once per call and calls
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
 * The one fleet spec of this module, overwritten by each call: every field set, so that `equipmentFleetInto` always
 * reads the same object shape, without an object per fleet; nothing in it is read after the equipment call it was
 * set for. Returns it.
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
  const n = axis.length;
  return relampingFleetInto(axis, count, lampLifetimeYears, lampCostEur, lampEmbodiedKgCo2e, emptyFleet(n));
}

/**
 * `relampingFleet` written into `total` (overwritten): each cohort is added into it by `addEquipmentFleet`, the
 * first one written over zeros by `equipmentFleetInto`; the simulation passes a fleet from the arena. Returns
 * `total`.
 */
function relampingFleetInto(
  axis: YearAxis,
  count: number,
  lampLifetimeYears: number,
  lampCostEur: number,
  lampEmbodiedKgCo2e: number,
  total: FleetFlows,
): FleetFlows {
  const cohorts = Math.max(1, Math.round(lampLifetimeYears));
  const spec = fleetSpec(count / cohorts, lampLifetimeYears, lampCostEur, lampEmbodiedKgCo2e, 0, null, 0, undefined);
  for (let k = 0; k < cohorts; k++) {
    spec.ageYears = (k * lampLifetimeYears) / cohorts;
    if (k === 0) equipmentFleetInto(axis, spec, total);
    else addEquipmentFleet(axis, spec, total);
  }
  return total;
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

/** Groups of luminaires with their counts and powers side by side, for the yearly loops. */
interface GroupSet {
  /** The groups, in inventory order. */
  groups: readonly LuminaireGroup[];
  /** `groups[g].count` [luminaires]. */
  count: Float64Array;
  /** `groups[g].powerW` [W]. */
  powerW: Float64Array;
  /** Power drawn by each group as it is, count × powerW / 1000 (Eq. 8, first factor) [kW]. */
  powerKw: Float64Array;
}

/** What the simulation needs from an inventory, derived once per inventory object (immutable once validated). */
interface PreparedInventory {
  /** Groups of type `led`: kept as they are in every variant. */
  led: GroupSet;
  /** The other groups: relamped in the status quo, renovated to LED in the other variants. */
  old: GroupSet;
  /** All luminaires [luminaires]. */
  totalCount: number;
  /** Non-LED luminaires [luminaires]. */
  renovatedCount: number;
}

const preparedInventories = new WeakMap<Inventory, PreparedInventory>();

/** The groups with their counts and powers copied into typed arrays, and their power as they are. */
function groupSet(groups: LuminaireGroup[]): GroupSet {
  return {
    groups,
    count: Float64Array.from(groups, (g) => g.count),
    powerW: Float64Array.from(groups, (g) => g.powerW),
    powerKw: Float64Array.from(groups, (g) => groupPowerKwCore(g.count, g.powerW)),
  };
}

/** The inventory's groups split by technology, with their counts (Eq. 8 arguments checked here, once). */
function prepareInventory(inventory: Inventory): PreparedInventory {
  let prepared = preparedInventories.get(inventory);
  if (prepared === undefined) {
    for (const group of inventory.luminaires) {
      checkNonNegative('lightingEnergyKwh', 'count', group.count);
      checkNonNegative('lightingEnergyKwh', 'powerW', group.powerW);
    }
    const oldGroups = inventory.luminaires.filter((g) => !isLedType(g.type));
    prepared = {
      led: groupSet(inventory.luminaires.filter((g) => isLedType(g.type))),
      old: groupSet(oldGroups),
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
 * Lit hours (Eq. 2) and control saving (Eq. 3–6) of each year under the four lighting profiles; index 0 unused. All
 * night: less the switch-off already practised, no control (status quo, `led`, and the existing LED luminaires of
 * every variant). Switched off: max(current, switchOffHoursPerNight) (clock). Nodes: all night, dimmed, with
 * presence detection. Cabinets: switched off, then dimmed.
 */
interface LightingProfiles {
  allNightLit: Float64Array;
  switchedOffLit: Float64Array;
  allNightSaving: Float64Array;
  switchedOffSaving: Float64Array;
  nodeSaving: Float64Array;
  cabinetSaving: Float64Array;
}

/** The series of `LightingProfiles`, in the order an arena lays them out. */
const PROFILE_SERIES = ['allNightLit', 'switchedOffLit', 'allNightSaving', 'switchedOffSaving', 'nodeSaving', 'cabinetSaving'] as const;

/** `LightingProfiles` of `length` zeros, taken from the arena when there is one. */
function emptyProfiles(length: number, arena: SeriesArena | undefined): LightingProfiles {
  return seriesRecord<LightingProfiles>(PROFILE_SERIES, length, arena);
}

/**
 * Eq. 1–6 for every year of the axis under the four profiles, written into `out`: the lit hours per night (Eq. 1)
 * of a year are shared by the four. The scalars are checked once per call by `simulateLighting`; the scenario's
 * hours factor is checked here, year by year.
 */
function lightingProfilesInto(
  out: LightingProfiles,
  s: ScenarioSeries,
  annualHours: number,
  currentSwitchOffHoursPerNight: number,
  switchOffHoursPerNight: number,
  dimmingHoursPerNight: number,
  dimmingDepth: number,
  presenceSaving: number,
): LightingProfiles {
  const hoursFactor = s.lightingHoursFactor;
  for (let t = 1; t < out.allNightLit.length; t++) {
    checkNonNegative('nightlyLitHours', 'hoursFactor', hoursFactor[t]);
    const night = nightlyLitHoursCore(annualHours, hoursFactor[t]);
    const allNightLit = litHoursCore(night, currentSwitchOffHoursPerNight);
    const switchedOffLit = litHoursCore(night, switchOffHoursPerNight);
    out.allNightLit[t] = allNightLit;
    out.switchedOffLit[t] = switchedOffLit;
    out.allNightSaving[t] = controlSavingCore(night, allNightLit, currentSwitchOffHoursPerNight, 0, 0, 0);
    out.switchedOffSaving[t] = controlSavingCore(night, switchedOffLit, switchOffHoursPerNight, 0, 0, 0);
    out.nodeSaving[t] = controlSavingCore(night, allNightLit, currentSwitchOffHoursPerNight, dimmingHoursPerNight, dimmingDepth, presenceSaving);
    out.cabinetSaving[t] = controlSavingCore(night, switchedOffLit, switchOffHoursPerNight, dimmingHoursPerNight, dimmingDepth, 0);
  }
  return out;
}

/** Power drawn by each renovated group once fitted with LED luminaires [kW]. */
interface RetrofitPower {
  ledPowerKw: Float64Array;
}

/** The series of `RetrofitPower`. */
const RETROFIT_POWER_SERIES = ['ledPowerKw'] as const;

/**
 * Power of each non-LED group once renovated, count × powerW × ledPowerFraction / 1000 (Eq. 7, then Eq. 8's first
 * factor) [kW], in a record of `old.count.length` values taken from the arena when there is one.
 */
function retrofitPower(old: GroupSet, ledPowerFraction: number, arena: SeriesArena | undefined): RetrofitPower {
  const n = old.count.length;
  const out = seriesRecord<RetrofitPower>(RETROFIT_POWER_SERIES, n, arena);
  for (let g = 0; g < n; g++) out.ledPowerKw[g] = groupPowerKwCore(old.count[g], ledPowerCore(old.powerW[g], ledPowerFraction));
  return out;
}

/**
 * Lighting energy of one variant with its cost and use-phase carbon (Eq. 8, 10), from index 1, added into the
 * flows group by group: first the existing LED luminaires, as they are, under the all-night profile (the same in
 * every variant); then the other groups, drawing `oldPowerKw` (as they are in the status quo, LED elsewhere: see
 * `retrofitPower`), under the variant's profile (`litHours`, `savingFraction`, from `lightingProfilesInto`).
 */
function addLighting(
  flows: VariantFlows,
  s: ScenarioSeries,
  inventory: PreparedInventory,
  profiles: LightingProfiles,
  oldPowerKw: Float64Array,
  litHours: Float64Array,
  savingFraction: Float64Array,
): void {
  const ledPowerKw = inventory.led.powerKw;
  const { allNightLit, allNightSaving } = profiles;
  const price = s.electricityPriceEurPerKwh;
  const grid = s.gridFactorKgCo2ePerKwh;
  for (let t = 1; t < flows.energyKwh.length; t++) {
    let energyKwh = flows.energyKwh[t];
    let energyCostEur = flows.energyCostEur[t];
    let useKgCo2e = flows.useKgCo2e[t];
    for (let g = 0; g < ledPowerKw.length; g++) {
      const kwh = lightingEnergyCore(ledPowerKw[g], allNightLit[t], allNightSaving[t]);
      energyKwh += kwh;
      energyCostEur += kwh * price[t];
      useKgCo2e += kwh * grid[t];
    }
    for (let g = 0; g < oldPowerKw.length; g++) {
      const kwh = lightingEnergyCore(oldPowerKw[g], litHours[t], savingFraction[t]);
      energyKwh += kwh;
      energyCostEur += kwh * price[t];
      useKgCo2e += kwh * grid[t];
    }
    flows.energyKwh[t] = energyKwh;
    flows.energyCostEur[t] = energyCostEur;
    flows.useKgCo2e[t] = useKgCo2e;
  }
}

/** Adds a yearly running cost from index 1. */
function addRunningCost(flows: VariantFlows, eurPerYear: number): void {
  for (let t = 1; t < flows.opexEur.length; t++) flows.opexEur[t] += eurPerYear;
}

/**
 * Copies the series written by the equipment and maintenance parts that several variants share (existing LED
 * luminaires, LED retrofit fleets and disposal) from `from` into `to` and, when given, `also` and `andAlso` (flows
 * of the same axis): maintenance and the equipment fleets (`addFleet`). A shared part that writes another series
 * must copy it here. Lighting energy, the other shared part, is added to every variant by `addLighting`.
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
 * Existing LED luminaires: the same equipment flows in every variant (LED maintenance, replacement at end of life);
 * their all-night energy is added to every variant by `addLighting`.
 */
function addExistingLed(
  flows: VariantFlows,
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  led: GroupSet,
  fleetScratch: FleetFlows,
): void {
  for (const group of led.groups) {
    addRunningCost(flows, group.count * p.ledMaintenanceEurPerLuminairePerYear);
    const fleet = equipmentFleetInto(axis, ledLuminaires(p, s, group.count, group.ageYears ?? p.ledLuminaireLifetimeYears / 2), fleetScratch);
    addFleet(flows, fleet);
  }
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
 * - `led-clock-switch-off`: switch-off of max(current, switchOffHoursPerNight), no dimming;
 * - `led-telemanagement-node`: current switch-off, dimming (dimmingHoursPerNight × dimmingDepthFraction) and
 *   presence detection (Eq. 5), maintenance reduced by telemanagementMaintenanceSavingFraction, one node per luminaire;
 * - `led-telemanagement-cabinet`: switch-off as the clock, then uniform dimming, one controller per cabinet (Eq. 12).
 *
 * Equipment and maintenance flows shared by several variants are computed once and copied: copying a partial sum
 * gives the same numbers as repeating its additions. Lighting energy is computed for each variant, the existing LED
 * luminaires' first in each year. Every series receives its terms in the same order as a variant-by-variant
 * computation. With `input.arena`, every series comes from the arena (valid until the next call).
 * @example
 * // 100 × 150 W sodium lamps, 4,000 h/yr, constant scenario: status quo energy 60,000 kWh in year 1, LED 24,000
 * simulateLighting({ axis, p, s, inventory })['led'].energyKwh[1] // 24000 with ledPowerFraction = 0.4
 */
export function simulateLighting(input: ModelInput<Inventory>): Record<string, VariantFlows> {
  const { axis, p, s, inventory, arena } = input;
  checkInputs(axis, p, s);
  const n = axis.length;
  const prepared = prepareInventory(inventory);
  const { led: ledGroups, old: oldGroups, totalCount, renovatedCount } = prepared;
  const annualHours = inventory.annualHours ?? p.operatingHoursPerYear;
  const currentSwitchOff = inventory.currentSwitchOffHoursPerNight ?? 0;
  const switchOff = Math.max(currentSwitchOff, p.switchOffHoursPerNight);
  const dimmingHours = p.dimmingHoursPerNight;
  const dimmingDepth = p.dimmingDepthFraction;
  const ledPowerFraction = p.ledPowerFraction;

  // Scalars of the yearly loops, checked once per call (the exported equations check the same arguments).
  checkNonNegative('nightlyLitHours', 'annualHours', annualHours);
  checkNonNegative('litHoursPerYear', 'switchOffHoursPerNight', currentSwitchOff);
  checkNonNegative('litHoursPerYear', 'switchOffHoursPerNight', switchOff);
  checkNonNegative('dimmedHoursPerYear', 'dimmingHoursPerNight', dimmingHours);
  checkFraction('dimmingSavingFraction', 'depth', dimmingDepth);
  checkNonNegative('ledPowerW', 'ledPowerFraction', ledPowerFraction);
  const presenceSaving = presenceSavingFraction(p.presenceShareOfLuminaires, p.presenceLowLevelShareOfHours, p.presenceDepthFraction);
  const cabinets = controlledCabinets(inventory.cabinets, renovatedCount, totalCount);

  // Records taken in a fixed order (arena contract).
  const statusQuo = emptyFlows(axis, arena);
  const led = emptyFlows(axis, arena);
  const clock = emptyFlows(axis, arena);
  const node = emptyFlows(axis, arena);
  const cabinet = emptyFlows(axis, arena);
  const fleetScratch = emptyFleet(n, arena); // one fleet at a time, added into flows before the next
  const out: Record<string, VariantFlows> = {
    'status-quo': statusQuo,
    led,
    'led-clock-switch-off': clock,
    'led-telemanagement-node': node,
    'led-telemanagement-cabinet': cabinet,
  };

  // Existing LED luminaires' maintenance and replacement, the same in every variant: computed in the status quo,
  // copied into `led`.
  addExistingLed(statusQuo, axis, p, s, ledGroups, fleetScratch);
  copySharedSeries(statusQuo, led);

  // Status quo: discharge lamps kept, relamped, traditional maintenance (Eq. 11).
  for (const group of oldGroups.groups) {
    addRunningCost(statusQuo, group.count * p.traditionalMaintenanceEurPerLuminairePerYear);
    const lampLifetimeYears = group.lampLifetimeYears ?? p.lampLifetimeYears;
    const lamps = relampingFleetInto(axis, group.count, lampLifetimeYears, p.lampCostEur, p.lampEmbodiedKgCo2e, fleetScratch);
    addFleet(statusQuo, lamps);
    // Relamping is maintenance (a section de fonctionnement expense), not an investment: no FCTVA on it.
    for (let t = 0; t < n; t++) statusQuo.capexNotFctvaEligibleEur![t] += lamps.capexEur[t];
  }

  // LED retrofit of every non-LED group at index 0, disposal of the old luminaires: the same in the four renovated
  // variants, computed in `led`, then copied into the three others.
  for (const group of oldGroups.groups) {
    const fleet = equipmentFleetInto(axis, ledLuminaires(p, s, group.count, null), fleetScratch);
    addFleet(led, fleet);
  }
  const disposalKgCo2e = renovatedCount * p.oldLuminaireEndOfLifeKgCo2e;
  led.endOfLifeKgCo2e[0] += disposalKgCo2e;
  led.amortisedEmbodiedKgCo2e[0] += disposalKgCo2e;
  copySharedSeries(led, clock, node, cabinet);

  // Lighting energy of every variant under its profile (Eq. 1–8, 10).
  const profiles = lightingProfilesInto(
    emptyProfiles(n, arena),
    s,
    annualHours,
    currentSwitchOff,
    switchOff,
    dimmingHours,
    dimmingDepth,
    presenceSaving,
  );
  const { allNightLit, switchedOffLit, allNightSaving, switchedOffSaving, nodeSaving, cabinetSaving } = profiles;
  const { ledPowerKw } = retrofitPower(oldGroups, ledPowerFraction, arena);
  addLighting(statusQuo, s, prepared, profiles, oldGroups.powerKw, allNightLit, allNightSaving);
  addLighting(led, s, prepared, profiles, ledPowerKw, allNightLit, allNightSaving);
  addLighting(clock, s, prepared, profiles, ledPowerKw, switchedOffLit, switchedOffSaving);
  addLighting(node, s, prepared, profiles, ledPowerKw, allNightLit, nodeSaving);
  addLighting(cabinet, s, prepared, profiles, ledPowerKw, switchedOffLit, cabinetSaving);

  // Maintenance of the renovated luminaires (Eq. 11), reduced with per-luminaire télégestion nodes.
  addRetrofitMaintenance(led, p, renovatedCount, 0);
  addRetrofitMaintenance(clock, p, renovatedCount, 0);
  addRetrofitMaintenance(node, p, renovatedCount, p.telemanagementMaintenanceSavingFraction);
  addRetrofitMaintenance(cabinet, p, renovatedCount, 0);

  // LED + clock switch-off: an astronomical clock in each controlled cabinet.
  if (cabinets > 0) {
    addFleet(
      clock,
      equipmentFleetInto(
        axis,
        fleetSpec(cabinets, p.clockLifetimeYears, p.clockSwitchOffCostEurPerCabinet, p.clockEmbodiedKgCo2e, 0, 0, 0, undefined),
        fleetScratch,
      ),
    );
  }

  // Digital layer (Eq. 9): catalogue devices through the shared helper of models/digital (purchase at index 0,
  // replacement, digital carbon, 24 h power draw, maintenance, connectedDevices and dataMbPerYear).
  addDeviceFleet(node, s, deviceFleet(axis, p, s, 'luminaireNode', renovatedCount, { arena }));
  addDeviceFleet(cabinet, s, deviceFleet(axis, p, s, 'cabinetController', cabinets, { arena }));

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
