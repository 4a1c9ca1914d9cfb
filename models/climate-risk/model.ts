/**
 * Climate-risk prevention (*prévention et gestion des risques climatiques*): what a local warning system is worth
 * against floods, run-off (*ruissellement*), heat waves and storms, and what it costs in money and carbon.
 *
 * What it computes. For each hazard of the territory, the expected annual damage (EAD, *dommages moyens annuels*)
 * from a damage–return-period curve, its trend under the scenario, and the share of it that warnings avoid in
 * three variants: `status-quo` (national vigilance only: Vigicrues, Météo-France *vigilance*), `manual-watch`
 * (organised local watch: staff on call reading staff gauges, a phone tree) and `early-warning` (hydrometric /
 * rain stations and urban heat sensors on the shared network, an alert platform). Each variant carries its OWN
 * remaining damages as costs: damages to public assets in `opexEur` (repairs paid by the budget), damages to
 * private assets in `externalCostEur` (society only), the emissions of rebuilding in `useKgCo2e`, and, when switched
 * on, the value of statistical lives lost in `externalCostEur`. Avoided damages are the engine's difference between
 * a variant and the status quo.
 *
 * Equations (same numbering in README.md):
 * - Eq. 1, expected annual damage [EUR/yr]. A hazard's curve gives damages D_i at return periods T_i, i.e. at annual
 *   exceedance probabilities p_i = 1/T_i (sorted from the most frequent, p_1, to the rarest, p_n). EAD = ∫ D dp is
 *   integrated by trapezoids between the points, Σ (p_i − p_{i+1}) (D_i + D_{i+1}) / 2, plus two stated rules at
 *   the ends: (tail) events rarer than the rarest point cost what the rarest point costs, adding p_n × D_n; (threshold)
 *   events more frequent than the most frequent point cause no damage, so nothing is added above p_1 (give a point
 *   with damageEur 0, e.g. at 2 years, to draw a gradual start instead of a step).
 * - Eq. 2, hazard trend: EAD(t) = EAD_0 × hazardDamageFactor[t] for t ≥ 1, and 0 at index 0 (the investment year).
 * - Eq. 3, lead-time effect: f(h) = 1 − exp(−h / h0), a saturating curve of the lead time h [h]; f(0) = 0.
 * - Eq. 4, calibration: h0 is set so that a warning at the reference lead time h_ref (24 h) with full coverage and
 *   response avoids the reference reduction R_ref (30 %) [1]: R_max × f(h_ref) = R_ref, i.e.
 *   h0 = −h_ref / ln(1 − R_ref / R_max). With R_max = 0.40 this gives h0 ≈ 17.3 h. R_max > R_ref is required.
 * - Eq. 5, one warning chain: R(h, c, r) = R_max × f(h) × c × r, with c the coverage (share of the exposed damages
 *   the warning reaches) and r the response rate (share of those warned who act usefully).
 * - Eq. 6, national + local chain (the local variants keep national vigilance). Coverages are nested: on the
 *   overlap o = min(c_nat, c_loc) an operating local chain (h_loc > 0) also relays national vigilance, so it warns
 *   with the longer of the two lead times and its own response rate, and the asset gets the better of that and of
 *   national vigilance alone; each part outside the overlap has its own chain:
 *   R_v = R_max × [ o × max(f_nat r_nat, [h_loc > 0] f(max(h_nat, h_loc)) r_loc) + (c_loc − o) f_loc r_loc
 *   + (c_nat − o) f_nat r_nat ].
 *   The status quo is R_sq = R(h_nat, c_nat, r_nat). A local chain never makes warning worse: R_v ≥ R_sq. A local
 *   chain with zero lead time is not operating (it neither detects nor relays): R_v = R_sq.
 * - Eq. 7, remaining damages of variant v [EUR/yr]: D_v(t) = EAD(t) × (1 − R_v). publicShare × D_v goes to
 *   `opexEur`, (1 − publicShare) × D_v to `externalCostEur`. The inventory's curves are damages WITHOUT warning
 *   (as depth–damage functions give them), so the status quo already benefits from national vigilance.
 * - Eq. 8, reconstruction emissions [kgCO2e/yr]: ε × D_v(t), with ε the monetary emission ratio of repair works
 *   [kgCO2e/EUR], booked in `useKgCo2e` of every variant (so avoided damages avoid reconstruction emissions).
 * - Eq. 9, fatalities (optional, off by default): N_v(t) = N × hazardDamageFactor[t] × (1 − ρ_v), with N the
 *   expected fatalities per year TODAY (status quo) and ρ_v = min(1, φ × (R_v − R_sq) / (1 − R_sq)) the relative
 *   reduction, φ the ratio of the relative fatality reduction to the relative damage reduction. The cost
 *   includeFatalities × N_v × VSL goes to `externalCostEur`.
 * - Eq. 10, network size when not given: stations = ⌈catchmentAreaKm2 × gaugeStationsPerKm2⌉ when the territory has
 *   a flood or run-off hazard (0 otherwise); heat sensors = ⌈population × urbanHeatSensorsPerInhabitant⌉ when it
 *   has a heat hazard (0 otherwise).
 * - Eq. 11, costs. manual-watch: staff gauges (one per watch point = station) through `equipmentFleet`, and labour
 *   (hoursPerPoint × points + hoursPerInhabitant × population) × staff cost per hour from year 1. early-warning:
 *   stations and heat sensors through `equipmentFleet` (digital = true), their maintenance, grid power
 *   (P × 8,760 h, use emissions at the grid factor of the year), the alert platform (per inhabitant per year), the
 *   operator's time per device, and a one-off alert-threshold set-up per station at index 0. Shared gateways,
 *   network and IoT platform are added by the engine from `connectedDevices`.
 *   Local flood and run-off warnings need watch points: with 0 stations their local lead time is 0.
 *
 * References:
 * [1] Global Commission on Adaptation (2019), *Adapt Now: A Global Call for Leadership on Climate Resilience*,
 *     GCA / World Resources Institute, September 2019; as cited by WMO, *Weather forecasts and early warnings*,
 *     https://wmo.int/site/science-action/weather-forecasts-and-early-warnings (24 h warning of a storm or heat wave
 *     cuts damage by 30 %; early warning systems return about 9 times their cost).
 * [2] Caisse centrale de réassurance (CCR), Cat-Nat results 1982–2021, via La Gazette des communes,
 *     https://www.lagazettedescommunes.com/935390/catastrophe-naturelle-la-caisse-centrale-de-reassurance-mise-sur-la-prevention
 * [3] E. Quinet (2013), *L'évaluation socioéconomique des investissements publics*, Commissariat général à la
 *     stratégie et à la prospective: value of a statistical life 3 M€, as quoted by N. Treich, « Le concept de
 *     valeur de la vie en économie », Futuribles, October 2014.
 * [4] CGDD / DGPR (2014, updated 2018), *Analyse multicritères des projets de prévention des inondations – guide
 *     méthodologique*: the French framework in which EAD is called *dommages moyens annuels* (DMA). The trapezoid
 *     rule of Eq. 1 is the usual numerical approach; it was not checked against the guide's own formula.
 *
 * Assumptions (each default is in parameters.yaml with its range and reasoning): the maximum share of damage a
 * warning can avoid (R_max); lead times, coverages and response rates of each chain; the monetary emission ratio
 * of reconstruction; staff hours and costs; station and sensor densities. Hazards are independent (no compound
 * events); damages do not depend on the scenario except through hazardDamageFactor; warnings change no structural
 * damage beyond what R_max allows; the local systems' benefit is only the damages and lives they save (no benefit
 * for crisis management, traffic or insurance premiums).
 */
