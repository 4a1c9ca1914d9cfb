/**
 * Drinking-water network (gestion de l'eau potable): volumes produced, billed and lost, the pumping energy and
 * production cost they carry, and what a manual leak-control programme or a smart network changes.
 *
 * Variants
 * - `status-quo` (statusQuo): losses stay at their present volume; mechanical meters are replaced at the end of
 *   their life by mechanical meters and read by hand.
 * - `manual-leak-campaigns` (alternative): staff survey part of the network each year with acoustic equipment
 *   (listening sticks, correlators); the detectable losses fall by a fraction.
 * - `smart-network` (digital): télérelève (a radio meter replaces every mechanical meter), fixed acoustic leak
 *   sensors along the network and pressure management (connected pressure controllers). Leaks are found sooner,
 *   leak flows fall with pressure, customers are alerted to leaks behind their meter, and meter reading by hand
 *   stops.
 *
 * Equations (t = year index; running flows start at t = 1, index 0 being the investment year)
 * - Eq. 1  Production: V_prod,0 = V_bill,0 / η₀, with η₀ the network efficiency (rendement, billed / produced).
 *          When the inventory gives the produced volume instead, η₀ = V_bill,0 / V_prod,0.
 * - Eq. 2  Losses: L₀ = V_prod,0 − V_bill,0 [m³/yr]. All of it is treated as physical leakage (apparent losses
 *          such as meter under-registration are not separated: see assumptions).
 * - Eq. 3  Demand: V_bill[t] = V_bill,0 × D[t], D = the scenario's `waterDemandFactor`. Network losses do not
 *          follow demand: they depend on the pipes and the pressure, so without action L[t] = L₀.
 * - Eq. 4  Run time: a leak runs on average for (detection + repair) days, so its volume is proportional to that
 *          time. Digital detection changes the run time of detectable leaks by φ = (d_dig + d_rep) / (d_man + d_rep).
 * - Eq. 5  Pressure (FAVAD power law, May 1994): leak flow ∝ P^N1, so a reduction ρ of the average pressure
 *          multiplies leak flows by π = (1 − ρ)^N1.
 * - Eq. 6  Losses of a variant: L_v = b·L₀ + (1 − b)·L₀·[1 − c·(1 − φ_v)]·π_v, b the background (undetectable)
 *          share, c the share of the network the detection covers. Status quo: φ = 1, π = 1, so L = L₀.
 *          Manual campaigns: c = 1, φ = 1 − r (r = the campaigns' reduction of detectable losses), π = 1.
 *          Smart network: c = sensor coverage, φ from Eq. 4, π from Eq. 5. No lever acts on the background part,
 *          so L_v ≥ b·L₀ always.
 * - Eq. 7  Customer-side leaks (behind the meter, so metered and billed, not network losses): K[t] = k·V_bill[t].
 *          A télérelève alert shortens their run time: K_dig[t] = ψ·K[t] with ψ = d_alert / d_noAlert, and the
 *          billed volume of the smart network falls by K[t]·(1 − ψ).
 * - Eq. 8  Production of a variant: V_prod,v[t] = V_bill,v[t] + L_v.
 * - Eq. 9  Energy: E_v[t] = e·V_prod,v[t] + Σ_D n_D·P_D·8.76 [kWh/yr] (e in kWh/m³, device power P_D in W);
 *          energy cost = E × electricity price[t]; use-phase carbon = E × grid factor[t].
 * - Eq. 10 Production cost excluding energy (treatment chemicals, consumables, abstraction): c_prod·V_prod,v[t].
 *          This is NOT the retail price of water (≈4.19 €/m³ incl. sanitation), which also pays for the network,
 *          sanitation, taxes and fees; using it would overstate savings and double-count the energy.
 * - Eq. 11 Scarcity (socio-economic only): externalCost[t] = (L_v + K_v[t]) × waterScarcityValue[t], the water
 *          abstracted and wasted, so that the difference between variants is the avoided production × value.
 * - Eq. 12 Meters: status quo and campaigns keep mechanical meters (existing stock replaced every N years) and
 *          pay reading by hand, n_m × c_read per year. The smart network replaces every meter by a radio meter at
 *          index 0 (catalogue `meterRadio*`, whose cost is the whole installed meter) and then at the end of its
 *          life; it pays no mechanical replacement and no reading by hand. Each meter is bought once per variant:
 *          no double counting. Mechanical meters retired early by the smart network are sunk costs (not counted).
 * - Eq. 13 Campaign cost: λ × s × c_km per year (λ network length, s share surveyed per year, c_km cost per km
 *          surveyed).
 * - Eq. 14 Devices: n_sensor = λ·c·δ_sensor, n_pc = λ·δ_pc, n_m = meters; connectedDevices = n_m + n_sensor + n_pc;
 *          data = Σ n_D × data_D. Counts are not rounded (an aggregate model; doubling the inventory doubles them).
 * - Eq. 15 Linear loss index (ILP, indice linéaire de pertes): ILP = L / (λ × 365) [m³/km/day].
 *
 * References
 * [1] Observatoire des services publics d'eau et d'assainissement (SISPEA), Onema/OFB: national network
 *     efficiency 79.8 % (≈20 % lost), ≈1 bn m³/yr lost; https://eaufrance.fr/repere-rendement-des-reseaux-deau-potable
 * [2] J. May (1994), the Fixed and Variable Area Discharges (FAVAD) concept, known here only through secondary
 *     sources: A. Lambert, M. Fantozzi, M. Shepherd, "Pressure: leak flow rates using FAVAD: an improved fast-track
 *     practitioner's approach", CCWI 2017, Sheffield; LEAKSSuite, "FAVAD and N1 update",
 *     http://www.leakssuite.com/favad-and-n1update/ ; J. E. van Zyl, R. Malde, "Evaluating the pressure-leakage
 *     behaviour of leaks in water pipes", J. Water Supply: Research and Technology–AQUA 66(5):287, 2017 (field N1
 *     from 0.36 to 2.95). The original 1994 paper was not read.
 * [3] i2O Water, "Pressure/leakage relationship", http://i2owater.com/pressureandleakage-relationship.aspx
 *     (N1 close to 1.0 on average for large systems with mixed pipe materials; up to 1.5 for background leakage).
 * [4] Arrêté du 6 mars 2007 relatif au contrôle des compteurs d'eau froide en service, art. 9 (initial check after
 *     9/12/15 years for class A/B/C meters; services commonly replace meters at 15 years), via
 *     https://www.sidesa.fr/tous-les-articles/eau-potable/distribution/controle-des-compteurs-d-eau
 * [5] CODAH (Le Havre): 115,000 meters equipped for télérelève, €15 M (≈€130 per meter incl. fixed network),
 *     Revue L'Eau, L'Industrie, Les Nuisances n° 364, Sept. 2013,
 *     https://revue.alphamedia.fr/article/telereleve-des-compteurs--enjeux-et-perspectives
 * [6] Département de Seine-et-Marne, performance des réseaux d'eau (efficiency and ILP thresholds),
 *     https://eau.seine-et-marne.fr/fr/performance-des-reseaux-deau
 *
 * Assumptions (each default is in parameters.yaml with its range)
 * - Losses = produced − billed are all real (physical) losses; apparent losses (meter under-registration, theft)
 *   are not modelled, nor the extra billed volume new meters would record.
 * - Every leak is repaired whichever the variant, only sooner with better detection: repair costs are equal across
 *   variants and left out.
 * - Leak reductions act in full from year 1 (steady state, no ramp-up) and last the whole horizon; network ageing
 *   and renewal are outside the model and equal in every variant.
 * - Pressure management acts only on the detectable part: background leakage is held constant, a conservative
 *   choice (in reality it also falls with pressure, with N1 up to 1.5 [3]).
 * - The revenue effect of lower customer-side leaks is a transfer between customers and the service and is not
 *   counted; only the avoided production (energy, production cost, scarcity) is.
 * - Field confirmation of sensor alarms is assumed to be covered by the sensors' maintenance cost.
 */
