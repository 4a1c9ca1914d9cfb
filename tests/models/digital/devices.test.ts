/**
 * models/digital: `addDevices` (a use-case model deploys catalogue devices into a variant's flows in one call) and
 * the catalogue's reading of `p` (each device's seven parameters written out by name in `readCatalogueEntry`).
 */
import { describe, expect, it } from 'vitest';
import { yearAxis } from '../../../src/core/time.js';
import { emptyFlows, type VariantFlows } from '../../../src/evaluate/model.js';
import {
  DEVICE_FIELDS,
  DEVICE_NAMES,
  addDeviceFleet,
  addDevices,
  catalogueEntry,
  deviceFleet,
  type DeviceCatalogueEntry,
} from '../../../models/digital/model.js';
import { defaultParameters, scenario } from './helpers.js';
import { EVERY_FLOW_SERIES } from '../flowSeries.js';

function expectSeries(actual: Float64Array, expected: number[], digits = 9): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i], `index ${i}`).toBeCloseTo(v, digits));
}

/** The catalogue entry's field for each parameter suffix of DEVICE_FIELDS. */
const ENTRY_FIELD: Record<keyof typeof DEVICE_FIELDS, keyof DeviceCatalogueEntry> = {
  CostEur: 'costEur',
  EmbodiedKgCo2e: 'embodiedKgCo2e',
  EndOfLifeKgCo2e: 'endOfLifeKgCo2e',
  LifetimeYears: 'lifetimeYears',
  PowerW: 'powerW',
  MaintenanceEurPerYear: 'maintenanceEurPerYear',
  DataMbPerYear: 'dataMbPerYear',
};

