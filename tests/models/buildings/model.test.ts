import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SeriesArena } from '../../../src/core/arena.js';
import { yearAxis, type YearAxis } from '../../../src/core/time.js';
import type { VariantFlows } from '../../../src/evaluate/model.js';
import {
  ACTIVITIES,
  BACS_CLASSES,
  CARRIERS,
  DEFAULT_BACS_CLASS,
  ENERGY_USES,
  SCENARIO_SERIES,
  VARIANT_IDS,
  bacFactor,
  bacSavingFraction,
  bacsObligation,
  buildingEnergyKwhByYear,
  climateFactor,
  combineSavings,
  decretTertiaireApplies,
  decretTertiaireCheck,
  decretTertiaireReferenceKwh,
  deviceCounts,
  devicePowerKwhPerYear,
  inventorySchema,
  model,
  savingsByUse,
  setpointFactor,
  useEnergyKwh,
  type Inventory,
  type VariantId,
} from '../../../models/buildings/model.js';
import { EVERY_FLOW_SERIES } from '../flowSeries.js';

// ---------------------------------------------------------------------------------------------------------------
// Inputs: parameters from the model's own parameters.yaml plus the shared device catalogue
// (models/digital/parameters.yaml); scenario series as constants.
// ---------------------------------------------------------------------------------------------------------------

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function parameterValues(file: string): Record<string, number> {
  const doc = parse(readFileSync(file, 'utf8')) as { parameters: Record<string, { value: number }> };
  return Object.fromEntries(Object.entries(doc.parameters).map(([name, spec]) => [name, spec.value]));
}

// TEST VALUES, used only if the digital helper's catalogue is not there: not defaults of the toolkit.
const TEST_CATALOGUE: Record<string, number> = {
  gtbControllerCostEur: 8000, gtbControllerEmbodiedKgCo2e: 60, gtbControllerEndOfLifeKgCo2e: 2,
  gtbControllerLifetimeYears: 15, gtbControllerPowerW: 10, gtbControllerMaintenanceEurPerYear: 500,
  gtbControllerDataMbPerYear: 100,
  subMeterCostEur: 400, subMeterEmbodiedKgCo2e: 8, subMeterEndOfLifeKgCo2e: 0.2, subMeterLifetimeYears: 12,
  subMeterPowerW: 1, subMeterMaintenanceEurPerYear: 10, subMeterDataMbPerYear: 10,
  smartThermostatCostEur: 150, smartThermostatEmbodiedKgCo2e: 5, smartThermostatEndOfLifeKgCo2e: 0.15,
  smartThermostatLifetimeYears: 10, smartThermostatPowerW: 0.3, smartThermostatMaintenanceEurPerYear: 5,
  smartThermostatDataMbPerYear: 5,
};
const digitalFile = resolve(root, 'models/digital/parameters.yaml');
const catalogue = existsSync(digitalFile) ? parameterValues(digitalFile) : TEST_CATALOGUE;
const own = parameterValues(resolve(root, 'models/buildings/parameters.yaml'));
const p: Record<string, number> = { ...catalogue, ...own };

const axis = yearAxis(2026, 25);
const N = axis.length - 1; // 25

/**
 * Scenario series as constants. Sourced values from ../shared/reference/parameters.md: grid 0.052 kgCO2e/kWh (§3, R),
 * gas 0.227 (§3, R), heating oil 0.314 (§3, M), wood 0.030 (§3, R), electricity 0.245 €/kWh (§6, SDES small
 * consumers H1 2024). TEST VALUES (no national figure found): heat network factor 0.1, gas price 0.10 €/kWh,
 * heating oil 0.12, wood 0.07, heat network 0.09 €/kWh.
 */
function scenario(a: YearAxis, overrides: Record<string, number> = {}): Record<string, Float64Array> {
  const base: Record<string, number> = {
    gridFactorKgCo2ePerKwh: 0.052,
    gasFactorKgCo2ePerKwh: 0.227,
    heatingOilFactorKgCo2ePerKwh: 0.314,
    woodFactorKgCo2ePerKwh: 0.03,
    heatNetworkFactorKgCo2ePerKwh: 0.1,
    electricityPriceEurPerKwh: 0.245,
    gasPriceEurPerKwh: 0.1,
    heatingOilPriceEurPerKwh: 0.12,
    woodPriceEurPerKwh: 0.07,
    heatNetworkPriceEurPerKwh: 0.09,
    heatingDegreeDaysFactor: 1,
    coolingDegreeDaysFactor: 1,
    heatingSetpointC: 19,
    digitalCostFactor: 1,
    digitalEmbodiedFactor: 1,
    worksCostFactor: 1,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new Float64Array(a.length).fill(v)]));
}
const s = scenario(axis);

/** The brief's hand-worked case: an office of 2,000 m², gas heating 300,000 kWh/yr, BAC class D. */
const office: Inventory = {
  buildings: [
    {
      id: 'mairie',
      activity: 'office',
      floorAreaM2: 2000,
      energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 300000 }],
      bacsClass: 'D',
    },
  ],
};

const run = (inventory: Inventory, params: Record<string, number> = p, series = s, a: YearAxis = axis) =>
  model.simulate({ axis: a, p: params, s: series, inventory });