import { addDevices } from '../digital/model.js';
import { z } from 'zod';
import { InventoryCache } from '../../src/core/inventoryCache.js';
import { seriesRecord } from '../../src/core/arena.js';
import { addEquipmentFleet, emptyFleet, reusableFleetSpec, type FleetSpec } from '../../src/core/equipment.js';
import { argumentError } from '../../src/core/errors.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import type { YearAxis } from '../../src/core/time.js';
import {
  addFleet,
  emptyFlows,
  type ModelDefinition,
  type ModelInput,
  type ScenarioSeries,
  type VariantDefinition,
  type VariantFlows,
} from '../../src/evaluate/model.js';

const DAYS_PER_YEAR = 365;

// ---------------------------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------------------------

/** The water-network inventory of a territory (one service or syndicat). */
export const inventorySchema = z
  .object({
    billedVolumeM3PerYear: z
      .number()
      .positive()
      .meta({ description: 'Volume consumed and billed to subscribers per year (volume consommé autorisé) [m³/yr]' }),
    networkEfficiency: z
      .number()
      .gt(0)
      .lte(1)
      .optional()
      .meta({ description: 'Network efficiency (rendement): billed / produced, e.g. 0.80 [fraction]. Give this OR producedVolumeM3PerYear' }),
    producedVolumeM3PerYear: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Volume produced and put into the network per year [m³/yr]. Give this OR networkEfficiency' }),
    networkLengthKm: z.number().positive().meta({ description: 'Length of the distribution network, excluding service pipes [km]' }),
    subscribers: z.number().int().positive().meta({ description: 'Number of subscribers (abonnés) [subscribers]' }),
    metersCount: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: 'Number of customer meters; defaults to the number of subscribers [meters]' }),
    existingMetersAgeYears: z
      .number()
      .nonnegative()
      .optional()
      .meta({
        description:
          'Average age of the meters in place [years]; when absent the stock is taken as evenly aged (replaced at a steady rate)',
      }),
    energyKwhPerM3: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: 'Override: energy to produce and distribute one m³ (pumping, treatment) [kWh/m³]' }),
    productionCostEurPerM3: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: 'Override: variable production cost excluding energy (chemicals, consumables) [EUR/m³], not the water price' }),
  })
  .strict()
  .superRefine((inv, ctx) => {
    const hasEfficiency = inv.networkEfficiency !== undefined;
    const hasProduced = inv.producedVolumeM3PerYear !== undefined;
    if (hasEfficiency === hasProduced) {
      ctx.addIssue({
        code: 'custom',
        path: hasEfficiency ? ['producedVolumeM3PerYear'] : ['networkEfficiency'],
        message: hasEfficiency
          ? 'give either networkEfficiency or producedVolumeM3PerYear, not both (remove one: they say the same thing)'
          : 'give exactly one of networkEfficiency (rendement, e.g. 0.80) or producedVolumeM3PerYear (m³ put into the network per year)',
      });
    }
    const produced = inv.producedVolumeM3PerYear;
    if (produced !== undefined && produced < inv.billedVolumeM3PerYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['producedVolumeM3PerYear'],
        message: `producedVolumeM3PerYear (${produced}) must be at least billedVolumeM3PerYear (${inv.billedVolumeM3PerYear}): a network cannot deliver more than it receives`,
      });
    }
  });