import { addDevices } from '../digital/model.js';
import { z } from 'zod';
import { InventoryCache } from '../../src/core/inventoryCache.js';
import { addEquipmentFleet, emptyFleet, reusableFleetSpec, type FleetSpec } from '../../src/core/equipment.js';
import { argumentError } from '../../src/core/errors.js';
import type { ParameterValues } from '../../src/core/parameter.js';
import { addFleet, emptyFlows, type ModelDefinition, type VariantFlows } from '../../src/evaluate/model.js';

// ---------------------------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------------------------

export const HAZARD_KINDS = ['flood', 'heat', 'runoff', 'storm'] as const;
/** River flood, heat wave, run-off / flash flood (*ruissellement*), wind storm. */
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** Hazard kinds that local stations (hydrometric / rain gauges) watch. */
const WATER_KINDS: ReadonlySet<HazardKind> = new Set(['flood', 'runoff']);

const damagePointSchema = z
  .object({
    returnPeriodYears: z
      .number()
      .gt(1)
      .meta({ description: 'Return period of the event [years], > 1 (e.g. 10, 30, 100, 1000)' }),
    damageEur: z
      .number()
      .min(0)
      .meta({ description: 'Damage of that event WITHOUT any warning, public and private assets, excl. VAT [EUR]' }),
  })
  .strict();

const hazardSchema = z
  .object({
    id: z.string().min(1).meta({ description: 'Name of the hazard in reports, e.g. "crue-de-la-vienne"' }),
    kind: z.enum(HAZARD_KINDS).meta({ description: 'flood | heat | runoff | storm' }),
    damageCurve: z
      .array(damagePointSchema)
      .min(1)
      .meta({ description: 'Damages at several return periods (distinct return periods; damage not decreasing)' }),
    publicShare: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: 'Share of the damages borne by public assets, i.e. the budget [fraction]' }),
    expectedFatalitiesPerYear: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'Expected deaths per year from this hazard today, with national vigilance [1/yr]; default 0' }),
    nationalWarningCoverage: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({
        description:
          'Share of this hazard’s damages that national vigilance reaches (e.g. the part on Vigicrues-monitored reaches) [fraction]; default from the parameters by kind',
      }),
  })
  .strict()
  .superRefine((hazard, ctx) => {
    // The points' positions in order of return period (positions, not copies of the points: the roll-up validates
    // thousands of inventories, and copying each point was most of this schema's cost).
    const curve = hazard.damageCurve;
    const order = curve.map((_, index) => index).sort((a, b) => curve[a].returnPeriodYears - curve[b].returnPeriodYears);
    for (let i = 1; i < order.length; i++) {
      const prev = curve[order[i - 1]];
      const cur = curve[order[i]];
      if (cur.returnPeriodYears === prev.returnPeriodYears) {
        ctx.addIssue({
          code: 'custom',
          path: ['damageCurve', order[i], 'returnPeriodYears'],
          message: `return period ${cur.returnPeriodYears} years appears twice in the damage curve of "${hazard.id}": give each return period once`,
        });
      } else if (cur.damageEur < prev.damageEur) {
        ctx.addIssue({
          code: 'custom',
          path: ['damageCurve', order[i], 'damageEur'],
          message: `the damage at ${cur.returnPeriodYears} years (${cur.damageEur} EUR) is below the damage at ${prev.returnPeriodYears} years (${prev.damageEur} EUR) in "${hazard.id}": a rarer event cannot cost less; check the figures`,
        });
      }
    }
  });