const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((x, y) => x + y, 0);
const SERIES_KEYS = EVERY_FLOW_SERIES;

// ---------------------------------------------------------------------------------------------------------------

describe('model definition', () => {
  it('declares the five variants with the required kinds', () => {
    expect(model.variants.map((v) => v.id)).toEqual([...VARIANT_IDS]);
    expect(model.variants.filter((v) => v.kind === 'statusQuo').map((v) => v.id)).toEqual(['status-quo']);
    expect(model.variants.find((v) => v.id === 'insulation')?.kind).toBe('alternative');
    for (const id of ['gtb', 'metering-thermostats', 'insulation-gtb']) {
      expect(model.variants.find((v) => v.id === id)?.kind).toBe('digital');
    }
  });

  it('declares every scenario series it reads', () => {
    // simulate() with one series missing must fail naming it; with all declared ones present it runs.
    for (const name of SCENARIO_SERIES) {
      const partial = { ...s };
      delete partial[name];
      expect(() => run(office, p, partial)).toThrow(name);
    }
    expect(() => run(office)).not.toThrow();
  });

  it('names a missing parameter', () => {
    const { insulationCostEurPerM2: _drop, ...rest } = p;
    expect(() => run(office, rest)).toThrow('insulationCostEurPerM2');
  });

  it('every parameters.yaml entry has a source or is an assumption with a note and a range', () => {
    const doc = parse(readFileSync(resolve(root, 'models/buildings/parameters.yaml'), 'utf8')) as {
      model: string;
      parameters: Record<string, { value: unknown; unit: string; confidence: string; source?: string; note?: string; range?: { low: number; high: number } }>;
    };
    expect(doc.model).toBe('buildings');
    for (const [name, spec] of Object.entries(doc.parameters)) {
      expect(typeof spec.value, name).toBe('number');
      expect(['high', 'medium', 'low', 'assumption'], name).toContain(spec.confidence);
      if (spec.confidence === 'assumption') {
        expect(spec.note, name).toBeTruthy();
        expect(spec.range, name).toBeTruthy();
      } else expect(spec.source, name).toBeTruthy();
      if (spec.range) {
        expect(spec.range.low, name).toBeLessThanOrEqual(spec.value as number);
        expect(spec.range.high, name).toBeGreaterThanOrEqual(spec.value as number);
      }
    }
  });
});

describe('inventory schema', () => {
  it('accepts the hand-worked office and leaves bacsClass unset (the model reads it as C)', () => {
    const inv = inventorySchema.parse({
      buildings: [{ id: 'a', activity: 'office', floorAreaM2: 2000, energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 1 }] }],
    });
    expect(inv.buildings[0].bacsClass).toBeUndefined();
    expect(DEFAULT_BACS_CLASS).toBe('C');
  });

  it('rejects unknown keys, duplicate ids, negative consumption, an empty list and a reference year before 2010', () => {
    const b = { id: 'a', activity: 'office', floorAreaM2: 100, energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 1 }] };
    expect(inventorySchema.safeParse({ buildings: [{ ...b, colour: 'red' }] }).success).toBe(false);
    const dup = inventorySchema.safeParse({ buildings: [b, b] });
    expect(dup.success).toBe(false);
    expect(JSON.stringify(dup.error?.issues)).toContain('used twice');
    expect(inventorySchema.safeParse({ buildings: [{ ...b, energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: -1 }] }] }).success).toBe(false);
    expect(inventorySchema.safeParse({ buildings: [] }).success).toBe(false);
    expect(inventorySchema.safeParse({ buildings: [{ ...b, referenceYear: 2008 }] }).success).toBe(false);
    expect(inventorySchema.safeParse({ buildings: [{ ...b, activity: 'school' }] }).success).toBe(false);
  });
});

describe('Eq. 1–2: climate and setpoint multipliers', () => {
  it('heating follows heating degree-days, cooling follows cooling degree-days, other uses neither', () => {
    expect(climateFactor('heating', 0.9, 1.3)).toBe(0.9);
    expect(climateFactor('cooling', 0.9, 1.3)).toBe(1.3);
    for (const use of ['hotWater', 'lighting', 'other'] as const) expect(climateFactor(use, 0.9, 1.3)).toBe(1);
  });

  it('applies k = 7 %/°C to heating only, and never below zero', () => {
    // 1 − 0.07 × (19 − 18) = 0.93; 1 − 0.07 × (19 − 21) = 1.14; 1 − 0.07 × (19 − 4) = −0.05 → floored at 0.
    expect(setpointFactor('heating', 18, 0.07)).toBeCloseTo(0.93, 12);
    expect(setpointFactor('heating', 21, 0.07)).toBeCloseTo(1.14, 12);
    expect(setpointFactor('heating', 4, 0.07)).toBe(0);
    expect(setpointFactor('hotWater', 18, 0.07)).toBe(1);
  });

  it('warmer winters (HDD factor 0.9) cut heating by 10 % and leave lighting alone', () => {
    const inv: Inventory = {
      buildings: [{
        id: 'b', activity: 'education', floorAreaM2: 1500,
        energy: [
          { carrier: 'gas', use: 'heating', kwhPerYear: 300000 },
          { carrier: 'electricity', use: 'lighting', kwhPerYear: 50000 },
        ],
      }],
    };
    const warm = run(inv, p, scenario(axis, { heatingDegreeDaysFactor: 0.9 }))['status-quo'];
    // 300,000 × 0.9 + 50,000 = 320,000 kWh.
    expect(warm.energyKwh[1]).toBeCloseTo(320000, 6);
    // bill: 270,000 × 0.10 + 50,000 × 0.245 = 27,000 + 12,250 = 39,250 €.
    expect(warm.energyCostEur[1]).toBeCloseTo(39250, 6);
  });

  it('a sobriety setpoint of 18 °C cuts heating by 7 %', () => {
    const cool = run(office, p, scenario(axis, { heatingSetpointC: 18 }))['status-quo'];
    // 300,000 × (1 − 0.07 × 1) = 279,000 kWh.
    expect(cool.energyKwh[5]).toBeCloseTo(279000, 6);
  });
});