export type Inventory = z.infer<typeof inventorySchema>;

// ---------------------------------------------------------------------------------------------------------------
// Pure equations
// ---------------------------------------------------------------------------------------------------------------

function checkFraction(fn: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw argumentError(fn, name, 'a fraction from 0 to 1', value);
}

function checkNonNegative(fn: string, name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw argumentError(fn, name, 'a finite number ≥ 0', value);
}

/**
 * Eq. 1: volume produced from the billed volume and the network efficiency (rendement).
 * @param billedVolumeM3 volume billed [m³/yr]
 * @param networkEfficiency billed / produced [fraction], in (0, 1]
 * @returns volume produced [m³/yr]
 * @example producedVolumeM3(1_000_000, 0.8) // 1_250_000
 */
export function producedVolumeM3(billedVolumeM3: number, networkEfficiency: number): number {
  checkNonNegative('producedVolumeM3', 'billedVolumeM3', billedVolumeM3);
  if (!(networkEfficiency > 0 && networkEfficiency <= 1)) {
    throw argumentError('producedVolumeM3', 'networkEfficiency', 'a fraction in (0, 1]', networkEfficiency);
  }
  return billedVolumeM3 / networkEfficiency;
}

/**
 * Eq. 2: network losses, the volume produced but not billed.
 * @param producedM3 volume produced [m³/yr]
 * @param billedM3 volume billed [m³/yr], at most `producedM3`
 * @returns losses [m³/yr]
 * @example networkLossesM3(1_250_000, 1_000_000) // 250_000
 */
export function networkLossesM3(producedM3: number, billedM3: number): number {
  checkNonNegative('networkLossesM3', 'billedM3', billedM3);
  if (!(producedM3 >= billedM3)) throw argumentError('networkLossesM3', 'producedM3', `≥ billedM3 (${billedM3})`, producedM3);
  return producedM3 - billedM3;
}

/** Present volumes of a network from its inventory (Eq. 1–2). */
export interface BaseVolumes {
  /** Billed volume [m³/yr]. */
  billedM3: number;
  /** Produced volume [m³/yr]. */
  producedM3: number;
  /** Network losses [m³/yr]. */
  lossesM3: number;
  /** Network efficiency, billed / produced [fraction]. */
  networkEfficiency: number;
}

/**
 * Eq. 1–2 from an inventory: whichever of efficiency or produced volume is given, the other follows.
 * @example baseVolumes({ billedVolumeM3PerYear: 1e6, networkEfficiency: 0.8, networkLengthKm: 200, subscribers: 9000 }).lossesM3 // 250_000
 */
export function baseVolumes(inventory: Inventory): BaseVolumes {
  const billedM3 = inventory.billedVolumeM3PerYear;
  const producedM3 =
    inventory.producedVolumeM3PerYear ?? producedVolumeM3(billedM3, inventory.networkEfficiency ?? Number.NaN);
  const lossesM3 = networkLossesM3(producedM3, billedM3);
  return { billedM3, producedM3, lossesM3, networkEfficiency: billedM3 / producedM3 };
}

/**
 * Eq. 4: factor on the volume lost by detectable leaks when their detection time changes. A leak's volume is its
 * flow times its run time (detection + repair), so the factor is the ratio of run times.
 * @param detectionDays detection time of the variant [day]
 * @param baselineDetectionDays detection time of the status quo [day]
 * @param repairDays time from location to repair, the same in both [day]
 * @returns φ [fraction of the baseline run time]
 * @example runTimeFactor(20, 50, 10) // 0.5: (20 + 10) / (50 + 10)
 */
export function runTimeFactor(detectionDays: number, baselineDetectionDays: number, repairDays: number): number {
  checkNonNegative('runTimeFactor', 'detectionDays', detectionDays);
  checkNonNegative('runTimeFactor', 'baselineDetectionDays', baselineDetectionDays);
  checkNonNegative('runTimeFactor', 'repairDays', repairDays);
  const baseline = baselineDetectionDays + repairDays;
  if (!(baseline > 0)) throw argumentError('runTimeFactor', 'baselineDetectionDays + repairDays', '> 0', baseline);
  return (detectionDays + repairDays) / baseline;
}

