/**
 * The trajectories every resolved scenario pack carries, and their canonical units.
 *
 * Models read these names from `s` (ScenarioSeries) and rely on the unit below: a pack may write a trajectory in
 * another unit of the same dimension (`gCO2e/kWh`), it is converted into the canonical unit when loaded.
 * Factors named `…Factor` are dimensionless multipliers relative to today (2023 = 1).
 */

/** Canonical unit of each known trajectory name. */
export const TRAJECTORY_UNITS: Readonly<Record<string, string>> = Object.freeze({
  // emission factors, average consumption mix (location-based), life-cycle
  gridFactorKgCo2ePerKwh: 'kgCO2e/kWh',
  gasFactorKgCo2ePerKwh: 'kgCO2e/kWh',
  heatingOilFactorKgCo2ePerKwh: 'kgCO2e/kWh',
  woodFactorKgCo2ePerKwh: 'kgCO2e/kWh',
  heatNetworkFactorKgCo2ePerKwh: 'kgCO2e/kWh',
  // energy prices for local authorities, excl. VAT, constant euros of the price base year
  electricityPriceEurPerKwh: 'EUR/kWh',
  gasPriceEurPerKwh: 'EUR/kWh',
  heatingOilPriceEurPerKwh: 'EUR/kWh',
  woodPriceEurPerKwh: 'EUR/kWh',
  heatNetworkPriceEurPerKwh: 'EUR/kWh',
  // sobriety and climate
  lightingHoursFactor: 'fraction',
  heatingSetpointC: 'degC',
  waterDemandFactor: 'fraction',
  heatingDegreeDaysFactor: 'fraction',
  coolingDegreeDaysFactor: 'fraction',
  hazardDamageFactor: 'fraction',
  waterScarcityValueEurPerM3: 'EUR/m^3',
  // digital
  digitalEmbodiedFactor: 'fraction',
  connectedDevicesFactor: 'fraction',
  networkEnergyKwhPerGb: 'kWh/GB',
  // equipment cost trends
  digitalCostFactor: 'fraction',
  ledCostFactor: 'fraction',
  worksCostFactor: 'fraction',
  // injected by resolvePack from scenarios/reference/carbon-value.yaml, never written in a pack
  carbonValueEurPerTco2e: 'EUR/tCO2e',
});

/** Name of the trajectory `resolvePack` injects from the reference carbon value paths. */
export const CARBON_VALUE_TRAJECTORY = 'carbonValueEurPerTco2e';

/** Names, in reference/carbon-value.yaml, of the two official carbon value paths (€2023/tCO2e). */
export const CARBON_VALUE_PATHS = Object.freeze({
  '2025': 'carbonValue2025PathEurPerTco2e',
  '2019': 'carbonValue2019PathEurPerTco2e',
} as const);
export type CarbonValuePath = keyof typeof CARBON_VALUE_PATHS;

/**
 * Trajectories a resolved pack must define (after `extends`); `resolvePack` names any that are missing.
 * The carbon value is not listed: it comes from reference data, not from packs.
 */
export const REQUIRED_TRAJECTORIES: readonly string[] = Object.freeze(
  Object.keys(TRAJECTORY_UNITS).filter((name) => name !== CARBON_VALUE_TRAJECTORY),
);