describe('Eq. 3–5: BAC factors and combined savings', () => {
  it('reads the EN 15232 offices row from parameters.yaml and class C as 1', () => {
    // EN 15232 offices, thermal: D 1.51, C 1, B 0.80, A 0.70 (../shared/reference/parameters.md §5d).
    expect(bacFactor(p, 'thermal', 'office', 'D')).toBe(1.51);
    expect(bacFactor(p, 'thermal', 'office', 'B')).toBe(0.8);
    expect(bacFactor(p, 'thermal', 'office', 'A')).toBe(0.7);
    expect(bacFactor(p, 'thermal', 'office', 'C')).toBe(1);
    expect(bacFactor(p, 'electric', 'office', 'B')).toBe(0.93);
  });

  it('class D → B in an office saves 1 − 0.80 / 1.51 = 47.0 % of thermal energy', () => {
    // 0.80 / 1.51 = 0.529801…; 1 − 0.529801 = 0.470199.
    expect(bacSavingFraction(0.8, 1.51)).toBeCloseTo(0.470199, 6);
    expect(savingsByUse('gtb', office.buildings[0], p).heating).toBeCloseTo(0.470199, 6);
    // electric: 1 − 0.93 / 1.10 = 0.154545 on lighting; half of it (gtbOtherUseAffectedShare 0.5) on 'other'.
    const sv = savingsByUse('gtb', office.buildings[0], p);
    expect(sv.lighting).toBeCloseTo(0.154545, 6);
    expect(sv.other).toBeCloseTo(0.154545 * p.gtbOtherUseAffectedShare, 6);
  });

  it('class A targets via gtbTargetClassAShare, and a building already at the target saves nothing', () => {
    const toA = { ...p, gtbTargetClassAShare: 1 };
    // offices C → A: 1 − 0.70 / 1 = 0.30, the "up to ≈ 30 %" of class A vs C (parameters.md §5d, vendor, L).
    expect(savingsByUse('gtb', { activity: 'office', bacsClass: 'C' }, toA).heating).toBeCloseTo(0.3, 12);
    expect(savingsByUse('gtb', { activity: 'office', bacsClass: 'B' }, p).heating).toBe(0);
    expect(savingsByUse('gtb', { activity: 'office', bacsClass: 'A' }, p).heating).toBe(0);
    // schools C → B: 1 − 0.88 = 0.12 (EN 15232 educational buildings row).
    expect(savingsByUse('gtb', { activity: 'education' }, p).heating).toBeCloseTo(0.12, 12);
  });

  it('combines measures multiplicatively: insulation 40 % then GTB 47.0 % saves 68.2 %, not 87.0 %', () => {
    // 1 − (1 − 0.40) × (1 − 0.470199) = 1 − 0.6 × 0.529801 = 0.682119.
    expect(combineSavings([0.4, 0.470199])).toBeCloseTo(0.682119, 6);
    expect(savingsByUse('insulation-gtb', office.buildings[0], p).heating).toBeCloseTo(0.682119, 6);
    expect(() => combineSavings([1.2])).toThrow('combineSavings');
  });

  it('metering + thermostats: 1 − 0.90 × 0.97 = 12.7 % on heating, 3 % on other uses', () => {
    const sv = savingsByUse('metering-thermostats', office.buildings[0], p);
    expect(sv.heating).toBeCloseTo(0.127, 12);
    expect(sv.lighting).toBeCloseTo(0.03, 12);
  });
});