/**
 * Eq. 5: factor on leak flows after a reduction of the average pressure, by the FAVAD power law L ∝ P^N1 [2].
 * @param pressureReductionFraction reduction of the average zone pressure [fraction], from 0 to 1
 * @param leakageExponentN1 N1 [–]; ≈1 for large mixed networks, 0.5 for fixed-area holes, 1.5 or more for
 *   splits in plastic pipes and background leakage [3]
 * @returns π = (1 − ρ)^N1 [fraction]
 * @example favadLeakageFactor(0.15, 1) // 0.85
 */
export function favadLeakageFactor(pressureReductionFraction: number, leakageExponentN1: number): number {
  checkFraction('favadLeakageFactor', 'pressureReductionFraction', pressureReductionFraction);
  if (!(leakageExponentN1 > 0) || !Number.isFinite(leakageExponentN1)) {
    throw argumentError('favadLeakageFactor', 'leakageExponentN1', 'a positive number', leakageExponentN1);
  }
  return Math.pow(1 - pressureReductionFraction, leakageExponentN1);
}

export interface LossReduction {
  /** Losses of the status quo, L₀ [m³/yr]. */
  lossesM3: number;
  /** Background (undetectable) share of L₀, b [fraction]. */
  backgroundShare: number;
  /** Share of the detectable losses the detection covers, c [fraction]. Default 1. */
  coveredShare?: number;
  /** Factor on the run time (hence volume) of covered detectable leaks, φ [fraction]. Default 1. */
  runTimeFactor?: number;
  /** Factor on leak flows from pressure management, π [fraction]. Default 1. */
  pressureFactor?: number;
}

/**
 * Eq. 6: losses of a variant. The background part b·L₀ is untouched; the covered detectable part is scaled by the
 * run-time factor; the remaining detectable flows are scaled by the pressure factor. Never below b·L₀.
 * @returns L_v [m³/yr]
 * @example remainingLossesM3({ lossesM3: 250_000, backgroundShare: 0.3, runTimeFactor: 0.5, pressureFactor: 0.85 })
 *   // 149_375 = 75_000 + 175_000 × 0.5 × 0.85
 */
export function remainingLossesM3(r: LossReduction): number {
  const fn = 'remainingLossesM3';
  checkNonNegative(fn, 'lossesM3', r.lossesM3);
  checkFraction(fn, 'backgroundShare', r.backgroundShare);
  const c = r.coveredShare ?? 1;
  const phi = r.runTimeFactor ?? 1;
  const pi = r.pressureFactor ?? 1;
  checkFraction(fn, 'coveredShare', c);
  checkNonNegative(fn, 'runTimeFactor', phi);
  checkNonNegative(fn, 'pressureFactor', pi);
  const background = r.backgroundShare * r.lossesM3;
  const detectable = r.lossesM3 - background;
  return background + detectable * (1 - c * (1 - phi)) * pi;
}

/**
 * Eq. 7: factor on the volume of customer-side leaks when a télérelève alert shortens their run time.
 * @param runDaysWithAlert average run time with an alert (continuous-flow trigger + customer repair) [day]
 * @param runDaysWithoutAlert average run time without (until a reading or a bill reveals it) [day], > 0
 * @returns ψ [fraction]
 * @example customerLeakFactor(10, 180) // 0.0556: 10 / 180
 */
export function customerLeakFactor(runDaysWithAlert: number, runDaysWithoutAlert: number): number {
  checkNonNegative('customerLeakFactor', 'runDaysWithAlert', runDaysWithAlert);
  if (!(runDaysWithoutAlert > 0)) throw argumentError('customerLeakFactor', 'runDaysWithoutAlert', '> 0', runDaysWithoutAlert);
  return runDaysWithAlert / runDaysWithoutAlert;
}

/**
 * Eq. 15: linear loss index (indice linéaire de pertes, ILP), the losses per km of network per day. French
 * départements compare it with 2.5 / 5 / 10 m³/km/day for < 25 / 25–50 / > 50 subscribers per km [6].
 * @param lossesM3PerYear network losses [m³/yr]
 * @param networkLengthKm network length [km], > 0
 * @returns ILP [m³/km/day]
 * @example linearLossIndexM3PerKmPerDay(250_000, 200) // 3.42: 250,000 / (200 × 365)
 */
export function linearLossIndexM3PerKmPerDay(lossesM3PerYear: number, networkLengthKm: number): number {
  checkNonNegative('linearLossIndexM3PerKmPerDay', 'lossesM3PerYear', lossesM3PerYear);
  if (!(networkLengthKm > 0)) throw argumentError('linearLossIndexM3PerKmPerDay', 'networkLengthKm', '> 0', networkLengthKm);
  return lossesM3PerYear / (networkLengthKm * DAYS_PER_YEAR);
}

/** A group of meters of the same age, for the replacement schedule of the meters in place. */
export interface MeterCohort {
  /** Meters in the cohort [meters]. */
  count: number;
  /** Their age at index 0 [years]. */
  ageYears: number;
}