/** The climate-risk inventory of a territory (strict: unknown keys are errors). */
export const inventorySchema = z
  .object({
    hazards: z
      .array(hazardSchema)
      .min(1)
      .meta({ description: 'The hazards the territory is exposed to, each with its damage curve' }),
    population: z
      .number()
      .min(0)
      .meta({ description: 'Inhabitants of the territory [inhabitants] (alert platform, phone tree, heat sensors)' }),
    stations: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({
        description:
          'Hydrometric / rain stations of the local network, also the manual watch points [stations]; default from catchmentAreaKm2 × gaugeStationsPerKm2',
      }),
    heatSensors: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Urban heat sensors [sensors]; default from population × urbanHeatSensorsPerInhabitant' }),
    catchmentAreaKm2: z
      .number()
      .gt(0)
      .optional()
      .meta({ description: 'Area of the catchments the local network watches [km²]; needed when stations is not given' }),
  })
  .strict()
  .superRefine((inv, ctx) => {
    const seen = new Map<string, number>();
    inv.hazards.forEach((hazard, index) => {
      const first = seen.get(hazard.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['hazards', index, 'id'],
          message: `hazard id "${hazard.id}" is used twice (hazards ${first} and ${index}): give each hazard its own id`,
        });
      } else {
        seen.set(hazard.id, index);
      }
    });
    const water = inv.hazards.some((hazard) => WATER_KINDS.has(hazard.kind));
    if (water && inv.stations === undefined && inv.catchmentAreaKm2 === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['stations'],
        message:
          'a flood or run-off hazard needs the size of the local network: give `stations` (number of hydrometric / rain stations) or `catchmentAreaKm2` (the default density then sets it)',
      });
    }
  });

export type Inventory = z.infer<typeof inventorySchema>;
export type Hazard = Inventory['hazards'][number];

// ---------------------------------------------------------------------------------------------------------------
// Equations
// ---------------------------------------------------------------------------------------------------------------

export interface DamagePoint {
  /** Return period [years], > 1. */
  returnPeriodYears: number;
  /** Damage of that event [EUR], ≥ 0. */
  damageEur: number;
}

/**
 * Expected annual damage of a damage–return-period curve (Eq. 1): ∫ D dp over the annual exceedance probability
 * p = 1/T, by trapezoids between the points, plus the tail p_min × D(rarest point); no damage for events more
 * frequent than the most frequent point. Points may come in any order.
 * @param curve damages [EUR] at return periods [years] (> 1, distinct)
 * @returns expected annual damage [EUR/yr]
 * @example
 * // p = 0.1, 0.01, 0.001: 0.09 × (1 + 5)/2 M€ + 0.009 × (5 + 10)/2 M€ + 0.001 × 10 M€
 * expectedAnnualDamageEur([
 *   { returnPeriodYears: 10, damageEur: 1e6 },
 *   { returnPeriodYears: 100, damageEur: 5e6 },
 *   { returnPeriodYears: 1000, damageEur: 10e6 },
 * ]) // 347,500
 */
export function expectedAnnualDamageEur(curve: ReadonlyArray<DamagePoint>): number {
  const fn = 'expectedAnnualDamageEur';
  if (curve.length === 0) throw argumentError(fn, 'curve', 'a non-empty list of points', '[]');
  for (const point of curve) {
    if (!(point.returnPeriodYears > 1) || !Number.isFinite(point.returnPeriodYears)) {
      throw argumentError(fn, 'returnPeriodYears', 'a finite number of years > 1', point.returnPeriodYears);
    }
    if (!(point.damageEur >= 0) || !Number.isFinite(point.damageEur)) {
      throw argumentError(fn, 'damageEur', 'a finite number ≥ 0', point.damageEur);
    }
  }
  // From the most frequent (largest p) to the rarest (smallest p).
  const points = [...curve].sort((a, b) => a.returnPeriodYears - b.returnPeriodYears);
  let ead = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a.returnPeriodYears === b.returnPeriodYears) {
      throw argumentError(fn, 'returnPeriodYears', 'distinct in a curve', `${a.returnPeriodYears} twice`);
    }
    ead += (1 / a.returnPeriodYears - 1 / b.returnPeriodYears) * (a.damageEur + b.damageEur) * 0.5;
  }
  const rarest = points[points.length - 1];
  ead += rarest.damageEur / rarest.returnPeriodYears; // tail rule
  return ead;
}

/**
 * The saturating effect of warning lead time (Eq. 3): f(h) = 1 − exp(−h / h0).
 * @param leadTimeHours lead time of the warning [h], ≥ 0
 * @param scaleHours time scale h0 [h], > 0 (see `leadTimeScaleHours`)
 * @returns share of the maximum avoidable damage that this lead time allows [fraction, 0–1)
 * @example leadTimeEffect(24, 17.312) // ≈ 0.75
 */
export function leadTimeEffect(leadTimeHours: number, scaleHours: number): number {
  checkLeadTime(leadTimeHours);
  checkScale(scaleHours);
  return leadTimeEffectOf(leadTimeHours, scaleHours);
}

/** Eq. 3 without the checks of `leadTimeEffect` (the model checks h and h0 once each per call). */
function leadTimeEffectOf(leadTimeHours: number, scaleHours: number): number {
  return 1 - Math.exp(-leadTimeHours / scaleHours);
}

/** The argument checks of `leadTimeEffect`. */
function checkLeadTime(leadTimeHours: number): void {
  if (!(leadTimeHours >= 0) || !Number.isFinite(leadTimeHours)) {
    throw argumentError('leadTimeEffect', 'leadTimeHours', 'a finite number ≥ 0', leadTimeHours);
  }
}

function checkScale(scaleHours: number): void {
  if (!(scaleHours > 0) || !Number.isFinite(scaleHours)) {
    throw argumentError('leadTimeEffect', 'scaleHours', 'a finite number > 0', scaleHours);
  }
}

