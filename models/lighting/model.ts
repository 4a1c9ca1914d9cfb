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
import { emptyFleet, equipmentFleetInto, type FleetFlows } from '../../src/core/equipment.js';
import { argumentError, assertFinite } from '../../src/core/errors.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import { addDeviceFleet, deviceFleet } from '../digital/model.js';
import {
  addFleet,
  emptyFlows,
  type ModelDefinition,
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
  return (annualHours * hoursFactor) / DAYS_PER_YEAR;
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
  return DAYS_PER_YEAR * Math.max(0, nightlyLitHours(annualHours, hoursFactor) - switchOffHoursPerNight);
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
  const night = nightlyLitHours(annualHours, hoursFactor);
  return DAYS_PER_YEAR * Math.max(0, Math.min(dimmingHoursPerNight, night) - switchOffHoursPerNight);
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
  if (litHours === 0) return 0;
  if (dimmedHours > litHours * (1 + 1e-12)) {
    throw argumentError('dimmingSavingFraction', 'dimmedHours', `at most litHours (${litHours})`, dimmedHours);
  }
  return Math.min(1, dimmedHours / litHours) * depth;
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
  return 1 - (1 - a) * (1 - b);
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
  return powerW * ledPowerFraction;
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
  return ((count * powerW) / 1000) * litHours * (1 - savingFraction);
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
  const cohorts = Math.max(1, Math.round(lampLifetimeYears));
  const total = emptyFleet(axis.length);
  const cohort = emptyFleet(axis.length); // reused by every cohort (overwritten by equipmentFleetInto)
  for (let k = 0; k < cohorts; k++) {
    equipmentFleetInto(
      axis,
      {
        count: count / cohorts,
        lifetimeYears: lampLifetimeYears,
        unitCostEur: lampCostEur,
        unitEmbodiedKgCo2e: lampEmbodiedKgCo2e,
        firstPurchaseIndex: null,
        ageYears: (k * lampLifetimeYears) / cohorts,
      },
      cohort,
    );
    // Readable version: for (const key of Object.keys(total)) for (let t …) total[key][t] += cohort[key][t];
    for (let t = 0; t < axis.length; t++) {
      total.purchases[t] += cohort.purchases[t];
      total.capexEur[t] += cohort.capexEur[t];
      total.residualValueEur[t] += cohort.residualValueEur[t];
      total.embodiedKgCo2e[t] += cohort.embodiedKgCo2e[t];
      total.endOfLifeKgCo2e[t] += cohort.endOfLifeKgCo2e[t];
      total.amortisedKgCo2e[t] += cohort.amortisedKgCo2e[t];
      total.inService[t] += cohort.inService[t];
    }
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

/** How the renovated (non-LED) luminaires are operated in a variant. */
interface ControlProfile {
  renovated: boolean;
  switchOffHoursPerNight: number;
  dimmingHoursPerNight: number;
  dimmingDepth: number;
  presenceSaving: number;
  maintenanceSaving: number;
}

function controlProfile(variantId: string, p: ParameterValues, currentSwitchOff: number): ControlProfile {
  const none = { dimmingHoursPerNight: 0, dimmingDepth: 0, presenceSaving: 0, maintenanceSaving: 0 };
  const switchOff = Math.max(currentSwitchOff, p.switchOffHoursPerNight);
  switch (variantId) {
    case 'status-quo':
      return { renovated: false, switchOffHoursPerNight: currentSwitchOff, ...none };
    case 'led':
      return { renovated: true, switchOffHoursPerNight: currentSwitchOff, ...none };
    case 'led-clock-switch-off':
      return { renovated: true, switchOffHoursPerNight: switchOff, ...none };
    case 'led-telemanagement-node':
      return {
        renovated: true,
        switchOffHoursPerNight: currentSwitchOff,
        dimmingHoursPerNight: p.dimmingHoursPerNight,
        dimmingDepth: p.dimmingDepthFraction,
        presenceSaving: presenceSavingFraction(
          p.presenceShareOfLuminaires,
          p.presenceLowLevelShareOfHours,
          p.presenceDepthFraction,
        ),
        maintenanceSaving: p.telemanagementMaintenanceSavingFraction,
      };
    case 'led-telemanagement-cabinet':
      return {
        renovated: true,
        switchOffHoursPerNight: switchOff,
        dimmingHoursPerNight: p.dimmingHoursPerNight,
        dimmingDepth: p.dimmingDepthFraction,
        presenceSaving: 0,
        maintenanceSaving: 0,
      };
    default:
      throw new Error(`lighting: unknown variant ${variantId}`);
  }
}

/** Adds lighting energy with its cost and use-phase carbon (Eq. 10) at index `t`. */
function addEnergy(flows: VariantFlows, s: ScenarioSeries, t: number, kwh: number): void {
  flows.energyKwh[t] += kwh;
  flows.energyCostEur[t] += kwh * s.electricityPriceEurPerKwh[t];
  flows.useKgCo2e[t] += kwh * s.gridFactorKgCo2ePerKwh[t];
}

/** Lit hours (Eq. 2) and control saving (Eq. 3–6) of each year under a control profile; index 0 unused. */
interface ProfileHours {
  lit: Float64Array;
  saving: Float64Array;
}

/** Eq. 1–6 for every year of the axis under one profile: the same for every group lit with that profile. */
function profileHours(
  axis: YearAxis,
  s: ScenarioSeries,
  annualHours: number,
  profile: Pick<ControlProfile, 'switchOffHoursPerNight' | 'dimmingHoursPerNight' | 'dimmingDepth' | 'presenceSaving'>,
): ProfileHours {
  const n = axis.length;
  const buffer = new ArrayBuffer(2 * n * Float64Array.BYTES_PER_ELEMENT);
  const out = { lit: new Float64Array(buffer, 0, n), saving: new Float64Array(buffer, n * Float64Array.BYTES_PER_ELEMENT, n) };
  for (let t = 1; t < n; t++) {
    const f = s.lightingHoursFactor[t];
    const lit = litHoursPerYear(annualHours, f, profile.switchOffHoursPerNight);
    const dimmed = dimmedHoursPerYear(annualHours, f, profile.dimmingHoursPerNight, profile.switchOffHoursPerNight);
    out.lit[t] = lit;
    out.saving[t] = combinedSavingFraction(dimmingSavingFraction(dimmed, lit, profile.dimmingDepth), profile.presenceSaving);
  }
  return out;
}

/** Lighting energy of one group over the axis (Eq. 7–8, hours and savings from `profileHours`), from index 1. */
function addGroupLighting(flows: VariantFlows, axis: YearAxis, s: ScenarioSeries, count: number, powerW: number, hours: ProfileHours): void {
  for (let t = 1; t < axis.length; t++) addEnergy(flows, s, t, lightingEnergyKwh(count, powerW, hours.lit[t], hours.saving[t]));
}

/** Adds a yearly running cost from index 1. */
function addRunningCost(flows: VariantFlows, eurPerYear: number): void {
  for (let t = 1; t < flows.opexEur.length; t++) flows.opexEur[t] += eurPerYear;
}

/** Existing LED luminaires: the same flows in every variant (energy, LED maintenance, replacement at end of life). */
function addExistingLed(
  flows: VariantFlows,
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  group: LuminaireGroup,
  annualHours: number,
  currentSwitchOff: number,
  fleetScratch: FleetFlows,
): void {
  addGroupLighting(
    flows,
    axis,
    s,
    group.count,
    group.powerW,
    profileHours(axis, s, annualHours, { switchOffHoursPerNight: currentSwitchOff, dimmingHoursPerNight: 0, dimmingDepth: 0, presenceSaving: 0 }),
  );
  addRunningCost(flows, group.count * p.ledMaintenanceEurPerLuminairePerYear);
  const fleet = equipmentFleetInto(
    axis,
    {
      count: group.count,
      lifetimeYears: p.ledLuminaireLifetimeYears,
      unitCostEur: p.ledLuminaireCostEur,
      unitEmbodiedKgCo2e: p.ledLuminaireEmbodiedKgCo2e,
      unitEndOfLifeKgCo2e: p.ledLuminaireEndOfLifeKgCo2e,
      firstPurchaseIndex: null,
      ageYears: group.ageYears ?? p.ledLuminaireLifetimeYears / 2,
      costTrend: s.ledCostFactor,
    },
    fleetScratch,
  );
  addFleet(flows, fleet);
}

/** Flows of one variant. */
function simulateVariant(
  variantId: string,
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  inventory: Inventory,
): VariantFlows {
  const flows = emptyFlows(axis);
  const fleetScratch = emptyFleet(axis.length); // one fleet at a time, added into flows before the next
  const annualHours = inventory.annualHours ?? p.operatingHoursPerYear;
  const currentSwitchOff = inventory.currentSwitchOffHoursPerNight ?? 0;
  const profile = controlProfile(variantId, p, currentSwitchOff);
  const oldGroups = inventory.luminaires.filter((g) => !isLedType(g.type));
  const totalCount = inventory.luminaires.reduce((a, g) => a + g.count, 0);
  const renovatedCount = oldGroups.reduce((a, g) => a + g.count, 0);
  // Hours and savings of the variant's profile, shared by every non-LED group (none: nothing to compute).
  const hours = oldGroups.length > 0 ? profileHours(axis, s, annualHours, profile) : null;

  for (const group of inventory.luminaires) {
    if (isLedType(group.type)) addExistingLed(flows, axis, p, s, group, annualHours, currentSwitchOff, fleetScratch);
  }

  if (!profile.renovated) {
    // Status quo: discharge lamps kept, relamped, traditional maintenance (Eq. 8, 11).
    for (const group of oldGroups) {
      addGroupLighting(flows, axis, s, group.count, group.powerW, hours!);
      addRunningCost(flows, group.count * p.traditionalMaintenanceEurPerLuminairePerYear);
      const lamps = relampingFleet(
        axis,
        group.count,
        group.lampLifetimeYears ?? p.lampLifetimeYears,
        p.lampCostEur,
        p.lampEmbodiedKgCo2e,
      );
      addFleet(flows, lamps);
      // Relamping is maintenance (a section de fonctionnement expense), not an investment: no FCTVA on it.
      for (let t = 0; t < axis.length; t++) flows.capexNotFctvaEligibleEur![t] += lamps.capexEur[t];
    }
    return flows;
  }

  // LED retrofit of every non-LED group at index 0 (Eq. 7, 8, 11), disposal of the old luminaires.
  for (const group of oldGroups) {
    addGroupLighting(flows, axis, s, group.count, ledPowerW(group.powerW, p.ledPowerFraction), hours!);
    const fleet = equipmentFleetInto(
      axis,
      {
        count: group.count,
        lifetimeYears: p.ledLuminaireLifetimeYears,
        unitCostEur: p.ledLuminaireCostEur,
        unitEmbodiedKgCo2e: p.ledLuminaireEmbodiedKgCo2e,
        unitEndOfLifeKgCo2e: p.ledLuminaireEndOfLifeKgCo2e,
        firstPurchaseIndex: 0,
        costTrend: s.ledCostFactor,
      },
      fleetScratch,
    );
    addFleet(flows, fleet);
  }
  addRunningCost(flows, renovatedCount * p.ledMaintenanceEurPerLuminairePerYear * (1 - profile.maintenanceSaving));
  const disposalKgCo2e = renovatedCount * p.oldLuminaireEndOfLifeKgCo2e;
  flows.endOfLifeKgCo2e[0] += disposalKgCo2e;
  flows.amortisedEmbodiedKgCo2e[0] += disposalKgCo2e;

  const cabinets = controlledCabinets(inventory.cabinets, renovatedCount, totalCount);

  if (variantId === 'led-clock-switch-off' && cabinets > 0) {
    addFleet(
      flows,
      equipmentFleetInto(
        axis,
        {
          count: cabinets,
          lifetimeYears: p.clockLifetimeYears,
          unitCostEur: p.clockSwitchOffCostEurPerCabinet,
          unitEmbodiedKgCo2e: p.clockEmbodiedKgCo2e,
          firstPurchaseIndex: 0,
        },
        fleetScratch,
      ),
    );
  }

  // Digital layer (Eq. 9): catalogue devices through the shared helper of models/digital (purchase at index 0,
  // replacement, digital carbon, 24 h power draw, maintenance, connectedDevices and dataMbPerYear).
  if (variantId === 'led-telemanagement-node') {
    addDeviceFleet(flows, s, deviceFleet(axis, p, s, 'luminaireNode', renovatedCount));
  } else if (variantId === 'led-telemanagement-cabinet') {
    addDeviceFleet(flows, s, deviceFleet(axis, p, s, 'cabinetController', cabinets));
  }
  return flows;
}

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

/**
 * Yearly flows of every lighting variant (see the file header for the equations).
 * @example
 * // 100 × 150 W sodium lamps, 4,000 h/yr, constant scenario: status quo energy 60,000 kWh in year 1, LED 24,000
 * simulateLighting({ axis, p, s, inventory })['led'].energyKwh[1] // 24000 with ledPowerFraction = 0.4
 */
export function simulateLighting(input: {
  axis: YearAxis;
  p: ParameterValues;
  s: ScenarioSeries;
  inventory: Inventory;
}): Record<string, VariantFlows> {
  const { axis, p, s, inventory } = input;
  const missing = PARAMETER_NAMES.filter((name) => typeof p[name] !== 'number');
  if (missing.length > 0) throw new Error(`lighting: missing parameter(s) ${missing.join(', ')}`);
  const missingSeries = SCENARIO_SERIES.filter((name) => !(s[name] instanceof Float64Array) || s[name].length !== axis.length);
  if (missingSeries.length > 0) {
    throw new Error(`lighting: scenario series missing or not on the axis: ${missingSeries.join(', ')}`);
  }
  const out: Record<string, VariantFlows> = {};
  for (const variant of VARIANTS) {
    const flows = simulateVariant(variant.id, axis, p, s, inventory);
    for (const [name, series] of Object.entries(flows)) {
      if (series instanceof Float64Array) assertFinite(`lighting/${variant.id}`, name, series);
    }
    out[variant.id] = flows;
  }
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
