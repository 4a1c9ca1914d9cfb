import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assertFinite } from '../../../src/core/errors.js';
import { sum, yearAxis } from '../../../src/core/time.js';
import type { VariantFlows } from '../../../src/evaluate/model.js';
import {
  DEVICES,
  PARAMETER_NAMES,
  SCENARIO_SERIES,
  baseVolumes,
  customerLeakFactor,
  deviceCounts,
  existingMeterCohorts,
  favadLeakageFactor,
  inventorySchema,
  linearLossIndexM3PerKmPerDay,
  model,
  networkLossesM3,
  producedVolumeM3,
  remainingLossesM3,
  runTimeFactor,
  waterVolumes,
  type Inventory,
} from '../../../models/water/model.js';
import { FLOW_SERIES } from '../../../src/evaluate/model.js';
import { SeriesArena } from '../../../src/core/arena.js';

// ---- inputs built from the model's own defaults and the shared device catalogue --------------------------------

const root = fileURLToPath(new URL('../../../', import.meta.url));

function yamlValues(path: string): Record<string, number> {
  const doc = parse(readFileSync(root + path, 'utf8')) as { parameters: Record<string, { value: number }> };
  return Object.fromEntries(Object.entries(doc.parameters).map(([k, v]) => [k, v.value]));
}

const catalogueFile = 'models/digital/parameters.yaml';
/** Used only if the device catalogue is not there yet: TEST VALUES, not defaults. */
const TEST_CATALOGUE: Record<string, number> = Object.fromEntries(
  DEVICES.flatMap((d) => [
    [`${d}CostEur`, 100],
    [`${d}EmbodiedKgCo2e`, 10],
    [`${d}EndOfLifeKgCo2e`, 0.3],
    [`${d}LifetimeYears`, 10],
    [`${d}PowerW`, 0.5],
    [`${d}MaintenanceEurPerYear`, 2],
    [`${d}DataMbPerYear`, 1],
  ]),
);
const catalogue = existsSync(root + catalogueFile) ? yamlValues(catalogueFile) : TEST_CATALOGUE;
const defaults = yamlValues('models/water/parameters.yaml');
const P: Record<string, number> = { ...catalogue, ...defaults };

const axis = yearAxis(2026, 25);
const GRID = 0.05; // kgCO2e/kWh, test value
const PRICE = 0.2; // EUR/kWh, test value
const SCARCITY = 0.5; // EUR/m³, test value

function scenario(overrides: Record<string, number> = {}): Record<string, Float64Array> {
  const base: Record<string, number> = {
    waterDemandFactor: 1,
    gridFactorKgCo2ePerKwh: GRID,
    electricityPriceEurPerKwh: PRICE,
    waterScarcityValueEurPerM3: SCARCITY,
    digitalCostFactor: 1,
    digitalEmbodiedFactor: 1,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new Float64Array(axis.length).fill(v)]));
}

/** The hand-worked case of the brief: 1,000,000 m³ billed at 80 % efficiency, 200 km, 9,000 subscribers. */
const HAND: Inventory = { billedVolumeM3PerYear: 1_000_000, networkEfficiency: 0.8, networkLengthKm: 200, subscribers: 9000 };

function run(inventory: Inventory = HAND, p: Record<string, number> = P, s = scenario()): Record<string, VariantFlows> {
  return model.simulate({ axis, p, s, inventory });
}

// Every series of a flows record (the list emptyFlows lays out).
const SERIES_KEYS = FLOW_SERIES;

// ---- the model's declarations ------------------------------------------------------------------------------------