/**
 * Time scale h0 of the lead-time curve calibrated on a reference point (Eq. 4): R_max × (1 − exp(−h_ref / h0)) =
 * R_ref, i.e. h0 = −h_ref / ln(1 − R_ref / R_max). The default reference is the Global Commission on Adaptation's
 * "24 h of warning cuts damage by 30 %" [1].
 * @param maxReduction R_max, the share of damage a perfect, early warning avoids [fraction], R_ref < R_max ≤ 1
 * @param referenceReduction R_ref, the reduction observed at the reference lead time [fraction], > 0
 * @param referenceLeadTimeHours h_ref [h], > 0
 * @returns h0 [h]
 * @example leadTimeScaleHours(0.4, 0.3, 24) // ≈ 17.31 (= 24 / ln 4)
 */
export function leadTimeScaleHours(maxReduction: number, referenceReduction: number, referenceLeadTimeHours: number): number {
  const fn = 'leadTimeScaleHours';
  if (!(referenceReduction > 0 && referenceReduction < 1)) {
    throw argumentError(fn, 'referenceReduction', 'a fraction in (0, 1)', referenceReduction);
  }
  if (!(maxReduction > referenceReduction && maxReduction <= 1)) {
    throw argumentError(fn, 'maxReduction', `a fraction above referenceReduction (${referenceReduction}) and ≤ 1`, maxReduction);
  }
  if (!(referenceLeadTimeHours > 0) || !Number.isFinite(referenceLeadTimeHours)) {
    throw argumentError(fn, 'referenceLeadTimeHours', 'a finite number > 0', referenceLeadTimeHours);
  }
  return -referenceLeadTimeHours / Math.log(1 - referenceReduction / maxReduction);
}

/** A warning chain: how early, how widely and how effectively it warns. */
export interface WarningChain {
  /** Lead time between the warning and the damage [h]. */
  leadTimeHours: number;
  /** Share of the exposed damages the warning reaches [fraction]. */
  coverage: number;
  /** Share of those warned who act usefully [fraction]. */
  responseRate: number;
}

/** The calibrated lead-time curve: R_max and h0. */
export interface WarningCurve {
  /** R_max [fraction]. */
  maxReduction: number;
  /** h0 [h]. */
  scaleHours: number;
}

function checkFraction(fn: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw argumentError(fn, name, 'a fraction in [0, 1]', value);
}

/**
 * Share of damage one warning chain avoids (Eq. 5): R = R_max × f(h) × coverage × response.
 * @returns avoided share of the damage [fraction]
 * @example
 * // 24 h, full coverage and response, curve calibrated on 30 % at 24 h:
 * warningDamageReduction({ leadTimeHours: 24, coverage: 1, responseRate: 1 },
 *   { maxReduction: 0.4, scaleHours: leadTimeScaleHours(0.4, 0.3, 24) }) // 0.30
 */
export function warningDamageReduction(chain: WarningChain, curve: WarningCurve): number {
  checkFraction('warningDamageReduction', 'coverage', chain.coverage);
  checkFraction('warningDamageReduction', 'responseRate', chain.responseRate);
  checkFraction('warningDamageReduction', 'maxReduction', curve.maxReduction);
  return curve.maxReduction * leadTimeEffect(chain.leadTimeHours, curve.scaleHours) * chain.coverage * chain.responseRate;
}

/**
 * Share of damage avoided when a local chain works beside national vigilance (Eq. 6). Coverages are nested: on the
 * overlap min(c_nat, c_loc) an operating local chain (lead time > 0) relays national vigilance with its own response
 * rate and the better outcome applies; elsewhere each chain acts on its own part. Without a local chain (null), or
 * with a local lead time of 0, this is the national chain alone (Eq. 5).
 * @returns avoided share of the damage [fraction], never below the national chain's
 * @example
 * // national 12 h on 60 % with 40 % response; local 6 h on 90 % with 60 % response; R_max 0.4, h0 ≈ 17.31 h:
 * // 0.4 × [0.6 × max(f(12) 0.4, f(12) 0.6) + 0.3 × f(6) 0.6] = 0.4 × [0.6 × 0.3 + 0.3 × 0.1757] ≈ 0.0931
 * combinedWarningReduction({ leadTimeHours: 12, coverage: 0.6, responseRate: 0.4 },
 *   { leadTimeHours: 6, coverage: 0.9, responseRate: 0.6 },
 *   { maxReduction: 0.4, scaleHours: leadTimeScaleHours(0.4, 0.3, 24) }) // ≈ 0.0931
 */
export function combinedWarningReduction(national: WarningChain, local: WarningChain | null, curve: WarningCurve): number {
  checkNationalChain(national, curve);
  const nationalEffect = leadTimeEffect(national.leadTimeHours, curve.scaleHours);
  if (local === null) return nationalReduction(national, nationalEffect, curve);
  checkLocalChain(local);
  return localReduction(national, nationalEffect, local, leadTimeEffect(local.leadTimeHours, curve.scaleHours), curve);
}

/** The checks of `combinedWarningReduction` on the national chain and the curve. */
function checkNationalChain(national: WarningChain, curve: WarningCurve): void {
  const fn = 'combinedWarningReduction';
  checkFraction(fn, 'national.coverage', national.coverage);
  checkFraction(fn, 'national.responseRate', national.responseRate);
  checkFraction(fn, 'maxReduction', curve.maxReduction);
}

/** The checks of `combinedWarningReduction` on the local chain. */
function checkLocalChain(local: WarningChain): void {
  const fn = 'combinedWarningReduction';
  checkFraction(fn, 'local.coverage', local.coverage);
  checkFraction(fn, 'local.responseRate', local.responseRate);
}

/**
 * Eq. 5 for the national chain alone, R_sq = R_max × c_nat × f_nat × r_nat, unchecked, from f_nat =
 * `nationalEffect` (the model computes each f(h) once per hazard and call).
 */