describe('addDevices, by hand on yearAxis(2026, 3)', () => {
  // Axis: indices 0 (2026, investment) … 3 (2029). 4 hydro stations with TEST values (not the defaults):
  // cost 200 €, embodied 20 kg, end of life 2 kg, lifetime 2 yr, 2 W, 10 €/yr, 5 MB/yr.
  // Trends: digitalCostFactor and digitalEmbodiedFactor 0.5 from index 2. Grid 0.1 then 0.05 from index 2; price 0.2.
  const axis = yearAxis(2026, 3);
  const p = {
    ...defaultParameters(),
    hydroStationCostEur: 200,
    hydroStationEmbodiedKgCo2e: 20,
    hydroStationEndOfLifeKgCo2e: 2,
    hydroStationLifetimeYears: 2,
    hydroStationPowerW: 2,
    hydroStationMaintenanceEurPerYear: 10,
    hydroStationDataMbPerYear: 5,
  };
  const s = scenario(axis, {
    digitalCostFactor: [1, 1, 0.5, 0.5],
    digitalEmbodiedFactor: [1, 1, 0.5, 0.5],
    gridFactorKgCo2ePerKwh: [0.1, 0.1, 0.05, 0.05],
  });

  function expectHandFlows(flows: VariantFlows): void {
    // capex: 4 × 200 = 800 at 0; replacement at 2 (lifetime 2): 4 × 200 × 0.5 = 400.
    expectSeries(flows.capexEur, [800, 0, 400, 0]);
    // residual at 3: the replacement bought at 2 serves 3–4; (2 + 2 − 3) / 2 = 0.5 of 400 = 200.
    expectSeries(flows.residualValueEur, [0, 0, 0, 200]);
    // manufacturing: 4 × 20 = 80 at 0; 4 × 20 × 0.5 = 40 at 2; credit 0.5 × 40 = 20 at 3.
    expectSeries(flows.embodiedKgCo2e, [80, 0, 40, -20]);
    // end of life: 4 × 2 = 8 at disposal (index 2); the second fleet 8 × (1 − 0.5) = 4 at 3.
    expectSeries(flows.endOfLifeKgCo2e, [0, 0, 8, 4]);
    // amortised: (80 + 8) / 2 = 44 in years 1–2; (40 + 8) / 2 = 24 in year 3.
    expectSeries(flows.amortisedEmbodiedKgCo2e, [0, 44, 44, 24]);
    // Eq. 2: 4 × 2 W × 8,760 h / 1,000 = 70.08 kWh per year of operation.
    expectSeries(flows.energyKwh, [0, 70.08, 70.08, 70.08]);
    // Eq. 3: 70.08 kWh × 0.2 €/kWh = 14.016 €; 70.08 × 0.1 = 7.008 kg (year 1), 70.08 × 0.05 = 3.504 kg (years 2–3).
    expectSeries(flows.energyCostEur, [0, 14.016, 14.016, 14.016]);
    expectSeries(flows.useKgCo2e, [0, 7.008, 3.504, 3.504]);
    // Eq. 4: 4 × 10 € = 40 € a year.
    expectSeries(flows.opexEur, [0, 40, 40, 40]);
    // digital = manufacturing + end of life + use: [80, 7.008, 40 + 8 + 3.504, −20 + 4 + 3.504].
    expectSeries(flows.digitalKgCo2e, [80, 7.008, 51.504, -12.496]);
  }

  it('adds the fleet, its electricity, bill, carbon and maintenance, and counts devices and data', () => {
    const flows = emptyFlows(axis);
    addDevices(flows, axis, p, s, 'hydroStation', 4);
    expectHandFlows(flows);
    // 4 devices, 4 × 5 MB = 20 MB a year.
    expect(flows.connectedDevices).toBe(4);
    expect(flows.dataMbPerYear).toBe(20);
    // A second call adds to what is there: 4 more stations → 8 devices, 40 MB, capex 800 + 800 at 0.
    addDevices(flows, axis, p, s, 'hydroStation', 4);
    expect(flows.connectedDevices).toBe(8);
    expect(flows.dataMbPerYear).toBe(40);
    expect(flows.capexEur[0]).toBe(1600);
  });

  it('gives the same numbers after calls on another axis (its work space is laid out again)', () => {
    const long = yearAxis(2026, 25);
    addDevices(emptyFlows(long), long, p, scenario(long), 'hydroStation', 4);
    const flows = emptyFlows(axis);
    addDevices(flows, axis, p, s, 'hydroStation', 4);
    expectHandFlows(flows);
  });

  it('honours a later first purchase', () => {
    // Bought at index 1: serves 2–3 (lifetime 2, reaches index 3 = last: no replacement), nothing in year 1.
    const flows = emptyFlows(axis);
    addDevices(flows, axis, p, s, 'hydroStation', 4, 1);
    expectSeries(flows.capexEur, [0, 800, 0, 0]);
    expectSeries(flows.energyKwh, [0, 0, 70.08, 70.08]);
    expectSeries(flows.opexEur, [0, 0, 40, 40]);
  });

  it('adds zeros and counts no device for a count of 0', () => {
    const flows = emptyFlows(axis);
    addDevices(flows, axis, p, s, 'hydroStation', 0);
    for (const name of EVERY_FLOW_SERIES) expect(Array.from(flows[name]), name).toEqual([0, 0, 0, 0]);
    expect(flows.connectedDevices).toBe(0);
    expect(flows.dataMbPerYear).toBe(0);
  });

  it('rejects a negative count, flows of another axis, and names a missing scenario series', () => {
    expect(() => addDevices(emptyFlows(axis), axis, p, s, 'hydroStation', -1)).toThrow(/addDevices: count must be/);
    expect(() => addDevices(emptyFlows(yearAxis(2026, 10)), axis, p, s, 'hydroStation', 1)).toThrow(
      /addDevices: flows have 11 values, the axis 4/,
    );
    const { electricityPriceEurPerKwh: _drop, ...partial } = s;
    expect(() => addDevices(emptyFlows(axis), axis, p, partial, 'hydroStation', 1)).toThrow(/electricityPriceEurPerKwh is missing/);
  });
});