/**
 * The meters in place as cohorts for `equipmentFleet`: one cohort at the given age, or, when the age is unknown,
 * an evenly aged stock (round(N) cohorts aged 0, N/n, 2N/n … years), which is replaced at a steady rate of
 * count / N meters a year.
 * @param count meters in place [meters]
 * @param lifetimeYears replacement period N [years], > 0
 * @param ageYears average age, when known [years]
 * @example existingMeterCohorts(1500, 15).length // 15 cohorts of 100 meters, aged 0 … 14 years
 */
export function existingMeterCohorts(count: number, lifetimeYears: number, ageYears?: number): MeterCohort[] {
  checkMeterCohorts(count, lifetimeYears);
  const n = meterCohortCount(lifetimeYears, ageYears);
  return Array.from({ length: n }, (_, k) => ({ count: count / n, ageYears: meterCohortAgeYears(k, n, lifetimeYears, ageYears) }));
}

/** The argument checks of `existingMeterCohorts`, also run by the model, which walks the cohorts without the list. */
function checkMeterCohorts(count: number, lifetimeYears: number): void {
  if (!(lifetimeYears > 0)) throw argumentError('existingMeterCohorts', 'lifetimeYears', '> 0', lifetimeYears);
  checkNonNegative('existingMeterCohorts', 'count', count);
}

/** How many cohorts `existingMeterCohorts` makes: 1 when the age is known, else round(N) (at least 1). */
function meterCohortCount(lifetimeYears: number, ageYears: number | undefined): number {
  return ageYears !== undefined ? 1 : Math.max(1, Math.round(lifetimeYears));
}

/** Age of the k-th of `n` cohorts [years]: the known age, else k × N / n (evenly aged stock). */
function meterCohortAgeYears(k: number, n: number, lifetimeYears: number, ageYears: number | undefined): number {
  return ageYears ?? (k * lifetimeYears) / n;
}

// ---------------------------------------------------------------------------------------------------------------
// Variants and volumes
// ---------------------------------------------------------------------------------------------------------------

export const VARIANTS: VariantDefinition[] = [
  {
    id: 'status-quo',
    kind: 'statusQuo',
    name: { fr: 'Situation actuelle', en: 'Status quo' },
    description: {
      fr: 'Les pertes restent à leur niveau actuel ; les compteurs mécaniques sont remplacés en fin de vie et relevés à la main.',
      en: 'Losses stay at their present level; mechanical meters are replaced at end of life and read by hand.',
    },
  },
  {
    id: 'manual-leak-campaigns',
    kind: 'alternative',
    name: { fr: 'Campagnes manuelles de recherche de fuites', en: 'Manual leak-detection campaigns' },
    description: {
      fr: "Des agents auscultent chaque année une partie du réseau (écoute, corrélation acoustique) ; les pertes détectables baissent d'une fraction.",
      en: 'Staff survey part of the network each year (listening, acoustic correlation); detectable losses fall by a fraction.',
    },
  },
  {
    id: 'smart-network',
    kind: 'digital',
    name: { fr: 'Réseau intelligent', en: 'Smart network' },
    description: {
      fr: 'Télérelève (compteurs radio), capteurs acoustiques de fuites fixes et modulation de pression : fuites trouvées plus tôt, débits de fuite réduits, alertes de fuite aux abonnés, fin de la relève manuelle.',
      en: 'Smart metering (radio meters), fixed acoustic leak sensors and pressure management: leaks found sooner, lower leak flows, leak alerts to customers, no more manual reading.',
    },
  },
];

export const SCENARIO_SERIES = [
  'waterDemandFactor',
  'gridFactorKgCo2ePerKwh',
  'electricityPriceEurPerKwh',
  'waterScarcityValueEurPerM3',
  'digitalCostFactor',
  'digitalEmbodiedFactor',
] as const;

/** Parameter names of this model (its parameters.yaml). */
export const PARAMETER_NAMES = [
  'waterEnergyKwhPerM3',
  'waterProductionCostEurPerM3',
  'backgroundLossShare',
  'leakDetectionDaysManual',
  'leakDetectionDaysDigital',
  'leakRepairDays',
  'leakSensorDensityPerKm',
  'leakSensorCoverageFraction',
  'pressureControlPointsPerKm',
  'pressureReductionFraction',
  'leakageExponentN1',
  'leakSurveyCostEurPerKm',
  'leakSurveyShareOfNetworkPerYear',
  'leakSurveyLossReductionFraction',
  'manualMeterCostEur',
  'manualMeterLifetimeYears',
  'manualMeterEmbodiedKgCo2e',
  'manualMeterEndOfLifeKgCo2e',
  'meterReadingCostEurPerMeterPerYear',
  'customerLeakShareOfBilled',
  'customerLeakRunDaysWithoutAlert',
  'customerLeakRunDaysWithAlert',
] as const;

/** The devices of the smart network, by their name in the shared catalogue (models/digital/parameters.yaml). */
export const DEVICES = ['meterRadio', 'acousticSensor', 'pressureController'] as const;
type Device = (typeof DEVICES)[number];