function nationalReduction(national: WarningChain, nationalEffect: number, curve: WarningCurve): number {
  return curve.maxReduction * national.coverage * (nationalEffect * national.responseRate);
}

/**
 * Eq. 6 with a local chain, unchecked, from f_nat = `nationalEffect` and f_loc = `localEffect`: the body of
 * `combinedWarningReduction`, which the model calls with effects computed once per hazard.
 */
function localReduction(
  national: WarningChain,
  nationalEffect: number,
  local: WarningChain,
  localEffect: number,
  curve: WarningCurve,
): number {
  const perNational = nationalEffect * national.responseRate;
  const perLocal = localEffect * local.responseRate;
  // On the overlap an operating local chain also relays national vigilance: the longer lead time, its own response.
  // f(max(h_nat, h_loc)) is the effect of whichever lead time is the longer, both already computed.
  const relayEffect = local.leadTimeHours > national.leadTimeHours ? localEffect : nationalEffect;
  const perRelay = local.leadTimeHours > 0 ? relayEffect * local.responseRate : 0;
  const overlap = Math.min(national.coverage, local.coverage);
  return (
    curve.maxReduction *
    (overlap * Math.max(perNational, perRelay) +
      (local.coverage - overlap) * perLocal +
      (national.coverage - overlap) * perNational)
  );
}

/**
 * Relative reduction of fatalities in a variant against the status quo (Eq. 9):
 * ρ = min(1, φ × (R_v − R_sq) / (1 − R_sq)).
 * @param variantReduction R_v [fraction]
 * @param statusQuoReduction R_sq [fraction]
 * @param fatalityReductionRatio φ, relative fatality reduction per relative damage reduction [ratio], ≥ 0
 * @returns ρ [fraction]
 * @example fatalityReduction(0.2, 0.1, 1) // (0.2 − 0.1) / 0.9 ≈ 0.111
 */
export function fatalityReduction(variantReduction: number, statusQuoReduction: number, fatalityReductionRatio: number): number {
  if (!(fatalityReductionRatio >= 0) || !Number.isFinite(fatalityReductionRatio)) {
    throw argumentError('fatalityReduction', 'fatalityReductionRatio', 'a finite number ≥ 0', fatalityReductionRatio);
  }
  const remaining = 1 - statusQuoReduction;
  if (!(remaining > 0)) return 0;
  return Math.min(1, Math.max(0, (fatalityReductionRatio * (variantReduction - statusQuoReduction)) / remaining));
}

/**
 * Stations of the local network (Eq. 10): the inventory's count, or ⌈catchmentAreaKm2 × density⌉ when the
 * territory has a flood or run-off hazard, else 0.
 * @param inventory the climate-risk inventory
 * @param gaugeStationsPerKm2 default density [stations/km²]
 * @returns stations [stations]
 * @example
 * const flood = { id: 'crue', kind: 'flood' as const, damageCurve: [{ returnPeriodYears: 10, damageEur: 1e6 }], publicShare: 0.3 };
 * stationCount({ hazards: [flood], population: 30000, catchmentAreaKm2: 120 }, 0.02) // ⌈2.4⌉ = 3
 */
export function stationCount(inventory: Inventory, gaugeStationsPerKm2: number): number {
  return stationCountOf(inventory, hasWaterHazard(inventory), gaugeStationsPerKm2);
}

/** Whether the territory has a flood or run-off hazard (which local stations watch). */
function hasWaterHazard(inventory: Inventory): boolean {
  return inventory.hazards.some((h) => WATER_KINDS.has(h.kind));
}

/** `stationCount` once it is known whether there is a water hazard (`hasWater`, computed once per inventory). */
function stationCountOf(inventory: Inventory, hasWater: boolean, gaugeStationsPerKm2: number): number {
  if (inventory.stations !== undefined) return inventory.stations;
  if (!hasWater) return 0;
  if (inventory.catchmentAreaKm2 === undefined) {
    throw argumentError('stationCount', 'inventory', 'stations or catchmentAreaKm2 when there is a flood or run-off hazard', 'neither');
  }
  return Math.ceil(inventory.catchmentAreaKm2 * gaugeStationsPerKm2 - 1e-9);
}

/**
 * Urban heat sensors (Eq. 10): the inventory's count, or ⌈population × density⌉ when the territory has a heat
 * hazard, else 0.
 * @param inventory the climate-risk inventory
 * @param urbanHeatSensorsPerInhabitant default density [sensors/inhabitant]
 * @returns sensors [sensors]
 * @example
 * const heat = { id: 'canicule', kind: 'heat' as const, damageCurve: [{ returnPeriodYears: 5, damageEur: 5e4 }], publicShare: 0.5 };
 * heatSensorCount({ hazards: [heat], population: 30000 }, 0.0005) // 15
 */
export function heatSensorCount(inventory: Inventory, urbanHeatSensorsPerInhabitant: number): number {
  return heatSensorCountOf(inventory, hasHeatHazard(inventory), urbanHeatSensorsPerInhabitant);
}

/** Whether the territory has a heat hazard (which urban heat sensors watch). */
function hasHeatHazard(inventory: Inventory): boolean {
  return inventory.hazards.some((h) => h.kind === 'heat');
}

/** `heatSensorCount` once it is known whether there is a heat hazard (`hasHeat`, computed once per inventory). */
function heatSensorCountOf(inventory: Inventory, hasHeat: boolean, urbanHeatSensorsPerInhabitant: number): number {
  if (inventory.heatSensors !== undefined) return inventory.heatSensors;
  if (!hasHeat) return 0;
  return Math.ceil(inventory.population * urbanHeatSensorsPerInhabitant - 1e-9);
}

// ---------------------------------------------------------------------------------------------------------------
// Parameters and variants
// ---------------------------------------------------------------------------------------------------------------