describe('addDevices against addDeviceFleet(flows, s, deviceFleet(…))', () => {
  // The reference is the documented equivalence: addDevices adds what the two public helpers add, value for value
  // (the same sums in the same order), for every device, fractional counts, a later first purchase, moving trends
  // and flows that already hold values (including −0).
  const axis = yearAxis(2026, 25);
  const n = axis.length;
  const ramp = (from: number, step: number) => Array.from({ length: n }, (_, t) => from + step * t);
  const s = scenario(axis, {
    digitalCostFactor: ramp(1, -0.013),
    digitalEmbodiedFactor: ramp(1, -0.011),
    gridFactorKgCo2ePerKwh: ramp(0.06, -0.0017),
    electricityPriceEurPerKwh: ramp(0.21, 0.0031),
  });
  // Lifetimes that do not divide the horizon, one of them not whole.
  const p = { ...defaultParameters(), meterRadioLifetimeYears: 7.5, gtbControllerLifetimeYears: 11 };

  function prefilled(): VariantFlows {
    const flows = emptyFlows(axis);
    EVERY_FLOW_SERIES.forEach((name, k) => {
      for (let t = 0; t < n; t++) flows[name][t] = t % 5 === 0 ? -0 : (k + 1) * 10.1 - t * 0.37;
    });
    flows.connectedDevices = 3;
    flows.dataMbPerYear = 0.5;
    return flows;
  }

  it('adds the same values, bit for bit, for each device of the catalogue', () => {
    DEVICE_NAMES.forEach((device, k) => {
      const count = 3.7 + 11 * k;
      const first = k % 3;
      const expected = prefilled();
      addDeviceFleet(expected, s, deviceFleet(axis, p, s, device, count, { firstPurchaseIndex: first }));
      const actual = prefilled();
      addDevices(actual, axis, p, s, device, count, first);
      for (const name of EVERY_FLOW_SERIES) {
        for (let t = 0; t < n; t++) expect(Object.is(actual[name][t], expected[name][t]), `${device} ${name}[${t}]`).toBe(true);
      }
      expect(actual.connectedDevices).toBe(expected.connectedDevices);
      expect(actual.dataMbPerYear).toBe(expected.dataMbPerYear);
    });
  });
});

describe('catalogue reading: each device reads its own seven parameters', () => {
  // Every catalogue parameter gets its own value (1 + 7 × device index + field index), so that a device reading
  // another device's or another field's parameter would show.
  const fields = Object.keys(DEVICE_FIELDS) as (keyof typeof DEVICE_FIELDS)[];
  const p: Record<string, number> = { ...defaultParameters() };
  DEVICE_NAMES.forEach((device, i) => fields.forEach((field, j) => (p[`${device}${field}`] = 1 + 7 * i + j)));

  it('maps ${device}${field} to the entry field of that name, for all 13 × 7 parameters', () => {
    DEVICE_NAMES.forEach((device, i) => {
      const entry = catalogueEntry(p, device);
      fields.forEach((field, j) => expect(entry[ENTRY_FIELD[field]], `${device}${field}`).toBe(1 + 7 * i + j));
    });
  });

  it('counts data from the device own DataMbPerYear in addDevices', () => {
    // 2 subMeter devices: subMeter is device index 9, DataMbPerYear field index 6 → 1 + 63 + 6 = 70 MB each, 140 MB.
    const axis = yearAxis(2026, 3);
    const flows = emptyFlows(axis);
    addDevices(flows, axis, p, scenario(axis), 'subMeter', 2);
    expect(DEVICE_NAMES.indexOf('subMeter')).toBe(9);
    expect(flows.dataMbPerYear).toBe(140);
  });

  it('reports the first wrong value with its name, the lifetime first, then in the order of the entry', () => {
    const base = defaultParameters();
    // Two wrong values: the cost is reported (it comes before the power).
    expect(() => catalogueEntry({ ...base, heatSensorCostEur: -2, heatSensorPowerW: Number.NaN }, 'heatSensor')).toThrow(
      /parameter heatSensorCostEur must be ≥ 0, received -2/,
    );
    // A lifetime of 0 comes before a missing maintenance cost.
    const missing: Record<string, number> = { ...base, heatSensorLifetimeYears: 0 };
    delete missing.heatSensorMaintenanceEurPerYear;
    expect(() => catalogueEntry(missing, 'heatSensor')).toThrow(/heatSensorLifetimeYears must be > 0, received 0/);
    missing.heatSensorLifetimeYears = base.heatSensorLifetimeYears;
    expect(() => catalogueEntry(missing, 'heatSensor')).toThrow(/parameter heatSensorMaintenanceEurPerYear is missing/);
    expect(() => catalogueEntry({ ...base, gatewayDataMbPerYear: Number.POSITIVE_INFINITY }, 'gateway')).toThrow(
      /parameter gatewayDataMbPerYear is Infinity/,
    );
    // A value that is not a number (e.g. a text slipped into p) is refused, not converted.
    expect(() => catalogueEntry({ ...base, terminalPowerW: '3' as unknown as number }, 'terminal')).toThrow(/parameter terminalPowerW is 3/);
  });
});