describe('water model: declarations', () => {
  it('declares one status quo, a non-digital alternative and a digital variant with the ids of the brief', () => {
    expect(model.id).toBe('water');
    expect(model.variants.map((v) => [v.id, v.kind])).toEqual([
      ['status-quo', 'statusQuo'],
      ['manual-leak-campaigns', 'alternative'],
      ['smart-network', 'digital'],
    ]);
    expect(model.scenarioSeries).toEqual(SCENARIO_SERIES);
  });

  it('has a default in parameters.yaml for every parameter it reads, and the catalogue entries of its devices', () => {
    for (const name of PARAMETER_NAMES) expect(defaults, name).toHaveProperty(name);
    for (const name of Object.keys(defaults)) expect(PARAMETER_NAMES as readonly string[]).toContain(name);
    for (const d of DEVICES) {
      for (const suffix of ['CostEur', 'EmbodiedKgCo2e', 'EndOfLifeKgCo2e', 'LifetimeYears', 'PowerW', 'MaintenanceEurPerYear', 'DataMbPerYear']) {
        expect(P, `${d}${suffix}`).toHaveProperty(`${d}${suffix}`);
      }
    }
  });

  it('names a missing parameter and a missing scenario series', () => {
    const { backgroundLossShare: _dropped, ...withoutB } = P;
    expect(() => run(HAND, withoutB)).toThrow(/backgroundLossShare is missing/);
    const { waterScarcityValueEurPerM3: _gone, ...s } = scenario();
    expect(() => run(HAND, P, s)).toThrow(/waterScarcityValueEurPerM3 is missing/);
  });
});

// ---- inventory schema ----------------------------------------------------------------------------------------------

describe('water model: inventory schema', () => {
  it('accepts the efficiency form and the produced-volume form', () => {
    expect(inventorySchema.safeParse(HAND).success).toBe(true);
    expect(
      inventorySchema.safeParse({ billedVolumeM3PerYear: 1e6, producedVolumeM3PerYear: 1.25e6, networkLengthKm: 200, subscribers: 9000 }).success,
    ).toBe(true);
  });

  it('asks for exactly one of networkEfficiency and producedVolumeM3PerYear', () => {
    const neither = inventorySchema.safeParse({ billedVolumeM3PerYear: 1e6, networkLengthKm: 200, subscribers: 9000 });
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0].message).toMatch(/exactly one of networkEfficiency .* or producedVolumeM3PerYear/);
    const both = inventorySchema.safeParse({ ...HAND, producedVolumeM3PerYear: 1.25e6 });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0].message).toMatch(/not both/);
  });

  it('rejects a produced volume below the billed volume, an efficiency above 1 and unknown keys', () => {
    const low = inventorySchema.safeParse({ billedVolumeM3PerYear: 1e6, producedVolumeM3PerYear: 9e5, networkLengthKm: 200, subscribers: 9000 });
    expect(low.error?.issues[0].message).toMatch(/must be at least billedVolumeM3PerYear/);
    expect(inventorySchema.safeParse({ ...HAND, networkEfficiency: 1.2 }).success).toBe(false);
    const extra = inventorySchema.safeParse({ ...HAND, pipes: 3 });
    expect(extra.error?.issues[0].code).toBe('unrecognized_keys');
  });
});

// ---- equations on the hand-worked case -----------------------------------------------------------------------------