describe('hand-worked office: 2,000 m², gas heating 300,000 kWh/yr, class D', () => {
  const out = run(office);
  const sq = out['status-quo'];
  const gtb = out.gtb;
  const ctrlKwh = devicePowerKwhPerYear(p.gtbControllerPowerW); // W × 8,760 h / 1,000

  it('status quo: 300,000 kWh PCS, 300,000 × 0.10 = 30,000 € and × 0.9 PCI/PCS × 0.227 = 61,290 kgCO2e a year, nothing at index 0', () => {
    expect(sq.energyKwh[0]).toBe(0);
    expect(sq.energyKwh[1]).toBe(300000);
    expect(sq.energyCostEur[1]).toBeCloseTo(30000, 6);
    expect(sq.useKgCo2e[N]).toBeCloseTo(61290, 6);
    expect(sum(sq.capexEur)).toBe(0);
    expect(sq.connectedDevices ?? 0).toBe(0);
  });

  it('gtb energy: 300,000 × (1 − 0.470199) = 158,940.4 kWh of gas plus one controller all year', () => {
    // one controller: max(1, 2,000 / 3,000 m²) = 1.
    expect(deviceCounts('gtb', office.buildings[0], p).gtbController).toBe(1);
    expect(useEnergyKwh(300000, 1, 1, 1 - 0.8 / 1.51)).toBeCloseTo(158940.4, 1);
    expect(gtb.energyKwh[0]).toBe(0);
    expect(gtb.energyKwh[1]).toBeCloseTo(300000 * (0.8 / 1.51) + ctrlKwh, 6);
    // bill: gas at 0.10 €/kWh, controller at 0.245 €/kWh.
    expect(gtb.energyCostEur[1]).toBeCloseTo(300000 * (0.8 / 1.51) * 0.1 + ctrlKwh * 0.245, 6);
    // carbon: gas at 0.9 × 0.227 per kWh PCS, controller at 0.052 kgCO2e/kWh; the controller's share is digital.
    expect(gtb.useKgCo2e[1]).toBeCloseTo(300000 * (0.8 / 1.51) * 0.9 * 0.227 + ctrlKwh * 0.052, 6);
  });

  it('gtb capex: 2,000 m² × 15 €/m² + one controller at index 0, renewed at 15, one third residual at 25', () => {
    const first = 2000 * p.gtbCostClassBEurPerM2 + p.gtbControllerCostEur;
    expect(gtb.capexEur[0]).toBeCloseTo(first, 6);
    // both lifetimes are 15 years (gtbLifetimeYears, gtbControllerLifetimeYears): replaced at index 15.
    expect(p.gtbLifetimeYears).toBe(15);
    expect(gtb.capexEur[15]).toBeCloseTo(first, 6);
    // bought at 15, serves until 30: residual (15 + 15 − 25) / 15 = 1/3 at index 25.
    expect(gtb.residualValueEur[N]).toBeCloseTo(first / 3, 6);
    // opex: 2,000 m² × 0.2 €/m²/yr field maintenance + 1 controller × its maintenance.
    expect(gtb.opexEur[1]).toBeCloseTo(2000 * p.gtbOperationEurPerM2PerYear + p.gtbControllerMaintenanceEurPerYear, 6);
    expect(gtb.opexEur[0]).toBe(0);
    expect(gtb.connectedDevices).toBe(1);
    expect(gtb.dataMbPerYear).toBe(p.gtbControllerDataMbPerYear);
  });

  it('gtb embodied carbon: field installation 2,000 × 0.5 kg + controller, all digital', () => {
    const manufacturing = 2000 * p.gtbEmbodiedKgCo2ePerM2 + p.gtbControllerEmbodiedKgCo2e;
    expect(gtb.embodiedKgCo2e[0]).toBeCloseTo(manufacturing, 6);
    // digital = lifecycle of the devices and works (at purchase) + the controller's electricity.
    const expectedDigital = sum(gtb.embodiedKgCo2e) + sum(gtb.endOfLifeKgCo2e) + N * ctrlKwh * 0.052;
    expect(sum(gtb.digitalKgCo2e)).toBeCloseTo(expectedDigital, 6);
  });

  it('insulation: 2,000 m² × 200 €/m² at index 0, no renewal within 25 years, 5/30 residual; heating × 0.6', () => {
    const ins = out.insulation;
    expect(ins.capexEur[0]).toBeCloseTo(2000 * 200, 6);
    expect(sum(ins.capexEur)).toBeCloseTo(400000, 6);
    // lifetime 30: residual (0 + 30 − 25) / 30 = 1/6 → 66,666.67 €.
    expect(ins.residualValueEur[N]).toBeCloseTo(400000 / 6, 4);
    expect(ins.energyKwh[1]).toBeCloseTo(300000 * 0.6, 6);
    expect(ins.embodiedKgCo2e[0]).toBeCloseTo(2000 * 25, 6);
    expect(sum(ins.digitalKgCo2e)).toBe(0);
    expect(ins.connectedDevices ?? 0).toBe(0);
  });

  it('insulation + gtb: 300,000 × 0.6 × 0.529801 = 95,364.2 kWh of gas plus the controller', () => {
    expect(out['insulation-gtb'].energyKwh[1]).toBeCloseTo(300000 * 0.6 * (0.8 / 1.51) + ctrlKwh, 6);
    expect(out['insulation-gtb'].capexEur[0]).toBeCloseTo(400000 + 2000 * 15 + p.gtbControllerCostEur, 6);
  });

  it('metering + thermostats: 3 sub-meters and 2,000 / 100 = 20 thermostats; heating × 0.873', () => {
    const m = out['metering-thermostats'];
    expect(m.connectedDevices).toBe(23);
    const deviceKwh = 3 * devicePowerKwhPerYear(p.subMeterPowerW) + 20 * devicePowerKwhPerYear(p.smartThermostatPowerW);
    expect(m.energyKwh[1]).toBeCloseTo(300000 * 0.873 + deviceKwh, 6);
    expect(m.capexEur[0]).toBeCloseTo(3 * p.subMeterCostEur + 20 * p.smartThermostatCostEur, 6);
    expect(m.dataMbPerYear).toBeCloseTo(3 * p.subMeterDataMbPerYear + 20 * p.smartThermostatDataMbPerYear, 9);
  });

  it('the décret tertiaire −40 % of 2030 is met with insulation + GTB but not by the status quo', () => {
    const input = { axis, p, s, inventory: office };
    const ref = decretTertiaireReferenceKwh(office.buildings[0]); // no referenceKwhPerYear: current 300,000
    expect(ref).toBe(300000);
    const sqCheck = decretTertiaireCheck(buildingEnergyKwhByYear(input, 'status-quo')['mairie'], axis, ref);
    const bothCheck = decretTertiaireCheck(buildingEnergyKwhByYear(input, 'insulation-gtb')['mairie'], axis, ref);
    expect(sqCheck[0]).toMatchObject({ year: 2030, targetKwh: 180000, consumptionKwh: 300000, met: false });
    // ≈ 95,452 kWh ≤ 180,000 (2030) and ≤ 150,000 (2040) and ≤ 120,000 (2050).
    expect(bothCheck.map((m) => m.met)).toEqual([true, true, true]);
  });
});