function param(p: ParameterValues, name: string): number {
  const v = p[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(
      `water model: parameter ${name} is ${v === undefined ? 'missing' : String(v)}; ` +
        'it must come from models/water/parameters.yaml or the device catalogue (models/digital/parameters.yaml)',
    );
  }
  return v;
}

function series(s: ScenarioSeries, name: string, axis: YearAxis): Float64Array {
  const v = s[name];
  if (!v || v.length !== axis.length) {
    throw new Error(`water model: scenario series ${name} is ${v ? `of length ${v.length}` : 'missing'}; expected ${axis.length} values`);
  }
  return v;
}

/** Yearly volumes of one variant [m³/yr]; index 0 (investment year) is 0. */
export interface VariantVolumes {
  billedM3: Float64Array;
  producedM3: Float64Array;
  /** Network losses (Eq. 6). */
  lossesM3: Float64Array;
  /** Customer-side leak volume, included in `billedM3` (Eq. 7). */
  customerLeaksM3: Float64Array;
}

/**
 * Device counts of the smart network (Eq. 14) [units]: one meter radio per meter, acoustic sensors on the covered
 * length, pressure controllers per km.
 * @example
 * // the example town (180 km, 9,000 subscribers) with the defaults (2 sensors/km on 100 % of the length,
 * // 0.02 pressure control point/km)
 * deviceCounts(inventory, p) // { meterRadio: 9000, acousticSensor: 360, pressureController: 3.6 }
 */
export function deviceCounts(inventory: Inventory, p: ParameterValues): Record<Device, number> {
  return deviceCountsInto(inventory, p, { meterRadio: 0, acousticSensor: 0, pressureController: 0 });
}

/** `deviceCounts` written into `into` (the model's scratch counts). Returns `into`. */
function deviceCountsInto(inventory: Inventory, p: ParameterValues, into: Record<Device, number>): Record<Device, number> {
  const length = inventory.networkLengthKm;
  into.meterRadio = inventory.metersCount ?? inventory.subscribers;
  into.acousticSensor = length * param(p, 'leakSensorCoverageFraction') * param(p, 'leakSensorDensityPerKm');
  into.pressureController = length * param(p, 'pressureControlPointsPerKm');
  return into;
}

/** The four volume series of a variant, in the order an arena lays them out. */
const VOLUME_SERIES = ['billedM3', 'producedM3', 'lossesM3', 'customerLeaksM3'] as const;

/** What the model needs from an inventory alone, computed once per inventory object (immutable after validation). */
interface Prepared {
  /** Eq. 1–2. */
  base: BaseVolumes;
  /** Customer meters [meters]. */
  meters: number;
}

const preparedByInventory = new InventoryCache<Inventory, Prepared>();

function prepare(inventory: Inventory): Prepared {
  let prepared = preparedByInventory.get(inventory);
  if (prepared === undefined) {
    prepared = { base: baseVolumes(inventory), meters: inventory.metersCount ?? inventory.subscribers };
    preparedByInventory.set(inventory, prepared);
  }
  return prepared;
}

/** The per-call factors of Eq. 6–7: network losses of each variant, customer-side leak share and alert factor. */
interface VolumeFactors {
  /** L_v of the status quo, the manual campaigns and the smart network (Eq. 6) [m³/yr]. */
  statusQuoLossesM3: number;
  campaignLossesM3: number;
  smartLossesM3: number;
  /** k [fraction of billed]. */
  customerLeakShare: number;
  /** ψ [fraction]. */
  alertFactor: number;
}

/** A `VolumeFactors` of zeros, to be filled by `volumeFactors`. */
function blankVolumeFactors(): VolumeFactors {
  return { statusQuoLossesM3: 0, campaignLossesM3: 0, smartLossesM3: 0, customerLeakShare: 0, alertFactor: 0 };
}

/** A `LossReduction` with every field present, which `volumeFactors` fills for each variant. */
function blankLossReduction(): Required<LossReduction> {
  return { lossesM3: 0, backgroundShare: 0, coveredShare: 1, runTimeFactor: 1, pressureFactor: 1 };
}

/**
 * Scratch records of `simulate` and `volumeFactors`: every field is overwritten before it is read in each call, and
 * nothing is kept from one call to the next (Monte Carlo rewrites `p` and `s` in place between calls): work space,
 * not a cache. The functions are synchronous and not re-entrant, so one of each suffices.
 */
const SCRATCH_FACTORS = blankVolumeFactors();
const SCRATCH_LOSS_REDUCTION = blankLossReduction();
const SCRATCH_COUNTS: Record<Device, number> = { meterRadio: 0, acousticSensor: 0, pressureController: 0 };
const SCRATCH_COHORT: FleetSpec = reusableFleetSpec();