describe('water model: equations worked by hand', () => {
  it('Eq. 1–2: 1,000,000 m³ billed at 0.8 → 1,250,000 m³ produced, 250,000 m³ lost', () => {
    // 1,000,000 / 0.8 = 1,250,000; 1,250,000 − 1,000,000 = 250,000
    expect(producedVolumeM3(1_000_000, 0.8)).toBeCloseTo(1_250_000, 6);
    expect(networkLossesM3(1_250_000, 1_000_000)).toBe(250_000);
    const fromProduced = baseVolumes({ billedVolumeM3PerYear: 1e6, producedVolumeM3PerYear: 1.25e6, networkLengthKm: 200, subscribers: 9000 });
    expect(fromProduced.networkEfficiency).toBeCloseTo(0.8, 12); // 1,000,000 / 1,250,000
    expect(baseVolumes(HAND).lossesM3).toBeCloseTo(250_000, 6);
    expect(() => producedVolumeM3(1e6, 0)).toThrow(/networkEfficiency must be a fraction in \(0, 1\]/);
    expect(() => networkLossesM3(9e5, 1e6)).toThrow(/producedM3 must be ≥ billedM3/);
  });

  it('Eq. 4: run-time factor (20 + 10) / (50 + 10) = 0.5', () => {
    expect(runTimeFactor(20, 50, 10)).toBeCloseTo(0.5, 12);
    expect(runTimeFactor(50, 50, 10)).toBe(1); // same detection time: no change
    expect(() => runTimeFactor(10, 0, 0)).toThrow(/runTimeFactor/);
  });

  it('Eq. 5: FAVAD factor (1 − ρ)^N1', () => {
    expect(favadLeakageFactor(0.15, 1)).toBeCloseTo(0.85, 12); // 0.85^1
    expect(favadLeakageFactor(0.2, 0.5)).toBeCloseTo(Math.sqrt(0.8), 12); // 0.8^0.5 = 0.894427…, orifice law
    expect(favadLeakageFactor(0.2, 1.5)).toBeCloseTo(0.715541753, 8); // 0.8^1.5 = 0.8 × 0.894427191
    // i2O example: 10 % pressure cut gives 5–15 % less leak flow over N1 0.5–1.5 (0.9^0.5 = 0.949, 0.9^1.5 = 0.854)
    expect(1 - favadLeakageFactor(0.1, 0.5)).toBeGreaterThan(0.05 - 1e-3);
    expect(1 - favadLeakageFactor(0.1, 1.5)).toBeLessThan(0.15 + 1e-3);
    expect(() => favadLeakageFactor(1.2, 1)).toThrow(/pressureReductionFraction must be a fraction/);
  });

  it('Eq. 6: losses of each variant with the defaults (the defaults are checked first)', () => {
    // Defaults this hand calculation relies on (parameters.yaml):
    expect(P.backgroundLossShare).toBe(0.3);
    expect([P.leakDetectionDaysManual, P.leakDetectionDaysDigital, P.leakRepairDays]).toEqual([50, 20, 10]);
    expect([P.leakSensorCoverageFraction, P.pressureReductionFraction, P.leakageExponentN1]).toEqual([1, 0.15, 1]);
    expect(P.leakSurveyLossReductionFraction).toBe(0.25);
    // L₀ = 250,000; background b·L₀ = 0.3 × 250,000 = 75,000; detectable = 175,000.
    // Smart network: φ = (20 + 10)/(50 + 10) = 0.5, c = 1, π = 0.85^1 = 0.85
    //   L = 75,000 + 175,000 × [1 − 1 × (1 − 0.5)] × 0.85 = 75,000 + 175,000 × 0.5 × 0.85 = 75,000 + 74,375 = 149,375
    // Campaigns: φ = 1 − 0.25 = 0.75, c = 1, π = 1: L = 75,000 + 175,000 × 0.75 = 75,000 + 131,250 = 206,250
    const vol = waterVolumes(axis, P, scenario(), HAND);
    expect(vol['status-quo'].lossesM3[1]).toBeCloseTo(250_000, 6);
    expect(vol['smart-network'].lossesM3[1]).toBeCloseTo(149_375, 6);
    expect(vol['manual-leak-campaigns'].lossesM3[1]).toBeCloseTo(206_250, 6);
    // Partial coverage c = 0.4: L = 75,000 + 175,000 × (1 − 0.4 × 0.5) × 0.85 = 75,000 + 175,000 × 0.8 × 0.85 = 194,000
    expect(
      remainingLossesM3({ lossesM3: 250_000, backgroundShare: 0.3, coveredShare: 0.4, runTimeFactor: 0.5, pressureFactor: 0.85 }),
    ).toBeCloseTo(194_000, 6);
  });

  it('Eq. 7–8: customer-side leaks fall with alerts; produced = billed + losses', () => {
    expect(P.customerLeakShareOfBilled).toBe(0.02);
    expect([P.customerLeakRunDaysWithAlert, P.customerLeakRunDaysWithoutAlert]).toEqual([10, 180]);
    // K = 0.02 × 1,000,000 = 20,000 m³; ψ = 10/180 = 0.0556; K_dig = 20,000 × 10/180 = 1,111.11 m³
    // billed_dig = 1,000,000 − 20,000 × (1 − 10/180) = 1,000,000 − 18,888.89 = 981,111.11
    // produced_dig = 981,111.11 + 149,375 = 1,130,486.11; avoided production = 1,250,000 − 1,130,486.11 = 119,513.89
    expect(customerLeakFactor(10, 180)).toBeCloseTo(1 / 18, 12);
    const vol = waterVolumes(axis, P, scenario(), HAND);
    const d = vol['smart-network'];
    expect(d.customerLeaksM3[1]).toBeCloseTo(1_111.111, 2);
    expect(d.billedM3[1]).toBeCloseTo(981_111.111, 2);
    expect(d.producedM3[1]).toBeCloseTo(1_130_486.111, 2);
    expect(vol['status-quo'].producedM3[1] - d.producedM3[1]).toBeCloseTo(119_513.889, 2);
    // Status quo and campaigns keep K = 20,000 m³ inside the billed 1,000,000 m³.
    expect(vol['status-quo'].billedM3[1]).toBeCloseTo(1_000_000, 6);
    expect(vol['manual-leak-campaigns'].customerLeaksM3[1]).toBeCloseTo(20_000, 6);
    expect(vol['manual-leak-campaigns'].producedM3[1]).toBeCloseTo(1_206_250, 6); // 1,000,000 + 206,250
  });

  it('Eq. 9: energy, its cost and its carbon', () => {
    expect(P.waterEnergyKwhPerM3).toBe(0.55);
    const f = run();
    // Status quo: 1,250,000 m³ × 0.55 kWh/m³ = 687,500 kWh; × 0.2 EUR/kWh = 137,500 EUR; × 0.05 kg/kWh = 34,375 kg
    expect(f['status-quo'].energyKwh[1]).toBeCloseTo(687_500, 6);
    expect(f['status-quo'].energyCostEur[1]).toBeCloseTo(137_500, 6);
    expect(f['status-quo'].useKgCo2e[1]).toBeCloseTo(34_375, 6);
    // Smart network: 1,130,486.11 × 0.55 = 621,767.36 kWh, plus devices Σ n·P·8.76 (n: 9,000 meters,
    // 200 × 1 × 2 = 400 sensors, 200 × 0.02 = 4 controllers)
    const deviceKwh = (9000 * P.meterRadioPowerW + 400 * P.acousticSensorPowerW + 4 * P.pressureControllerPowerW) * 8.76;
    expect(f['smart-network'].energyKwh[1]).toBeCloseTo(621_767.361 + deviceKwh, 2);
    expect(f['smart-network'].digitalKgCo2e[1]).toBeCloseTo(deviceKwh * GRID, 6); // no purchase at index 1
    // Inventory override of the energy intensity: 1,250,000 × 0.4 = 500,000 kWh
    expect(run({ ...HAND, energyKwhPerM3: 0.4 })['status-quo'].energyKwh[1]).toBeCloseTo(500_000, 6);
  });

  it('Eq. 10, 12, 13: running costs (production excl. energy, manual reading, campaigns, device maintenance)', () => {
    expect([P.waterProductionCostEurPerM3, P.meterReadingCostEurPerMeterPerYear]).toEqual([0.1, 5]);
    expect([P.leakSurveyCostEurPerKm, P.leakSurveyShareOfNetworkPerYear]).toEqual([200, 0.5]);
    const f = run();
    // Status quo: 9,000 × 5 + 1,250,000 × 0.10 = 45,000 + 125,000 = 170,000 EUR
    expect(f['status-quo'].opexEur[1]).toBeCloseTo(170_000, 6);
    // Campaigns: 45,000 + 200 km × 0.5 × 200 EUR/km (= 20,000) + 1,206,250 × 0.10 (= 120,625) = 185,625 EUR
    expect(f['manual-leak-campaigns'].opexEur[1]).toBeCloseTo(185_625, 6);
    // Smart network: device maintenance + 1,130,486.11 × 0.10 (= 113,048.61); no reading, no campaign
    const maintenance = 9000 * P.meterRadioMaintenanceEurPerYear + 400 * P.acousticSensorMaintenanceEurPerYear + 4 * P.pressureControllerMaintenanceEurPerYear;
    expect(f['smart-network'].opexEur[1]).toBeCloseTo(maintenance + 113_048.611, 2);
    // Override of the production cost: 9,000 × 5 + 1,250,000 × 0.3 = 420,000
    expect(run({ ...HAND, productionCostEurPerM3: 0.3 })['status-quo'].opexEur[1]).toBeCloseTo(420_000, 6);
  });

  it('Eq. 11: scarcity value of the water wasted (network losses + customer-side leaks)', () => {
    const f = run();
    // Status quo: (250,000 + 20,000) × 0.5 = 135,000 EUR; smart network: (149,375 + 1,111.11) × 0.5 = 75,243.06 EUR
    expect(f['status-quo'].externalCostEur![1]).toBeCloseTo(135_000, 6);
    expect(f['smart-network'].externalCostEur![1]).toBeCloseTo(75_243.056, 2);
    // The difference is the avoided production × value: 119,513.89 × 0.5 = 59,756.94
    expect(f['status-quo'].externalCostEur![1] - f['smart-network'].externalCostEur![1]).toBeCloseTo(59_756.944, 2);
  });

  it('Eq. 12: mechanical meters replaced at a steady rate, or all at once when their age is given; radio meters at index 0', () => {
    expect([P.manualMeterCostEur, P.manualMeterLifetimeYears]).toEqual([70, 15]);
    // Evenly aged stock: 15 cohorts of 600 meters aged 0…14 years, one replaced each year 1…15: 600 × 70 = 42,000 EUR
    expect(existingMeterCohorts(9000, 15).map((c) => c.ageYears)).toEqual([...Array(15).keys()]);
    const f = run();
    expect(f['status-quo'].capexEur[0]).toBe(0);
    for (const t of [1, 8, 15]) expect(f['status-quo'].capexEur[t]).toBeCloseTo(42_000, 6);
    expect(f['manual-leak-campaigns'].capexEur[1]).toBeCloseTo(42_000, 6);
    // Meters aged 10 years: all 9,000 replaced at index 15 − 10 = 5 (9,000 × 70 = 630,000 EUR), again at 20
    const aged = run({ ...HAND, existingMetersAgeYears: 10 })['status-quo'].capexEur;
    expect(aged[5]).toBeCloseTo(630_000, 6);
    expect(aged[20]).toBeCloseTo(630_000, 6);
    expect(sum(aged)).toBeCloseTo(1_260_000, 6);
    // Smart network: every device at index 0 (9,000 radio meters, 400 sensors, 4 controllers), no mechanical meter
    const capex0 = 9000 * P.meterRadioCostEur + 400 * P.acousticSensorCostEur + 4 * P.pressureControllerCostEur;
    expect(f['smart-network'].capexEur[0]).toBeCloseTo(capex0, 6);
    expect(f['smart-network'].capexEur[1]).toBe(0);
  });

  it('Eq. 14: device counts, connected devices and data', () => {
    expect([P.leakSensorDensityPerKm, P.pressureControlPointsPerKm]).toEqual([2, 0.02]);
    // 200 km × 1 × 2 = 400 sensors; 200 × 0.02 = 4 controllers; 9,000 meters (= subscribers, metersCount absent)
    const counts = deviceCounts(HAND, P);
    expect(counts.acousticSensor).toBeCloseTo(400, 9);
    expect(counts.pressureController).toBeCloseTo(4, 9);
    expect(counts.meterRadio).toBe(9000);
    const f = run();
    expect(f['smart-network'].connectedDevices).toBeCloseTo(9404, 9);
    expect(f['smart-network'].dataMbPerYear).toBeCloseTo(
      9000 * P.meterRadioDataMbPerYear + 400 * P.acousticSensorDataMbPerYear + 4 * P.pressureControllerDataMbPerYear,
      9,
    );
    expect(f['status-quo'].connectedDevices ?? 0).toBe(0);
    expect(run({ ...HAND, metersCount: 12_000 })['smart-network'].connectedDevices).toBeCloseTo(12_404, 9);
  });

  it('Eq. 15: linear loss index 250,000 / (200 × 365) = 3.42 m³/km/day', () => {
    expect(linearLossIndexM3PerKmPerDay(250_000, 200)).toBeCloseTo(3.424658, 5);
    expect(linearLossIndexM3PerKmPerDay(149_375, 200)).toBeCloseTo(2.046233, 5); // smart network
    expect(() => linearLossIndexM3PerKmPerDay(1, 0)).toThrow(/networkLengthKm must be > 0/);
  });
});