describe('Eq. 11: décret tertiaire check', () => {
  // Made-up series on 2026…2051, reference 500,000 kWh: targets 300,000 (2030), 250,000 (2040), 200,000 (2050).
  const kwh = new Float64Array(axis.length);
  kwh[2030 - 2026] = 300000; // exactly on target: met
  kwh[2040 - 2026] = 260000; // 10,000 above: not met
  kwh[2050 - 2026] = 190000; // below: met

  it('computes targets at −40/−50/−60 % and compares', () => {
    expect(decretTertiaireCheck(kwh, axis, 500000)).toEqual([
      { year: 2030, reductionFraction: 0.4, targetKwh: 300000, consumptionKwh: 300000, met: true },
      { year: 2040, reductionFraction: 0.5, targetKwh: 250000, consumptionKwh: 260000, met: false },
      { year: 2050, reductionFraction: 0.6, targetKwh: 200000, consumptionKwh: 190000, met: true },
    ]);
  });

  it('gives null and not met for years outside the axis or at the investment year', () => {
    const short = yearAxis(2026, 10); // 2026…2036
    const res = decretTertiaireCheck(new Float64Array(short.length).fill(1), short, 500000);
    expect(res[0].consumptionKwh).toBe(1);
    expect(res[1]).toMatchObject({ year: 2040, consumptionKwh: null, met: false });
    const from2030 = yearAxis(2030, 5); // 2030 is index 0, no operation
    expect(decretTertiaireCheck(new Float64Array(from2030.length), from2030, 500000)[0]).toMatchObject({ consumptionKwh: null, met: false });
  });

  it('rejects a series off the axis and a non-positive reference', () => {
    expect(() => decretTertiaireCheck(new Float64Array(3), axis, 1)).toThrow('decretTertiaireCheck');
    expect(() => decretTertiaireCheck(kwh, axis, 0)).toThrow('referenceKwh');
  });

  it('applies from 1,000 m² of floor area', () => {
    expect(decretTertiaireApplies(999)).toBe(false);
    expect(decretTertiaireApplies(1000)).toBe(true);
  });

  it('uses referenceKwhPerYear when given', () => {
    expect(decretTertiaireReferenceKwh({ energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 1 }], referenceKwhPerYear: 420000 })).toBe(420000);
  });
});