/** Eq. 4–7 on scalars, written into `into`: the factors `variantVolumes` spreads over the years. Returns `into`. */
function volumeFactors(p: ParameterValues, base: BaseVolumes, into: VolumeFactors): VolumeFactors {
  const r = SCRATCH_LOSS_REDUCTION;
  r.lossesM3 = base.lossesM3;
  r.backgroundShare = param(p, 'backgroundLossShare');
  into.statusQuoLossesM3 = base.lossesM3;
  r.coveredShare = 1;
  r.runTimeFactor = 1 - param(p, 'leakSurveyLossReductionFraction');
  r.pressureFactor = 1;
  into.campaignLossesM3 = remainingLossesM3(r);
  r.coveredShare = param(p, 'leakSensorCoverageFraction');
  r.runTimeFactor = runTimeFactor(param(p, 'leakDetectionDaysDigital'), param(p, 'leakDetectionDaysManual'), param(p, 'leakRepairDays'));
  r.pressureFactor = favadLeakageFactor(param(p, 'pressureReductionFraction'), param(p, 'leakageExponentN1'));
  into.smartLossesM3 = remainingLossesM3(r);
  const customerLeakShare = param(p, 'customerLeakShareOfBilled');
  checkFraction('waterVolumes', 'customerLeakShareOfBilled', customerLeakShare);
  into.customerLeakShare = customerLeakShare;
  into.alertFactor = customerLeakFactor(param(p, 'customerLeakRunDaysWithAlert'), param(p, 'customerLeakRunDaysWithoutAlert'));
  return into;
}

/** L_v of a variant (Eq. 6) from the per-call factors [m³/yr]. */
function variantLossesM3(factors: VolumeFactors, variant: VariantDefinition): number {
  if (variant.kind === 'digital') return factors.smartLossesM3;
  return variant.kind === 'alternative' ? factors.campaignLossesM3 : factors.statusQuoLossesM3;
}

/** ψ of a variant: the télérelève alerts shorten customer-side leaks in the digital variant only (Eq. 7). */
function variantAlertFactor(factors: VolumeFactors, variant: VariantDefinition): number {
  return variant.kind === 'digital' ? factors.alertFactor : 1;
}

/**
 * Eq. 3–8: yearly billed, produced and lost volumes of every variant.
 * @example waterVolumes(yearAxis(2026, 25), p, s, inventory)['smart-network'].lossesM3[1] // 149_375 with the defaults for L₀ = 250,000
 */
export function waterVolumes(
  axis: YearAxis,
  p: ParameterValues,
  s: ScenarioSeries,
  inventory: Inventory,
): Record<string, VariantVolumes> {
  const base = prepare(inventory).base;
  const demand = series(s, 'waterDemandFactor', axis);
  const factors = volumeFactors(p, base, blankVolumeFactors());
  const out: Record<string, VariantVolumes> = {};
  for (const v of VARIANTS) out[v.id] = variantVolumes(emptyVolumes(axis.length), v, base, demand, factors);
  return out;
}

/** Four zero series of `n` values, in one fresh buffer. */
function emptyVolumes(n: number): VariantVolumes {
  return seriesRecord<VariantVolumes>(VOLUME_SERIES, n);
}

/**
 * Eq. 3, 7, 8 for one variant, written into `vol` from index 1: billed volume with the customer-side leaks (ψ only
 * for the digital variant's alerts), constant network losses L_v (Eq. 6), produced = billed + losses. The model's
 * `simulate` walks the same years through the same per-year equations without keeping the series.
 */
function variantVolumes(
  vol: VariantVolumes,
  variant: VariantDefinition,
  base: BaseVolumes,
  demand: Float64Array,
  factors: VolumeFactors,
): VariantVolumes {
  const k = factors.customerLeakShare;
  const alert = variantAlertFactor(factors, variant);
  const losses = variantLossesM3(factors, variant);
  for (let t = 1; t < vol.billedM3.length; t++) {
    const customerLeaks = customerLeaksM3(base.billedM3, demand[t], k);
    vol.customerLeaksM3[t] = alertedCustomerLeaksM3(customerLeaks, alert);
    vol.billedM3[t] = variantBilledM3(base.billedM3, demand[t], customerLeaks, alert);
    vol.lossesM3[t] = losses;
    vol.producedM3[t] = producedM3(vol.billedM3[t], losses);
  }
  return vol;
}

/** Eq. 3 and 7: customer-side leaks of a year before any alert, K = k × V_bill,0 × D[t] [m³/yr]. */
function customerLeaksM3(billedBaseM3: number, demand: number, customerLeakShare: number): number {
  return customerLeakShare * (billedBaseM3 * demand);
}

/** Eq. 7: the customer-side leaks left with the variant's alerts, ψ × K [m³/yr] (ψ = 1 without télérelève). */
function alertedCustomerLeaksM3(customerLeaksM3: number, alertFactor: number): number {
  return customerLeaksM3 * alertFactor;
}

/** Eq. 3 and 7: billed volume of a variant, V_bill,0 × D[t] less the leaks its alerts avoid, K × (1 − ψ) [m³/yr]. */
function variantBilledM3(billedBaseM3: number, demand: number, customerLeaksM3: number, alertFactor: number): number {
  return billedBaseM3 * demand - customerLeaksM3 * (1 - alertFactor);
}

/** Eq. 8: production of a variant in a year, V_prod,v = V_bill,v + L_v [m³/yr]. */
function producedM3(billedM3: number, lossesM3: number): number {
  return billedM3 + lossesM3;
}

// ---------------------------------------------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------------------------------------------