// ---- invariants ----------------------------------------------------------------------------------------------------

describe('water model: invariants', () => {
  it('running flows are zero at index 0 and every output is finite', () => {
    const f = run();
    for (const [id, flows] of Object.entries(f)) {
      for (const key of SERIES_KEYS) assertFinite(`water/${id}`, key, flows[key]!);
      expect(flows.energyKwh[0], id).toBe(0);
      expect(flows.opexEur[0], id).toBe(0);
      expect(flows.externalCostEur![0], id).toBe(0);
    }
  });

  it('billed volume follows the demand factor, network losses do not', () => {
    // Demand −20 %: billed 800,000 m³, losses still 250,000 m³, produced 1,050,000 m³
    const vol = waterVolumes(axis, P, scenario({ waterDemandFactor: 0.8 }), HAND);
    expect(vol['status-quo'].billedM3[3]).toBeCloseTo(800_000, 6);
    expect(vol['status-quo'].lossesM3[3]).toBeCloseTo(250_000, 6);
    expect(vol['status-quo'].producedM3[3]).toBeCloseTo(1_050_000, 6);
  });

  it('losses never fall below the background share and savings never exceed the status quo losses (random parameters)', () => {
    fc.assert(
      fc.property(
        fc.record({
          efficiency: fc.double({ min: 0.4, max: 0.98, noNaN: true }),
          b: fc.double({ min: 0, max: 1, noNaN: true }),
          c: fc.double({ min: 0, max: 1, noNaN: true }),
          dMan: fc.double({ min: 0, max: 365, noNaN: true }),
          dDig: fc.double({ min: 0, max: 365, noNaN: true }),
          rep: fc.double({ min: 0.5, max: 60, noNaN: true }),
          rho: fc.double({ min: 0, max: 0.6, noNaN: true }),
          n1: fc.double({ min: 0.3, max: 3, noNaN: true }),
          r: fc.double({ min: 0, max: 1, noNaN: true }),
          k: fc.double({ min: 0, max: 0.2, noNaN: true }),
          alert: fc.double({ min: 0, max: 30, noNaN: true }),
        }),
        (x) => {
          const p = {
            ...P,
            backgroundLossShare: x.b,
            leakSensorCoverageFraction: x.c,
            leakDetectionDaysManual: x.dMan,
            leakDetectionDaysDigital: Math.min(x.dDig, x.dMan),
            leakRepairDays: x.rep,
            pressureReductionFraction: x.rho,
            leakageExponentN1: x.n1,
            leakSurveyLossReductionFraction: x.r,
            customerLeakShareOfBilled: x.k,
            customerLeakRunDaysWithAlert: x.alert,
          };
          const inv = { ...HAND, networkEfficiency: x.efficiency };
          const L0 = baseVolumes(inv).lossesM3;
          const vol = waterVolumes(axis, p, scenario(), inv);
          const sq = vol['status-quo'];
          for (const id of ['manual-leak-campaigns', 'smart-network']) {
            const v = vol[id];
            const tol = 1e-9 * L0;
            expect(v.lossesM3[1]).toBeGreaterThanOrEqual(x.b * L0 - tol);
            expect(v.lossesM3[1]).toBeLessThanOrEqual(L0 + tol);
            const saved = sq.producedM3[1] - v.producedM3[1];
            expect(saved).toBeGreaterThanOrEqual(-tol);
            expect(saved).toBeLessThanOrEqual(sq.lossesM3[1] + sq.customerLeaksM3[1] + tol);
          }
        },
      ),
      { numRuns: 200, seed: 20260 },
    );
  });

  it('doubling the inventory doubles every absolute flow and keeps the ratios', () => {
    const forms: Inventory[] = [
      HAND,
      { billedVolumeM3PerYear: 88_500, producedVolumeM3PerYear: 122_900, networkLengthKm: 38, subscribers: 675, existingMetersAgeYears: 6 },
    ];
    for (const inv of forms) {
      const double: Inventory = {
        ...inv,
        billedVolumeM3PerYear: inv.billedVolumeM3PerYear * 2,
        producedVolumeM3PerYear: inv.producedVolumeM3PerYear === undefined ? undefined : inv.producedVolumeM3PerYear * 2,
        networkLengthKm: inv.networkLengthKm * 2,
        subscribers: inv.subscribers * 2,
      };
      if (double.producedVolumeM3PerYear === undefined) delete double.producedVolumeM3PerYear;
      const one = run(inv);
      const two = run(double);
      for (const id of Object.keys(one)) {
        for (const key of SERIES_KEYS) {
          const a = one[id][key]!;
          const b = two[id][key]!;
          for (let t = 0; t < axis.length; t++) expect(b[t], `${id}.${key}[${t}]`).toBeCloseTo(2 * a[t], 4);
        }
        expect(two[id].connectedDevices ?? 0).toBeCloseTo(2 * (one[id].connectedDevices ?? 0), 6);
        expect(two[id].dataMbPerYear ?? 0).toBeCloseTo(2 * (one[id].dataMbPerYear ?? 0), 6);
      }
      const v1 = waterVolumes(axis, P, scenario(), inv)['smart-network'];
      const v2 = waterVolumes(axis, P, scenario(), double)['smart-network'];
      expect(v2.billedM3[1] / v2.producedM3[1]).toBeCloseTo(v1.billedM3[1] / v1.producedM3[1], 12);
    }
  });

  it('a variant that costs nothing and changes nothing equals the status quo', () => {
    const zeroDevices = Object.fromEntries(
      DEVICES.flatMap((d) => [`${d}CostEur`, `${d}EmbodiedKgCo2e`, `${d}EndOfLifeKgCo2e`, `${d}PowerW`, `${d}MaintenanceEurPerYear`].map((k) => [k, 0])),
    );
    const p = {
      ...P,
      ...zeroDevices,
      // the smart network detects no faster, lowers no pressure, alerts no sooner
      leakDetectionDaysDigital: P.leakDetectionDaysManual,
      pressureReductionFraction: 0,
      customerLeakRunDaysWithAlert: P.customerLeakRunDaysWithoutAlert,
      // campaigns cost nothing and find nothing
      leakSurveyCostEurPerKm: 0,
      leakSurveyLossReductionFraction: 0,
      // what the smart network avoids (mechanical meters, manual reading) costs nothing either
      manualMeterCostEur: 0,
      manualMeterEmbodiedKgCo2e: 0,
      manualMeterEndOfLifeKgCo2e: 0,
      meterReadingCostEurPerMeterPerYear: 0,
    };
    const f = run(HAND, p);
    for (const id of ['manual-leak-campaigns', 'smart-network']) {
      for (const key of SERIES_KEYS) {
        const a = f['status-quo'][key]!;
        const b = f[id][key]!;
        for (let t = 0; t < axis.length; t++) expect(b[t], `${id}.${key}[${t}]`).toBeCloseTo(a[t], 6);
      }
    }
  });
});