/** Reads a parameter, failing clearly when the resolved set lacks it (a bug in defaults, not user input). */
function param(p: ParameterValues, name: string): number {
  const value = p[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`climate-risk model: parameter ${name} is missing or not finite (received ${String(value)})`);
  }
  return value;
}

const KIND_SUFFIX: Readonly<Record<HazardKind, string>> = { flood: 'Flood', heat: 'Heat', runoff: 'Runoff', storm: 'Storm' };

/**
 * The calibrated warning curve from the parameters (Eq. 4): R_max = `warningMaxDamageReduction`, h0 from the
 * reference point (`warningDamageReductionAtReference` at `warningReferenceLeadTimeHours`).
 * @example
 * warningCurveFromParameters({ warningMaxDamageReduction: 0.4, warningDamageReductionAtReference: 0.3,
 *   warningReferenceLeadTimeHours: 24 }) // { maxReduction: 0.4, scaleHours: ≈ 17.31 }
 */
export function warningCurveFromParameters(p: ParameterValues): WarningCurve {
  return readWarningCurve(p, { maxReduction: 0, scaleHours: 0 });
}

/** `warningCurveFromParameters` written into `into` (the model's scratch curve). Returns `into`. */
function readWarningCurve(p: ParameterValues, into: WarningCurve): WarningCurve {
  const maxReduction = param(p, 'warningMaxDamageReduction');
  into.maxReduction = maxReduction;
  into.scaleHours = leadTimeScaleHours(
    maxReduction,
    param(p, 'warningDamageReductionAtReference'),
    param(p, 'warningReferenceLeadTimeHours'),
  );
  return into;
}

/** The parameter names a hazard reads, by kind (built once, not a string per call in Monte Carlo). */
interface HazardParameterNames {
  nationalLeadTime: string;
  nationalCoverage: string;
  manualWatchLeadTime: string;
  earlyWarningLeadTime: string;
}

const HAZARD_PARAMETER_NAMES: Readonly<Record<HazardKind, HazardParameterNames>> = {
  flood: hazardParameterNames('flood'),
  heat: hazardParameterNames('heat'),
  runoff: hazardParameterNames('runoff'),
  storm: hazardParameterNames('storm'),
};

function hazardParameterNames(kind: HazardKind): HazardParameterNames {
  const k = KIND_SUFFIX[kind];
  return {
    nationalLeadTime: `nationalLeadTime${k}Hours`,
    nationalCoverage: `nationalCoverage${k}`,
    manualWatchLeadTime: `manualWatchLeadTime${k}Hours`,
    earlyWarningLeadTime: `earlyWarningLeadTime${k}Hours`,
  };
}

/**
 * National vigilance for one hazard, into `into`: the lead time by kind, the coverage from the hazard when given,
 * else from the parameters by kind. The response rate, the same for every hazard, is the caller's (read once).
 */
function nationalChain(p: ParameterValues, hazard: Hazard, into: WarningChain): WarningChain {
  const names = HAZARD_PARAMETER_NAMES[hazard.kind];
  into.leadTimeHours = param(p, names.nationalLeadTime);
  into.coverage = hazard.nationalWarningCoverage ?? param(p, names.nationalCoverage);
  return into;
}

/**
 * Lead time of a local chain for one hazard kind [h], the parameter `name` (manual watch or early warning): local
 * flood and run-off warnings need watch points, so with none (`points` 0) it is 0 (Eq. 11).
 */
function localLeadTimeHours(p: ParameterValues, name: string, kind: HazardKind, points: number): number {
  return WATER_KINDS.has(kind) && points <= 0 ? 0 : param(p, name);
}

/** The parameters of Eq. 8–9, read once per call. */
interface DamageParameters {
  /** ε [kgCO2e/EUR]. */
  kgPerEur: number;
  /** includeFatalities (0 or 1) [–]. */
  fatalityWeight: number;
  /** Value of a statistical life [EUR]. */
  vsl: number;
  /** φ [ratio]. */
  phi: number;
}

/**
 * Adds the remaining damages of one hazard (Eq. 2, 7, 8, 9) to the flows of the three variants, in one pass over
 * the years: for each variant v, D_v(t) = EAD_0 × (1 − R_v) × trend[t] (`addDamageYear`).
 * @param eadEur EAD_0 of the hazard [EUR/yr]; `rStatusQuo`, `rManual`, `rEarly` the R_v of each variant (R_sq for
 *   the fatality term)
 */
function addHazardDamages(
  statusQuo: VariantFlows,
  manual: VariantFlows,
  early: VariantFlows,
  trend: Float64Array,
  d: DamageParameters,
  hazard: Hazard,
  eadEur: number,
  rStatusQuo: number,
  rManual: number,
  rEarly: number,
): void {
  const fatalities = hazard.expectedFatalitiesPerYear ?? 0;
  const publicShare = hazard.publicShare;
  const remainingStatusQuo = eadEur * (1 - rStatusQuo);
  const remainingManual = eadEur * (1 - rManual);
  const remainingEarly = eadEur * (1 - rEarly);
  const fatalitiesStatusQuo = weightedFatalities(d, fatalities, rStatusQuo, rStatusQuo);
  const fatalitiesManual = weightedFatalities(d, fatalities, rManual, rStatusQuo);
  const fatalitiesEarly = weightedFatalities(d, fatalities, rEarly, rStatusQuo);
  const sqOpex = statusQuo.opexEur, sqExternal = statusQuo.externalCostEur!, sqUse = statusQuo.useKgCo2e;
  const mOpex = manual.opexEur, mExternal = manual.externalCostEur!, mUse = manual.useKgCo2e;
  const eOpex = early.opexEur, eExternal = early.externalCostEur!, eUse = early.useKgCo2e;
  for (let t = 1; t < sqOpex.length; t++) {
    const trendT = trend[t];
    addDamageYear(sqOpex, sqExternal, sqUse, t, remainingStatusQuo, trendT, publicShare, fatalitiesStatusQuo, d);
    addDamageYear(mOpex, mExternal, mUse, t, remainingManual, trendT, publicShare, fatalitiesManual, d);
    addDamageYear(eOpex, eExternal, eUse, t, remainingEarly, trendT, publicShare, fatalitiesEarly, d);
  }
}