function simulate({ axis, p, s, inventory, arena }: ModelInput<Inventory>): Record<string, VariantFlows> {
  const n = axis.length;
  const { base, meters } = prepare(inventory);
  const demand = series(s, 'waterDemandFactor', axis);
  const factors = volumeFactors(p, base, SCRATCH_FACTORS);
  const grid = series(s, 'gridFactorKgCo2ePerKwh', axis);
  const price = series(s, 'electricityPriceEurPerKwh', axis);
  const scarcity = series(s, 'waterScarcityValueEurPerM3', axis);
  const energyPerM3 = inventory.energyKwhPerM3 ?? param(p, 'waterEnergyKwhPerM3');
  const productionCost = inventory.productionCostEurPerM3 ?? param(p, 'waterProductionCostEurPerM3');
  const readingCost = param(p, 'meterReadingCostEurPerMeterPerYear');
  const surveyShare = param(p, 'leakSurveyShareOfNetworkPerYear');
  const surveyCost = inventory.networkLengthKm * surveyShare * param(p, 'leakSurveyCostEurPerKm');
  checkFraction('water model', 'leakSurveyShareOfNetworkPerYear', surveyShare);

  // Eq. 12: mechanical meters in place, replaced at end of life (status quo and campaigns), as the cohorts of
  // `existingMeterCohorts`, computed one after the other in one scratch fleet.
  const manualLifetime = param(p, 'manualMeterLifetimeYears');
  checkMeterCohorts(meters, manualLifetime);
  const ageYears = inventory.existingMetersAgeYears;
  const cohorts = meterCohortCount(manualLifetime, ageYears);
  const cohortSpec = SCRATCH_COHORT;
  cohortSpec.count = meters / cohorts;
  cohortSpec.lifetimeYears = manualLifetime;
  cohortSpec.unitCostEur = param(p, 'manualMeterCostEur');
  cohortSpec.unitEmbodiedKgCo2e = param(p, 'manualMeterEmbodiedKgCo2e');
  cohortSpec.unitEndOfLifeKgCo2e = param(p, 'manualMeterEndOfLifeKgCo2e');
  cohortSpec.firstPurchaseIndex = null;
  // The cohorts are added, in their order, into one fleet (`addEquipmentFleet`), which the variants then add.
  const manualMeters = emptyFleet(n, arena);
  for (let c = 0; c < cohorts; c++) {
    cohortSpec.ageYears = meterCohortAgeYears(c, cohorts, manualLifetime, ageYears);
    addEquipmentFleet(axis, cohortSpec, manualMeters);
  }

  // Eq. 14: devices of the smart network.
  const counts = deviceCountsInto(inventory, p, SCRATCH_COUNTS);

  const out = {
    'status-quo': emptyFlows(axis, arena),
    'manual-leak-campaigns': emptyFlows(axis, arena),
    'smart-network': emptyFlows(axis, arena),
  };
  const k = factors.customerLeakShare;
  for (const v of VARIANTS) {
    const flows = out[v.id as keyof typeof out];
    const digital = v.kind === 'digital';
    if (digital) {
      // Eq. 14: the smart network's devices through the shared catalogue helpers (models/digital): fleet,
      // power draw (energy, bill, carbon, all counted as digital), maintenance, connected devices and data.
      for (const d of DEVICES) {
        const count = counts[d];
        if (count > 0) addDevices(flows, axis, p, s, d, count);
      }
    } else {
      addFleet(flows, manualMeters, false); // readable version: for (const fleet of cohortFleets) addFleet(flows, fleet, false)
    }
    const fixedOpex = digital ? 0 : meters * readingCost + (v.kind === 'alternative' ? surveyCost : 0);
    const alert = variantAlertFactor(factors, v);
    const losses = variantLossesM3(factors, v);
    const external = flows.externalCostEur!; // zeros from emptyFlows, set below from index 1
    const { energyKwh, energyCostEur, useKgCo2e, opexEur } = flows;
    for (let t = 1; t < n; t++) {
      // Eq. 3, 7, 8: this year's volumes, as `variantVolumes` writes them.
      const customerLeaks = customerLeaksM3(base.billedM3, demand[t], k);
      const produced = producedM3(variantBilledM3(base.billedM3, demand[t], customerLeaks, alert), losses);
      const energy = produced * energyPerM3; // Eq. 9 (the devices' own draw is already in the flows)
      energyKwh[t] += energy;
      energyCostEur[t] += energy * price[t];
      useKgCo2e[t] += energy * grid[t];
      opexEur[t] += fixedOpex + produced * productionCost; // Eq. 10, 12, 13
      external[t] = (losses + alertedCustomerLeaksM3(customerLeaks, alert)) * scarcity[t]; // Eq. 11
    }
  }
  return out;
}

/** The drinking-water network model (contract: src/evaluate/model.ts). */
export const model: ModelDefinition<Inventory> = {
  id: 'water',
  name: { fr: "Gestion de l'eau potable", en: 'Drinking-water network' },
  variants: VARIANTS,
  inventorySchema,
  scenarioSeries: SCENARIO_SERIES,
  simulate,
  describeInventory: (inventory) => ({
    quantity: inventory.networkLengthKm,
    unit: { fr: 'km de réseau', en: 'km of network' },
  }),
};