// ---- plausibility against reference figures ------------------------------------------------------------------------

describe('water model: plausibility', () => {
  it('national efficiency 79.8 % means about 20 % of production lost (SISPEA, parameters.md §5b, H)', () => {
    // 1 − 0.798 = 0.202 of production; ≈1 bn m³ lost of ≈5 bn m³ produced
    const v = baseVolumes({ ...HAND, networkEfficiency: 0.798 });
    expect(v.lossesM3 / v.producedM3).toBeCloseTo(0.202, 6);
    // National ILP: 1 bn m³ / (850,000 km × 365) = 3.22 m³/km/day, between the 2.5 and 5 thresholds of [6]
    const ilp = linearLossIndexM3PerKmPerDay(1e9, 850_000);
    expect(ilp).toBeCloseTo(3.2232, 3);
    expect(ilp).toBeGreaterThan(2.5);
    expect(ilp).toBeLessThan(5);
  });

  it('the smart network with the defaults lifts efficiency from 80 % to a level large French networks reach (85–95 %)', () => {
    // 981,111.11 / 1,130,486.11 = 0.868 (Revue EIN 2024: large networks reach or exceed 90 %, national 81.5 %)
    const d = waterVolumes(axis, P, scenario(), HAND)['smart-network'];
    const efficiency = d.billedM3[1] / d.producedM3[1];
    expect(efficiency).toBeCloseTo(0.86787, 4);
    expect(efficiency).toBeGreaterThan(0.85);
    expect(efficiency).toBeLessThan(0.95);
  });

  it('the catalogue radio meter cost is near the CODAH figure (≈130 EUR per meter incl. network, 2013, medium)', () => {
    if (!existsSync(root + catalogueFile)) return; // the test catalogue is not a reference figure
    expect(P.meterRadioCostEur).toBeGreaterThanOrEqual(65); // within a factor 2 of 130
    expect(P.meterRadioCostEur).toBeLessThanOrEqual(260);
  });

  it('the production cost default stays far below the retail price of water (4.19 EUR/m³ incl. sanitation)', () => {
    // The model must not value saved water at the retail price (double counting of energy and fixed costs).
    expect(P.waterProductionCostEurPerM3).toBeLessThan(4.19 / 4);
  });
});