/** Eq. 9: includeFatalities × N × (1 − ρ_v), the fatalities of a variant the cost counts [1/yr, today]. */
function weightedFatalities(d: DamageParameters, fatalities: number, reduction: number, statusQuoReduction: number): number {
  return d.fatalityWeight * (fatalities * (1 - fatalityReduction(reduction, statusQuoReduction, d.phi)));
}

/**
 * Eq. 2, 7, 8, 9 in year t for one variant: D = remaining EAD × trend, its public share to `opexEur`, the rest and
 * the value of the lives lost (× trend) to `externalCostEur`, ε × D to `useKgCo2e`.
 */
function addDamageYear(
  opexEur: Float64Array,
  externalCostEur: Float64Array,
  useKgCo2e: Float64Array,
  t: number,
  remainingEur: number,
  trend: number,
  publicShare: number,
  weightedFatalities: number,
  d: DamageParameters,
): void {
  const damage = remainingEur * trend;
  opexEur[t] += publicShare * damage;
  externalCostEur[t] += (1 - publicShare) * damage + weightedFatalities * trend * d.vsl;
  useKgCo2e[t] += d.kgPerEur * damage;
}

/**
 * Scratch records of `simulate`: every field is overwritten before it is read in each call, and nothing is kept
 * from one call to the next (Monte Carlo rewrites `p` and `s` in place between calls): work space, not a cache.
 * `simulate` is synchronous and not re-entrant, so one of each suffices.
 */
const SCRATCH_CURVE: WarningCurve = { maxReduction: 0, scaleHours: 0 };
const SCRATCH_NATIONAL: WarningChain = { leadTimeHours: 0, coverage: 0, responseRate: 0 };
const SCRATCH_MANUAL: WarningChain = { leadTimeHours: 0, coverage: 0, responseRate: 0 };
const SCRATCH_EARLY: WarningChain = { leadTimeHours: 0, coverage: 0, responseRate: 0 };
const SCRATCH_DAMAGE: DamageParameters = { kgPerEur: 0, fatalityWeight: 0, vsl: 0, phi: 0 };
const SCRATCH_GAUGES: FleetSpec = reusableFleetSpec();

/** What the model needs from an inventory alone, computed once per inventory object (immutable after validation). */
interface Prepared {
  /** EAD_0 of each hazard, Eq. 1 [EUR/yr]. */
  eads: Float64Array;
  /** Whether there is a flood or run-off hazard, and a heat hazard (Eq. 10). */
  hasWater: boolean;
  hasHeat: boolean;
}

const preparedByInventory = new InventoryCache<Inventory, Prepared>();

function prepare(inventory: Inventory): Prepared {
  let prepared = preparedByInventory.get(inventory);
  if (prepared === undefined) {
    const eads = new Float64Array(inventory.hazards.length);
    inventory.hazards.forEach((h, i) => (eads[i] = expectedAnnualDamageEur(h.damageCurve)));
    prepared = { eads, hasWater: hasWaterHazard(inventory), hasHeat: hasHeatHazard(inventory) };
    preparedByInventory.set(inventory, prepared);
  }
  return prepared;
}