describe('Eq. 12: décret BACS obligation', () => {
  it('> 290 kW: 1 Jan 2025; > 70 up to 290 kW: 1 Jan 2030; 70 kW or less: none', () => {
    expect(bacsObligation(300)).toEqual({ applies: true, deadline: '2025-01-01' });
    expect(bacsObligation(290)).toEqual({ applies: true, deadline: '2030-01-01' });
    expect(bacsObligation(150)).toEqual({ applies: true, deadline: '2030-01-01' });
    expect(bacsObligation(70)).toEqual({ applies: false, deadline: null });
    expect(bacsObligation(0)).toEqual({ applies: false, deadline: null });
    expect(() => bacsObligation(-1)).toThrow('bacsObligation');
    expect(() => bacsObligation(Number.NaN)).toThrow('bacsObligation');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------------------------

const energyLine = fc.record({
  carrier: fc.constantFrom(...CARRIERS),
  use: fc.constantFrom(...ENERGY_USES),
  kwhPerYear: fc.double({ min: 0, max: 2e6, noNaN: true }),
});
const buildingArb = fc.record({
  activity: fc.constantFrom(...ACTIVITIES),
  floorAreaM2: fc.double({ min: 50, max: 20000, noNaN: true }),
  energy: fc.array(energyLine, { minLength: 1, maxLength: 6 }),
  bacsClass: fc.option(fc.constantFrom(...BACS_CLASSES), { nil: undefined }),
});
const inventoryArb = fc
  .array(buildingArb, { minLength: 1, maxLength: 5 })
  .map((bs): Inventory => ({ buildings: bs.map((b, i) => ({ id: `b${i}`, ...b })) }));

/** Parameters drawn inside the declared ranges of parameters.yaml, for property tests. */
const yamlSpecs = (parse(readFileSync(resolve(root, 'models/buildings/parameters.yaml'), 'utf8')) as {
  parameters: Record<string, { range?: { low: number; high: number } }>;
}).parameters;
const paramsArb = fc
  .record(Object.fromEntries(
    Object.entries(yamlSpecs)
      .filter(([, spec]) => spec.range)
      .map(([name, spec]) => [name, fc.double({ min: spec.range!.low, max: spec.range!.high, noNaN: true })]),
  ))
  .map((drawn) => ({ ...p, ...drawn }));

/** Devices' own electricity in a variant's year-t energy [kWh]. */
function deviceKwh(inv: Inventory, v: VariantId, params: Record<string, number>): number {
  let kwh = 0;
  for (const b of inv.buildings) {
    const c = deviceCounts(v, b, params);
    kwh += c.gtbController * devicePowerKwhPerYear(params.gtbControllerPowerW)
      + c.subMeter * devicePowerKwhPerYear(params.subMeterPowerW)
      + c.smartThermostat * devicePowerKwhPerYear(params.smartThermostatPowerW);
  }
  return kwh;
}

describe('invariants', () => {
  it('savings are fractions in [0, 1] and never exceed the status quo use; outputs are finite', () => {
    fc.assert(
      fc.property(inventoryArb, paramsArb, (inv, params) => {
        for (const b of inv.buildings) for (const v of VARIANT_IDS) {
          for (const f of Object.values(savingsByUse(v, b, params))) {
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThanOrEqual(1);
          }
        }
        const out = run(inv, params);
        const sq = out['status-quo'];
        for (const v of VARIANT_IDS) {
          const flows = out[v];
          for (const key of SERIES_KEYS) for (const x of flows[key]) expect(Number.isFinite(x)).toBe(true);
          const own = deviceKwh(inv, v, params);
          for (let t = 1; t <= N; t++) {
            const buildingKwh = flows.energyKwh[t] - own;
            expect(buildingKwh).toBeGreaterThanOrEqual(-1e-6 * (1 + sq.energyKwh[t]));
            expect(buildingKwh).toBeLessThanOrEqual(sq.energyKwh[t] * (1 + 1e-12) + 1e-6);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('doubling the inventory (every building twice) doubles every absolute flow', () => {
    fc.assert(
      fc.property(inventoryArb, (inv) => {
        const twice: Inventory = { buildings: [...inv.buildings, ...inv.buildings.map((b) => ({ ...b, id: `${b.id}-bis` }))] };
        const a = run(inv);
        const b = run(twice);
        for (const v of VARIANT_IDS) {
          for (const key of SERIES_KEYS) {
            for (let t = 0; t <= N; t++) expect(b[v][key][t]).toBeCloseTo(2 * a[v][key][t], 3);
          }
          expect(b[v].connectedDevices ?? 0).toBeCloseTo(2 * (a[v].connectedDevices ?? 0), 9);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('an entry with count: 3 gives the same flows as three identical entries', () => {
    const one = { activity: 'education' as const, floorAreaM2: 700, bacsClass: 'D' as const, energy: [{ carrier: 'heatingOil' as const, use: 'heating' as const, kwhPerYear: 90000 }] };
    const grouped = run({ buildings: [{ id: 'ecoles', count: 3, ...one }] });
    const listed = run({ buildings: [1, 2, 3].map((i) => ({ id: `ecole-${i}`, ...one })) });
    for (const v of VARIANT_IDS) {
      for (const key of SERIES_KEYS) for (let t = 0; t <= N; t++) expect(grouped[v][key][t]).toBeCloseTo(listed[v][key][t], 6);
      expect(grouped[v].connectedDevices ?? 0).toBeCloseTo(listed[v].connectedDevices ?? 0, 9);
    }
    // 3 × 700 m² of floor area for the report's per-m² figures.
    expect(model.describeInventory?.({ buildings: [{ id: 'ecoles', count: 3, ...one }] }).quantity).toBe(2100);
  });

  it('doubling floor area and consumption doubles the flows and keeps the saved fractions', () => {
    // Buildings of ≥ 3,000 m² so that controllers (1 per 3,000 m²) and thermostats (1 per 100 m²) scale with
    // area. Sub-meters are a fixed number per building, so the metering variant is checked by the test above.
    const base: Inventory = {
      buildings: [
        { id: 'a', activity: 'office', floorAreaM2: 3000, bacsClass: 'D', energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 400000 }, { carrier: 'electricity', use: 'lighting', kwhPerYear: 60000 }] },
        { id: 'b', activity: 'education', floorAreaM2: 4500, energy: [{ carrier: 'heatNetwork', use: 'heating', kwhPerYear: 500000 }, { carrier: 'electricity', use: 'other', kwhPerYear: 80000 }] },
      ],
    };
    const doubled: Inventory = {
      buildings: base.buildings.map((b) => ({ ...b, floorAreaM2: 2 * b.floorAreaM2, energy: b.energy.map((e) => ({ ...e, kwhPerYear: 2 * e.kwhPerYear })) })),
    };
    const a = run(base);
    const b = run(doubled);
    for (const v of ['status-quo', 'insulation', 'gtb', 'insulation-gtb'] as const) {
      for (const key of SERIES_KEYS) for (let t = 0; t <= N; t++) expect(b[v][key][t]).toBeCloseTo(2 * a[v][key][t], 4);
      const savedA = 1 - sum(a[v].energyKwh) / sum(a['status-quo'].energyKwh);
      const savedB = 1 - sum(b[v].energyKwh) / sum(b['status-quo'].energyKwh);
      expect(savedB).toBeCloseTo(savedA, 10);
    }
  });

  it('a variant that costs nothing and changes nothing equals the status quo', () => {
    const free = { ...p, insulationCostEurPerM2: 0, insulationEmbodiedKgCo2ePerM2: 0, insulationEndOfLifeKgCo2ePerM2: 0, insulationHeatingSavingFraction: 0 };
    const inv: Inventory = {
      buildings: [{ id: 'x', activity: 'culture', floorAreaM2: 1200, bacsClass: 'D', energy: [{ carrier: 'wood', use: 'heating', kwhPerYear: 150000 }, { carrier: 'electricity', use: 'cooling', kwhPerYear: 20000 }] }],
    };
    const out = run(inv, free);
    for (const key of SERIES_KEYS) expect(Array.from(out.insulation[key])).toEqual(Array.from(out['status-quo'][key]));
    // GTB with every BAC factor 1 and free, powerless devices and works: same flows as the status quo.
    const neutral: Record<string, number> = { ...p, gtbCostClassBEurPerM2: 0, gtbCostClassAEurPerM2: 0, gtbEmbodiedKgCo2ePerM2: 0, gtbOperationEurPerM2PerYear: 0 };
    for (const name of Object.keys(p)) if (/^bac(Thermal|Electric)Factor/.test(name)) neutral[name] = 1;
    for (const k of ['CostEur', 'EmbodiedKgCo2e', 'EndOfLifeKgCo2e', 'PowerW', 'MaintenanceEurPerYear']) neutral[`gtbController${k}`] = 0;
    const g = run(inv, neutral);
    for (const key of SERIES_KEYS) expect(Array.from(g.gtb[key])).toEqual(Array.from(g['status-quo'][key]));
  });

  it('running flows are zero at index 0 in every variant', () => {
    const out = run(office);
    for (const v of VARIANT_IDS) {
      for (const key of ['energyKwh', 'energyCostEur', 'useKgCo2e', 'opexEur'] as const) expect(out[v][key][0]).toBe(0);
    }
  });

  it('buildingEnergyKwhByYear sums to the flows when not climate-normalised, and ignores degree-days by default', () => {
    const inv: Inventory = {
      buildings: [
        { id: 'a', activity: 'office', floorAreaM2: 2500, energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 250000 }] },
        { id: 'b', activity: 'sports', floorAreaM2: 1800, energy: [{ carrier: 'electricity', use: 'cooling', kwhPerYear: 30000 }] },
      ],
    };
    const warm = scenario(axis, { heatingDegreeDaysFactor: 0.8, coolingDegreeDaysFactor: 1.5 });
    const input = { axis, p, s: warm, inventory: inv };
    const flows = model.simulate(input);
    for (const v of VARIANT_IDS) {
      const raw = buildingEnergyKwhByYear(input, v, { climateNormalised: false });
      for (let t = 0; t <= N; t++) expect(raw.a[t] + raw.b[t]).toBeCloseTo(flows[v].energyKwh[t], 6);
    }
    // normalised: the status quo gives back the inventory's 250,000 kWh despite an 0.8 degree-days factor.
    expect(buildingEnergyKwhByYear(input, 'status-quo').a[3]).toBe(250000);
  });
});

describe('plausibility against reference figures', () => {
  it('GTB C → B in offices saves 20 % of heating and 7 % of lighting (EN 15232 factors 0.80 / 0.93)', () => {
    const inv: Inventory = {
      buildings: [{ id: 'o', activity: 'office', floorAreaM2: 3000, energy: [
        { carrier: 'gas', use: 'heating', kwhPerYear: 100000 },
        { carrier: 'electricity', use: 'lighting', kwhPerYear: 100000 },
      ] }],
    };
    const out = run(inv);
    const f: VariantFlows = out.gtb;
    const own = deviceKwh(inv, 'gtb', p);
    // 100,000 × 0.80 + 100,000 × 0.93 = 173,000 kWh (vs 200,000): 13.5 % overall, within "up to ≈ 30 %" (§5d).
    expect(f.energyKwh[1] - own).toBeCloseTo(173000, 6);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// simulate's year loop (per-use multipliers, per-carrier prices, the five variants together) and its work space
// ---------------------------------------------------------------------------------------------------------------

describe('year loop and work space of simulate', () => {
  /** Two buildings whose lines of the same (carrier, use) are listed in different orders and among other groups. */
  const mixed: Inventory = {
    buildings: [
      { id: 'o', activity: 'office', floorAreaM2: 1500, bacsClass: 'C', energy: [
        { carrier: 'gas', use: 'heating', kwhPerYear: 100000 },
        { carrier: 'electricity', use: 'lighting', kwhPerYear: 20000 },
      ] },
      { id: 'e', activity: 'education', floorAreaM2: 900, bacsClass: 'D', energy: [
        { carrier: 'electricity', use: 'lighting', kwhPerYear: 10000 },
        { carrier: 'electricity', use: 'cooling', kwhPerYear: 5000 },
        { carrier: 'gas', use: 'heating', kwhPerYear: 50000 },
      ] },
    ],
  };

  it('mixed groups over two buildings: status quo and insulation by hand', () => {
    const out = run(mixed);
    // Status quo, at today's weather and 19 °C: 150,000 kWh of gas heating + 35,000 kWh of electricity.
    expect(out['status-quo'].energyKwh[1]).toBe(185000);
    // Bills: 150,000 × 0.10 €/kWh + 35,000 × 0.245 €/kWh = 15,000 + 8,575 = 23,575 €.
    expect(out['status-quo'].energyCostEur[1]).toBeCloseTo(23575, 6);
    // Carbon: 150,000 × 0.227 × 0.9 (PCI/PCS) + 35,000 × 0.052 = 30,645 + 1,820 = 32,465 kgCO2e.
    expect(out['status-quo'].useKgCo2e[1]).toBeCloseTo(32465, 6);
    // Insulation saves 40 % of heating only: 150,000 × 0.6 + 35,000 = 125,000 kWh; 9,000 + 8,575 = 17,575 €.
    expect(out.insulation.energyKwh[N]).toBeCloseTo(125000, 6);
    expect(out.insulation.energyCostEur[N]).toBeCloseTo(17575, 6);
  });

  it('year by year, every variant equals Σ lines × Eq. 1 × Eq. 2 × (1 − σ) priced at that year (exported equations)', () => {
    // Every series moves from year to year, so that a year or a carrier read at the wrong place shows.
    const moving = scenario(axis);
    for (let t = 0; t < axis.length; t++) {
      moving.heatingDegreeDaysFactor[t] = 1 - 0.01 * t;
      moving.coolingDegreeDaysFactor[t] = 1 + 0.03 * t;
      moving.heatingSetpointC[t] = 19 - 0.04 * t;
      moving.gasPriceEurPerKwh[t] = 0.1 + 0.002 * t;
      moving.electricityPriceEurPerKwh[t] = 0.245 - 0.001 * t;
      moving.gasFactorKgCo2ePerKwh[t] = 0.227 - 0.001 * t;
      moving.gridFactorKgCo2ePerKwh[t] = 0.052 * (1 - 0.02 * t);
    }
    const out = run(mixed, p, moving);
    const k = p.heatingSetpointSensitivityPerDegC;
    const price = { gas: moving.gasPriceEurPerKwh, electricity: moving.electricityPriceEurPerKwh } as Record<string, Float64Array>;
    const factor = { gas: moving.gasFactorKgCo2ePerKwh, electricity: moving.gridFactorKgCo2ePerKwh } as Record<string, Float64Array>;
    for (const v of VARIANT_IDS) {
      const own = deviceKwh(mixed, v, p);
      for (let t = 1; t <= N; t++) {
        let kwh = 0;
        let cost = 0;
        let carbon = 0;
        for (const b of mixed.buildings) {
          const saving = savingsByUse(v, b, p);
          for (const line of b.energy) {
            const climate = climateFactor(line.use, moving.heatingDegreeDaysFactor[t], moving.coolingDegreeDaysFactor[t]);
            const e = useEnergyKwh(line.kwhPerYear, climate, setpointFactor(line.use, moving.heatingSetpointC[t], k), saving[line.use]);
            kwh += e;
            cost += e * price[line.carrier][t];
            carbon += e * factor[line.carrier][t] * (line.carrier === 'gas' ? p.gasPciPerPcsRatio : 1);
          }
        }
        // The variant's devices draw grid electricity all year on top (zero in the status quo and insulation).
        expect(out[v].energyKwh[t] - own).toBeCloseTo(kwh, 6);
        if (own === 0) {
          expect(out[v].energyCostEur[t]).toBeCloseTo(cost, 6);
          expect(out[v].useKgCo2e[t]).toBeCloseTo(carbon, 6);
        }
      }
    }
  });

  it('with an arena, call after call, gives the flows of fresh records whatever the previous draw', () => {
    // Three draws through one arena (positions handed out again, zeroed): class B only, half class A, then class B
    // again with another insulation price; each must equal the same draw run without an arena.
    const arena = new SeriesArena();
    const draws = [p, { ...p, gtbTargetClassAShare: 0.5 }, { ...p, insulationCostEurPerM2: 150 }];
    for (const params of [...draws, ...draws]) {
      arena.reset();
      const reused = model.simulate({ axis, p: params, s, inventory: mixed, arena });
      const fresh = run(mixed, params);
      for (const v of VARIANT_IDS) {
        for (const key of SERIES_KEYS) expect(Array.from(reused[v][key])).toEqual(Array.from(fresh[v][key]));
        expect(reused[v].connectedDevices).toBe(fresh[v].connectedDevices);
        expect(reused[v].dataMbPerYear).toBe(fresh[v].dataMbPerYear);
      }
    }
  });
});