// ---- repeated calls ----------------------------------------------------------------------------------------------

describe('water model: repeated calls', () => {
  it('gives through one arena, with other parameters in the call before, the flows of a fresh call', () => {
    // The model keeps scratch records between calls (work space, overwritten each call) and takes its series from
    // the arena: a call must not see anything of the previous one. Reference: the same call without an arena.
    const other = {
      ...P,
      backgroundLossShare: 0.5,
      leakSensorCoverageFraction: 0.5,
      leakSurveyLossReductionFraction: 0.3,
      customerLeakShareOfBilled: 0.05,
      manualMeterLifetimeYears: 12,
      manualMeterCostEur: 55,
    };
    const s = scenario({ waterDemandFactor: 0.9 });
    const inventory: Inventory = HAND;
    const fresh = model.simulate({ axis, p: P, s, inventory });
    const freshOther = model.simulate({ axis, p: other, s, inventory });
    const arena = new SeriesArena();
    arena.reset();
    model.simulate({ axis, p: other, s, inventory, arena });
    arena.reset();
    const again = model.simulate({ axis, p: P, s, inventory, arena });
    let differs = false;
    for (const v of model.variants) {
      for (const name of SERIES_KEYS) {
        const a = again[v.id][name] as Float64Array;
        const f = fresh[v.id][name] as Float64Array;
        expect(Array.from(a), `${v.id}.${name}`).toEqual(Array.from(f));
        differs ||= (freshOther[v.id][name] as Float64Array).some((x, t) => x !== f[t]);
      }
      expect(again[v.id].connectedDevices).toBe(fresh[v.id].connectedDevices);
      expect(again[v.id].dataMbPerYear).toBe(fresh[v.id].dataMbPerYear);
    }
    expect(differs).toBe(true); // the other parameters do change the flows, so the comparison above means something
  });

  it('walks the years of `waterVolumes` in its flows: energy = produced volume × energy per m³ (Eq. 8–9)', () => {
    // With no device energy (status quo), energyKwh[t] is exactly the produced volume × waterEnergyKwhPerM3.
    const s = scenario({ waterDemandFactor: 0.9 });
    const vol = waterVolumes(axis, P, s, HAND);
    const flows = run(HAND, P, s);
    for (const id of ['status-quo', 'manual-leak-campaigns']) {
      for (const t of [1, 12, 25]) expect(flows[id].energyKwh[t]).toBe(vol[id].producedM3[t] * P.waterEnergyKwhPerM3);
    }
  });
});