export const model: ModelDefinition<Inventory> = {
  id: 'climate-risk',
  name: {
    fr: 'Prévention et gestion des risques climatiques',
    en: 'Climate-risk prevention and management',
  },
  variants: [
    {
      id: 'status-quo',
      kind: 'statusQuo',
      name: { fr: 'Vigilance nationale seule', en: 'National vigilance only' },
      description: {
        fr: 'Vigicrues et la vigilance de Météo-France, sans dispositif local : les dommages restants sont ceux que la vigilance nationale n’évite pas.',
        en: 'Vigicrues and Météo-France vigilance, no local system: the remaining damages are those national vigilance does not avoid.',
      },
    },
    {
      id: 'manual-watch',
      kind: 'alternative',
      name: { fr: 'Veille manuelle organisée', en: 'Organised manual watch' },
      description: {
        fr: 'Agents d’astreinte, lecture d’échelles limnimétriques, chaîne téléphonique vers les habitants exposés : délai d’alerte court, coût en temps de personnel.',
        en: 'Staff on call, staff-gauge readings, phone tree to exposed residents: short lead time, cost in staff time.',
      },
    },
    {
      id: 'early-warning',
      kind: 'digital',
      name: { fr: 'Alerte précoce connectée', en: 'Connected early warning' },
      description: {
        fr: 'Stations hydrométriques et pluviométriques, capteurs de chaleur urbaine sur le réseau partagé, plateforme d’alerte à la population.',
        en: 'Hydrometric and rain stations, urban heat sensors on the shared network, a population alert platform.',
      },
    },
  ],
  inventorySchema,
  scenarioSeries: [
    'hazardDamageFactor',
    'gridFactorKgCo2ePerKwh',
    'electricityPriceEurPerKwh',
    'digitalCostFactor',
    'digitalEmbodiedFactor',
    'worksCostFactor',
  ],

  simulate({ axis, p, s, inventory, arena }) {
    const n = axis.length;
    const { eads, hasWater, hasHeat } = prepare(inventory);
    const curve = readWarningCurve(p, SCRATCH_CURVE);
    const hazards = inventory.hazards;
    const stations = stationCountOf(inventory, hasWater, param(p, 'gaugeStationsPerKm2'));
    const heatSensors = heatSensorCountOf(inventory, hasHeat, param(p, 'urbanHeatSensorsPerInhabitant'));
    const trend = s.hazardDamageFactor;
    const damage = SCRATCH_DAMAGE;
    damage.kgPerEur = param(p, 'reconstructionKgCo2ePerEur');
    damage.fatalityWeight = param(p, 'includeFatalities');
    damage.vsl = param(p, 'valueOfStatisticalLifeEur');
    damage.phi = param(p, 'fatalityReductionRatio');

    // --- remaining damages of each variant, hazard by hazard (Eq. 2, 5–9). The chains' coverages and response
    // rates that do not depend on the hazard are read and checked once; each lead-time effect f(h) is computed once
    // per hazard (`combinedWarningReduction`'s equations, through its unchecked parts).
    checkScale(curve.scaleHours);
    const national = SCRATCH_NATIONAL;
    national.responseRate = param(p, 'nationalResponseRate');
    const manualChain = SCRATCH_MANUAL;
    manualChain.coverage = param(p, 'manualWatchCoverage');
    manualChain.responseRate = param(p, 'manualWatchResponseRate');
    checkLocalChain(manualChain);
    const earlyChain = SCRATCH_EARLY;
    earlyChain.coverage = param(p, 'earlyWarningCoverage');
    earlyChain.responseRate = param(p, 'earlyWarningResponseRate');
    checkLocalChain(earlyChain);
    const statusQuo = emptyFlows(axis, arena);
    const manual = emptyFlows(axis, arena);
    const early = emptyFlows(axis, arena);
    for (let i = 0; i < hazards.length; i++) {
      const hazard = hazards[i];
      const names = HAZARD_PARAMETER_NAMES[hazard.kind];
      nationalChain(p, hazard, national);
      checkNationalChain(national, curve);
      manualChain.leadTimeHours = localLeadTimeHours(p, names.manualWatchLeadTime, hazard.kind, stations);
      earlyChain.leadTimeHours = localLeadTimeHours(p, names.earlyWarningLeadTime, hazard.kind, stations);
      checkLeadTime(national.leadTimeHours);
      checkLeadTime(manualChain.leadTimeHours);
      checkLeadTime(earlyChain.leadTimeHours);
      const nationalEffect = leadTimeEffectOf(national.leadTimeHours, curve.scaleHours);
      const rStatusQuo = nationalReduction(national, nationalEffect, curve);
      const rManual = localReduction(national, nationalEffect, manualChain, leadTimeEffectOf(manualChain.leadTimeHours, curve.scaleHours), curve);
      const rEarly = localReduction(national, nationalEffect, earlyChain, leadTimeEffectOf(earlyChain.leadTimeHours, curve.scaleHours), curve);
      addHazardDamages(statusQuo, manual, early, trend, damage, hazard, eads[i], rStatusQuo, rManual, rEarly);
    }

    // --- manual watch: staff gauges (non-digital) and staff time
    if (stations > 0) {
      const spec = SCRATCH_GAUGES;
      spec.count = stations;
      spec.lifetimeYears = param(p, 'staffGaugeLifetimeYears');
      spec.unitCostEur = param(p, 'staffGaugeCostEur');
      spec.unitEmbodiedKgCo2e = param(p, 'staffGaugeEmbodiedKgCo2e');
      spec.costTrend = s.worksCostFactor;
      // Into a fleet fresh from `emptyFleet` (zeros): `addEquipmentFleet` gives `equipmentFleetInto`'s numbers.
      addFleet(manual, addEquipmentFleet(axis, spec, emptyFleet(n, arena)), false);
      spec.costTrend = undefined; // the scenario's series are not held after the call
    }
    const watchHoursPerYear =
      param(p, 'manualWatchHoursPerPointPerYear') * stations +
      param(p, 'manualWatchHoursPerInhabitantPerYear') * inventory.population;
    const staffCostEurPerHour = param(p, 'watchStaffCostEurPerHour');
    const watchEurPerYear = watchHoursPerYear * staffCostEurPerHour;
    for (let t = 1; t < n; t++) manual.opexEur[t] += watchEurPerYear;

    // --- early warning: stations and heat sensors (digital), platform, operator time, set-up
    // Devices through the shared catalogue helpers (models/digital): fleet, power draw, maintenance,
    // connected devices and data for the shared network.
    if (stations > 0) {
      addDevices(early, axis, p, s, 'hydroStation', stations);
      early.capexEur[0] += stations * param(p, 'alertSetupEurPerStation');
    }
    if (heatSensors > 0) addDevices(early, axis, p, s, 'heatSensor', heatSensors);
    early.connectedDevices ??= 0;
    early.dataMbPerYear ??= 0;
    const devices = stations + heatSensors;
    const platformEurPerYear = param(p, 'alertPlatformEurPerInhabitantPerYear') * inventory.population;
    const operatorEurPerYear = param(p, 'earlyWarningStaffHoursPerDevicePerYear') * devices * staffCostEurPerHour;
    const earlyEurPerYear = platformEurPerYear + operatorEurPerYear;
    for (let t = 1; t < n; t++) early.opexEur[t] += earlyEurPerYear;

    // Finite outputs: the engine asserts every series of every variant after each call (src/evaluate/engine.ts),
    // so the model does not scan them a second time.
    return { 'status-quo': statusQuo, 'manual-watch': manual, 'early-warning': early };
  },

  describeInventory(inventory) {
    let ead = 0;
    for (const hazard of inventory.hazards) ead += expectedAnnualDamageEur(hazard.damageCurve);
    return {
      quantity: ead,
      unit: { fr: '€/an de dommages moyens annuels sans alerte', en: 'EUR/yr of expected annual damage without warning' },
    };
  },
};
