import { describe, it, expect } from 'vitest';
import { yearAxis, sum } from '../../../src/core/time.js';
import { CONFIDENCE_LEVELS } from '../../../src/core/parameter.js';
import { sameDimension, toUnit } from '../../../src/core/units.js';
import { emptyFlows, type VariantFlows } from '../../../src/evaluate/model.js';
import {
  DEVICE_FIELDS,
  DEVICE_NAMES,
  DIGITAL_SCENARIO_SERIES,
  HOURS_PER_YEAR,
  SHARED_PARAMETER_NAMES,
  addDeviceFleet,
  catalogueEntry,
  deviceFleet,
  digitalInventorySchema,
  digitalSizing,
  sharedInfrastructure,
} from '../../../models/digital/model.js';
import { catalogueDocument, defaultParameters, scenario } from './helpers.js';
import { EVERY_FLOW_SERIES } from '../flowSeries.js';

const SERIES_NAMES = EVERY_FLOW_SERIES;

function expectSeries(actual: Float64Array, expected: number[], digits = 9): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i], `index ${i}`).toBeCloseTo(v, digits));
}

/**
 * Clearly-labelled TEST values (not the defaults) so that the hand calculations below stay readable and do not
 * move when the catalogue's defaults are revised.
 */
function testParameters(): Record<string, number> {
  return {
    ...defaultParameters(),
    luminaireNodeCostEur: 100,
    luminaireNodeEmbodiedKgCo2e: 10,
    luminaireNodeEndOfLifeKgCo2e: 1,
    luminaireNodeLifetimeYears: 2,
    luminaireNodePowerW: 1,
    luminaireNodeMaintenanceEurPerYear: 5,
    luminaireNodeDataMbPerYear: 4,
    gatewayCostEur: 1000,
    gatewayEmbodiedKgCo2e: 50,
    gatewayEndOfLifeKgCo2e: 1,
    gatewayLifetimeYears: 10,
    gatewayPowerW: 10,
    gatewayMaintenanceEurPerYear: 100,
    gatewayDataMbPerYear: 100,
    terminalCostEur: 400,
    terminalEmbodiedKgCo2e: 80,
    terminalEndOfLifeKgCo2e: 2,
    terminalLifetimeYears: 2,
    terminalPowerW: 1,
    terminalMaintenanceEurPerYear: 50,
    terminalDataMbPerYear: 1000,
    platformSubscriptionEurPerDevicePerYear: 2,
    platformFixedEurPerYear: 1000,
    platformKgCo2ePerDevicePerYear: 0.5,
    gatewayDevicesPerGateway: 100,
    gatewayMinimumCount: 1,
    terminalsCount: 1,
  };
}

describe('device catalogue (models/digital/parameters.yaml)', () => {
  const doc = catalogueDocument();
  const entries = doc.parameters;

  it('declares model: digital', () => {
    expect(doc.model).toBe('digital');
  });

  it('has every device × field and every shared parameter, and nothing else', () => {
    const expected = new Set<string>([
      ...DEVICE_NAMES.flatMap((d) => Object.keys(DEVICE_FIELDS).map((f) => `${d}${f}`)),
      ...SHARED_PARAMETER_NAMES,
    ]);
    // 13 devices × 7 fields + 6 shared parameters
    expect(expected.size).toBe(13 * 7 + 6);
    expect(new Set(Object.keys(entries))).toEqual(expected);
  });

  it('gives each device field its declared unit, a value in that unit and ≥ 0', () => {
    for (const device of DEVICE_NAMES) {
      for (const [field, unit] of Object.entries(DEVICE_FIELDS)) {
        const name = `${device}${field}`;
        const e = entries[name];
        expect(e.unit, name).toBe(unit);
        expect(typeof e.value, name).toBe('number');
        expect(e.value as number, name).toBeGreaterThanOrEqual(0);
      }
      expect(entries[`${device}LifetimeYears`].value as number, device).toBeGreaterThan(0);
    }
  });

  it('uses units src/core/units.ts understands, with the dimension of the name', () => {
    for (const [name, e] of Object.entries(entries)) {
      const unit = String(e.unit);
      // Every unit converts to itself (mathjs knows it).
      expect(toUnit(`1 ${unit}`, unit), name).toBe(1);
    }
    expect(sameDimension('MB/unit/year', 'GB/device/year')).toBe(true);
    expect(sameDimension(String(entries.platformKgCo2ePerDevicePerYear.unit), 'kgCO2e/device/year')).toBe(true);
    expect(toUnit('600 devices/gateway', String(entries.gatewayDevicesPerGateway.unit))).toBe(600);
  });

  it('carries provenance: confidence, a source unless an assumption, note and range for assumptions', () => {
    for (const [name, e] of Object.entries(entries)) {
      expect(CONFIDENCE_LEVELS, name).toContain(e.confidence);
      expect(typeof e.description === 'string' && e.description.length > 10, `${name} description`).toBe(true);
      if (e.confidence === 'assumption') {
        expect(typeof e.note === 'string' && e.note.length > 20, `${name} note`).toBe(true);
        expect(e.range, `${name} range`).toBeDefined();
      } else {
        expect(typeof e.source === 'string' && e.source.length > 20, `${name} source`).toBe(true);
      }
      if (e.range) {
        const { low, mode, high } = e.range as { low: number; mode?: number; high: number };
        expect(low, name).toBeLessThanOrEqual(e.value as number);
        expect(high, name).toBeGreaterThanOrEqual(e.value as number);
        if (mode !== undefined) expect(mode, name).toBe(e.value);
      }
    }
  });

  it('carries the reference figures where parameters.md has them', () => {
    // parameters.md §5a: "J'allume ma rue" ≈ €800 per lighting cabinet (TF1, M).
    expect(entries.cabinetControllerCostEur.value).toBe(800);
    expect(entries.cabinetControllerCostEur.confidence).toBe('medium');
    // parameters.md §5b: Le Havre 115,000 meters for €15 M ≈ €130 per meter incl. network (M).
    expect(entries.meterRadioCostEur.value).toBe(130);
    expect(entries.meterRadioCostEur.confidence).toBe('medium');
    // parameters.md "Assumption ranges": node 2–6–20, gateway 30–80–200, smart meter 3–8–20, GTB 20–60–150 kgCO2e,
    // télégestion 50–120–250 €, station 2,000–8,000–25,000 €, radio lifetime 8–12–15 yr, platform 0.1–0.5–2.
    expect(entries.sensorNodeEmbodiedKgCo2e.range).toEqual({ low: 2, mode: 6, high: 20 });
    expect(entries.gatewayEmbodiedKgCo2e.range).toEqual({ low: 30, mode: 80, high: 200 });
    expect(entries.meterRadioEmbodiedKgCo2e.range).toEqual({ low: 3, mode: 8, high: 20 });
    expect(entries.gtbControllerEmbodiedKgCo2e.range).toEqual({ low: 20, mode: 60, high: 150 });
    expect(entries.luminaireNodeCostEur.range).toEqual({ low: 50, mode: 120, high: 250 });
    expect(entries.hydroStationCostEur.range).toEqual({ low: 2000, mode: 8000, high: 25000 });
    expect(entries.meterRadioLifetimeYears.range).toEqual({ low: 8, mode: 12, high: 15 });
    expect(entries.platformKgCo2ePerDevicePerYear.range).toEqual({ low: 0.1, mode: 0.5, high: 2 });
  });

  it('keeps end of life a few percent of manufacturing (≈80 % of a device GHG is manufacturing, ADEME–Arcep)', () => {
    for (const device of DEVICE_NAMES) {
      const ratio = (entries[`${device}EndOfLifeKgCo2e`].value as number) / (entries[`${device}EmbodiedKgCo2e`].value as number);
      expect(ratio, device).toBeGreaterThan(0);
      expect(ratio, device).toBeLessThanOrEqual(0.1);
    }
  });
});

describe('catalogueEntry', () => {
  it('reads the seven fields of a device', () => {
    const p = testParameters();
    expect(catalogueEntry(p, 'luminaireNode')).toEqual({
      costEur: 100,
      embodiedKgCo2e: 10,
      endOfLifeKgCo2e: 1,
      lifetimeYears: 2,
      powerW: 1,
      maintenanceEurPerYear: 5,
      dataMbPerYear: 4,
    });
  });

  it('names a missing parameter and how to fix it', () => {
    const p: Record<string, number> = { ...defaultParameters() };
    delete p.meterRadioPowerW;
    expect(() => catalogueEntry(p, 'meterRadio')).toThrow(/meterRadioPowerW is missing.*models\/digital\/parameters\.yaml/);
  });

  it('rejects a zero lifetime, a negative value and an unknown device', () => {
    expect(() => catalogueEntry({ ...defaultParameters(), sensorNodeLifetimeYears: 0 }, 'sensorNode')).toThrow(/LifetimeYears must be > 0/);
    expect(() => catalogueEntry({ ...defaultParameters(), sensorNodeCostEur: -1 }, 'sensorNode')).toThrow(/sensorNodeCostEur must be ≥ 0/);
    expect(() => catalogueEntry(defaultParameters(), 'toaster' as never)).toThrow(/unknown device "toaster"/);
  });
});

describe('deviceFleet and addDeviceFleet, by hand on yearAxis(2026, 3)', () => {
  // Axis: indices 0 (2026, investment) … 3 (2029). 3 luminaire nodes with the TEST values:
  // cost 100 €, embodied 10 kg, end of life 1 kg, lifetime 2 yr, 1 W, 5 €/yr, 4 MB/yr.
  // Trends: digitalCostFactor and digitalEmbodiedFactor 0.5 from index 2. Grid 0.1 then 0.05 from index 2; price 0.2.
  const axis = yearAxis(2026, 3);
  const p = testParameters();
  const s = scenario(axis, {
    digitalCostFactor: [1, 1, 0.5, 0.5],
    digitalEmbodiedFactor: [1, 1, 0.5, 0.5],
    gridFactorKgCo2ePerKwh: [0.1, 0.1, 0.05, 0.05],
  });
  const r = deviceFleet(axis, p, s, 'luminaireNode', 3);

  it('buys at 0, replaces at 2 (lifetime 2) at the trend price, credits half the second unit at 3', () => {
    // capex: 3 × 100 = 300 at 0; replacement at 2: 3 × 100 × 0.5 = 150.
    expectSeries(r.fleet.capexEur, [300, 0, 150, 0]);
    // residual at 3: the replacement bought at 2 serves 3–4; (2 + 2 − 3) / 2 = 0.5 of 150 = 75.
    expectSeries(r.fleet.residualValueEur, [0, 0, 0, 75]);
    // manufacturing: 3 × 10 = 30 at 0; 3 × 10 × 0.5 = 15 at 2; credit 0.5 × 15 = 7.5 at 3.
    expectSeries(r.fleet.embodiedKgCo2e, [30, 0, 15, -7.5]);
    // end of life: 3 × 1 = 3 at disposal (index 2); second fleet 3 × (1 − 0.5) = 1.5 at 3.
    expectSeries(r.fleet.endOfLifeKgCo2e, [0, 0, 3, 1.5]);
    // amortised: (30 + 3) / 2 = 16.5 in years 1–2; (15 + 3) / 2 = 9 in year 3.
    expectSeries(r.fleet.amortisedKgCo2e, [0, 16.5, 16.5, 9]);
  });

  it('draws power and costs maintenance only while in service (operation from index 1)', () => {
    // 3 units × 1 W × 8,760 h / 1,000 = 26.28 kWh per year of operation.
    expectSeries(r.energyKwh, [0, 26.28, 26.28, 26.28]);
    // 3 × 5 € = 15 €/yr.
    expectSeries(r.maintenanceEur, [0, 15, 15, 15]);
    // 3 × 4 MB = 12 MB/yr.
    expect(r.dataMbPerYear).toBe(12);
    expect(r.count).toBe(3);
  });

  it('adds everything into the flows, all carbon counted as digital', () => {
    const flows = emptyFlows(axis);
    addDeviceFleet(flows, s, r);
    expectSeries(flows.capexEur, [300, 0, 150, 0]);
    expectSeries(flows.residualValueEur, [0, 0, 0, 75]);
    expectSeries(flows.energyKwh, [0, 26.28, 26.28, 26.28]);
    // energy bill: 26.28 kWh × 0.2 €/kWh = 5.256 €.
    expectSeries(flows.energyCostEur, [0, 5.256, 5.256, 5.256]);
    // use carbon: 26.28 × 0.1 = 2.628 (year 1); 26.28 × 0.05 = 1.314 (years 2–3).
    expectSeries(flows.useKgCo2e, [0, 2.628, 1.314, 1.314]);
    expectSeries(flows.opexEur, [0, 15, 15, 15]);
    // digital = manufacturing + end of life + use: [30, 2.628, 15 + 3 + 1.314, −7.5 + 1.5 + 1.314].
    expectSeries(flows.digitalKgCo2e, [30, 2.628, 19.314, -4.686]);
    expectSeries(flows.amortisedEmbodiedKgCo2e, [0, 16.5, 16.5, 9]);
    expect(flows.connectedDevices).toBe(3);
    expect(flows.dataMbPerYear).toBe(12);
    // A second fleet adds to the counters: 3 more nodes → 3 + 3 = 6 devices, 12 + 12 = 24 MB, capex 300 + 300 at 0.
    addDeviceFleet(flows, s, deviceFleet(axis, p, s, 'luminaireNode', 3));
    expect(flows.connectedDevices).toBe(6);
    expect(flows.dataMbPerYear).toBe(24);
    expect(flows.capexEur[0]).toBe(600);
  });

  it('honours a later first purchase', () => {
    // Bought at index 1: serves 2–3 (lifetime 2, reaches index 3 = last: no replacement), nothing in year 1.
    const later = deviceFleet(axis, p, s, 'luminaireNode', 3, { firstPurchaseIndex: 1 });
    expectSeries(later.fleet.capexEur, [0, 300, 0, 0]);
    expectSeries(later.energyKwh, [0, 0, 26.28, 26.28]);
    expectSeries(later.maintenanceEur, [0, 0, 15, 15]);
  });

  it('reproduces the doc example: 100 nodes at 0.5 W draw 438 kWh a year', () => {
    // 100 × 0.5 W × 8,760 h / 1,000 = 438 kWh (model.ts @example).
    const q = { ...p, luminaireNodePowerW: 0.5 };
    const e = deviceFleet(yearAxis(2026, 25), q, scenario(yearAxis(2026, 25)), 'luminaireNode', 100).energyKwh;
    expect(e[1]).toBeCloseTo(438, 9);
    expect(HOURS_PER_YEAR).toBe(8760);
  });

  it('gives zero flows for zero devices', () => {
    const zero = deviceFleet(axis, p, s, 'luminaireNode', 0);
    const flows = emptyFlows(axis);
    addDeviceFleet(flows, s, zero);
    for (const name of SERIES_NAMES) expect(sum(flows[name]), name).toBe(0);
    expect(flows.connectedDevices).toBe(0);
  });

  it('rejects a negative count and names a missing scenario series', () => {
    expect(() => deviceFleet(axis, p, s, 'luminaireNode', -1)).toThrow(/deviceFleet: count must be/);
    const { digitalCostFactor: _drop, ...partial } = s;
    expect(() => deviceFleet(axis, p, partial, 'luminaireNode', 1)).toThrow(/digitalCostFactor is missing/);
    expect(DIGITAL_SCENARIO_SERIES).toContain('digitalCostFactor');
  });
});

describe('digitalSizing: gateways (Eq. 5), terminals (Eq. 6), platform fixed part (Eq. 7)', () => {
  const p = defaultParameters();
  // Hand sizing with the defaults read from the file: gatewayDevicesPerGateway, gatewayMinimumCount, terminalsCount.
  const cap = p.gatewayDevicesPerGateway;
  const min = p.gatewayMinimumCount;

  it('sizes gateways as max(minimum, ⌈devices / capacity⌉) for one commune', () => {
    expect(cap).toBe(500); // parameters.yaml default (assumption 100–500–2,000)
    expect(min).toBe(1);
    // 1 device: ⌈1/500⌉ = 1; 500: 1; 501: 2; 1,200: ⌈2.4⌉ = 3.
    expect(digitalSizing(p, 1).gateways).toBe(1);
    expect(digitalSizing(p, 500).gateways).toBe(1);
    expect(digitalSizing(p, 501).gateways).toBe(2);
    expect(digitalSizing(p, 1200).gateways).toBe(3);
    // A minimum of 2 dominates small deployments: max(2, ⌈600/500⌉ = 2) = 2, max(2, ⌈10/500⌉ = 1) = 2.
    expect(digitalSizing({ ...p, gatewayMinimumCount: 2 }, 10).gateways).toBe(2);
  });

  it('carries nothing for zero devices', () => {
    const size = digitalSizing(p, 0, { pooling: { communes: 3 } });
    expect(size.gateways).toBe(0);
    expect(size.terminals).toBe(0);
    expect(size.platformFixedEurPerYear).toBe(0);
  });

  it('divides the fixed parts by the pooled communes and keeps the marginal gateway share unrounded', () => {
    // 4 communes, 1,200 devices: max(1/4, 1,200/500 = 2.4) = 2.4 gateways; 100 devices: max(0.25, 0.2) = 0.25.
    expect(digitalSizing(p, 1200, { pooling: { communes: 4 } }).gateways).toBeCloseTo(2.4, 12);
    expect(digitalSizing(p, 100, { pooling: { communes: 4 } }).gateways).toBeCloseTo(0.25, 12);
    // terminals 2 / 4 = 0.5; platform fixed 5,000 / 4 = 1,250 € (defaults).
    const size = digitalSizing(p, 100, { pooling: { communes: 4 } });
    expect(size.terminals).toBeCloseTo(p.terminalsCount / 4, 12);
    expect(size.platformFixedEurPerYear).toBeCloseTo(p.platformFixedEurPerYear / 4, 12);
  });

  it('uses the counts and prices the territory gives (the pool\'s, divided by communes)', () => {
    // 6 gateways and 3 tablets in a pool of 3 communes: 2 and 1 each; fixed 9,000 / 3 = 3,000 €; subscription as given.
    const size = digitalSizing(p, 10, {
      gateways: 6,
      terminals: 3,
      platform: { fixedEurPerYear: 9000, subscriptionEurPerDevicePerYear: 1.5 },
      pooling: { communes: 3 },
    });
    expect(size).toEqual({ devices: 10, communes: 3, share: 1 / 3, gateways: 2, terminals: 1, subscriptionEurPerDevicePerYear: 1.5, platformFixedEurPerYear: 3000 });
  });

  it("carries the territory's own share of the pool's fixed parts when it gives one (pooling.share)", () => {
    // The same pool of 3, the territory paying a quarter (its statutory contribution): 6 × 0.25 = 1.5 gateways,
    // 3 × 0.25 = 0.75 tablets, 9,000 × 0.25 = 2,250 € of the fixed fee; the subscription per device is its own.
    const pool = { gateways: 6, terminals: 3, platform: { fixedEurPerYear: 9000, subscriptionEurPerDevicePerYear: 1.5 } };
    const size = digitalSizing(p, 10, { ...pool, pooling: { communes: 3, share: 0.25 } });
    expect(size).toEqual({ devices: 10, communes: 3, share: 0.25, gateways: 1.5, terminals: 0.75, subscriptionEurPerDevicePerYear: 1.5, platformFixedEurPerYear: 2250 });
    // Without given gateways, the pool's minimum (1 with the defaults) is shared the same way: max(1 × 0.25, 10 / 500).
    expect(digitalSizing(p, 10, { pooling: { communes: 3, share: 0.25 } }).gateways).toBe(Math.max(p.gatewayMinimumCount * 0.25, 10 / p.gatewayDevicesPerGateway));
    // A share below 1 needs a pool: the schema says so at the field, the function too for a caller without schema.
    const parsed = digitalInventorySchema.safeParse({ pooling: { communes: 1, share: 0.5 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['pooling', 'share']);
    expect(() => digitalSizing(p, 10, { pooling: { communes: 1, share: 0.5 } })).toThrow(/pooling.share must be in \(0, 1\], and 1 when pooling.communes is 1/);
    expect(() => digitalSizing(p, 10, { pooling: { communes: 3, share: 0 } })).toThrow(RangeError);
  });

  it('never carries more gateways when pooled than alone', () => {
    for (const devices of [1, 99, 500, 501, 1234, 10_000]) {
      for (const communes of [2, 5, 200]) {
        expect(digitalSizing(p, devices, { pooling: { communes } }).gateways).toBeLessThanOrEqual(digitalSizing(p, devices).gateways);
      }
    }
  });
});

describe('sharedInfrastructure, by hand on yearAxis(2026, 3)', () => {
  // TEST values: gateway 1,000 €, 50 kg, EoL 1 kg, 10 yr, 10 W, 100 €/yr, 100 MB/yr; terminal 400 €, 80 kg,
  // EoL 2 kg, 2 yr, 1 W, 50 €/yr, 1,000 MB/yr; platform 2 €/device/yr + 1,000 €/yr, 0.5 kgCO2e/device/yr;
  // 100 devices per gateway, minimum 1, 1 terminal. Scenario: grid 0.05, price 0.2, network 0.0165 kWh/GB.
  const axis = yearAxis(2026, 3);
  const p = testParameters();
  const s = scenario(axis);
  // 250 devices sending 500 MB/yr: gateways = max(1, ⌈250/100⌉) = 3; terminals = 1.
  const flows = sharedInfrastructure({ axis, p, s, devices: 250, dataMbPerYear: 500 });

  it('buys gateways and terminals at 0 and replaces the 2-year terminal at 2', () => {
    // 3 × 1,000 + 1 × 400 = 3,400 at 0; terminal again at 2: 400.
    expectSeries(flows.capexEur, [3400, 0, 400, 0]);
    // manufacturing 3 × 50 + 80 = 230 at 0, 80 at 2; residuals at 3: gateways (0 + 10 − 3)/10 = 0.7 of 150 = 105,
    // terminal (2 + 2 − 3)/2 = 0.5 of 80 = 40 → −145 at 3.
    expectSeries(flows.embodiedKgCo2e, [230, 0, 80, -145]);
    // residual value: 0.7 × 3,000 + 0.5 × 400 = 2,300.
    expectSeries(flows.residualValueEur, [0, 0, 0, 2300]);
  });

  it('runs the platform, gateways and terminals from index 1', () => {
    // opex: 250 × 2 + 1,000 (platform) + 3 × 100 (gateways) + 1 × 50 (terminal) = 1,850 €/yr.
    expectSeries(flows.opexEur, [0, 1850, 1850, 1850]);
    // energy: gateways 3 × 10 W × 8.76 = 262.8 kWh; terminal 1 × 1 × 8.76 = 8.76 kWh;
    // network (500 + 3 × 100 + 1,000) MB = 1.8 GB × 0.0165 = 0.0297 kWh. Total 271.5897 kWh.
    expectSeries(flows.energyKwh, [0, 271.5897, 271.5897, 271.5897]);
    // bill: (262.8 + 8.76) × 0.2 = 54.312 € (network energy is paid inside connectivity prices).
    expectSeries(flows.energyCostEur, [0, 54.312, 54.312, 54.312]);
    // use carbon: 271.5897 × 0.05 + 250 × 0.5 (hosting) = 13.579485 + 125 = 138.579485 kg.
    expectSeries(flows.useKgCo2e, [0, 138.579485, 138.579485, 138.579485]);
  });

  it('counts every emission as digital', () => {
    for (let t = 0; t < axis.length; t++) {
      const total = flows.embodiedKgCo2e[t] + flows.endOfLifeKgCo2e[t] + flows.useKgCo2e[t];
      expect(flows.digitalKgCo2e[t]).toBeCloseTo(total, 9);
    }
  });

  it('carries 1/communes of the fixed parts when pooled', () => {
    // 5 communes: gateways max(1/5, 250/100) = 2.5; terminals 1/5 = 0.2; platform fixed 1,000/5 = 200.
    const pooled = sharedInfrastructure({ axis, p, s, devices: 250, dataMbPerYear: 500, inventory: { pooling: { communes: 5 } } });
    // capex 2.5 × 1,000 + 0.2 × 400 = 2,580.
    expect(pooled.capexEur[0]).toBeCloseTo(2580, 9);
    // opex 250 × 2 + 200 + 2.5 × 100 + 0.2 × 50 = 960.
    expect(pooled.opexEur[1]).toBeCloseTo(960, 9);
  });

  it('carries its own share of the fixed parts when it gives one (pooling.share)', () => {
    // 5 communes, this one paying 40 %: gateways max(1 × 0.4, 250/100) = 2.5 (its devices need more than its share
    // of the minimum); terminals 1 × 0.4 = 0.4; platform fixed 1,000 × 0.4 = 400.
    const pooled = sharedInfrastructure({ axis, p, s, devices: 250, dataMbPerYear: 500, inventory: { pooling: { communes: 5, share: 0.4 } } });
    // capex 2.5 × 1,000 + 0.4 × 400 = 2,660.
    expect(pooled.capexEur[0]).toBeCloseTo(2660, 9);
    // opex 250 × 2 + 400 + 2.5 × 100 + 0.4 × 50 = 1,170.
    expect(pooled.opexEur[1]).toBeCloseTo(1170, 9);
  });

  it('returns all-zero flows for zero devices', () => {
    const zero = sharedInfrastructure({ axis, p, s, devices: 0, dataMbPerYear: 0, inventory: { pooling: { communes: 2 } } });
    for (const name of SERIES_NAMES) expectSeries(zero[name], [0, 0, 0, 0]);
  });

  it('rejects a negative device count', () => {
    expect(() => sharedInfrastructure({ axis, p, s, devices: -1, dataMbPerYear: 0 })).toThrow(/devices must be/);
  });
});

describe('sharedInfrastructure: scaling', () => {
  const axis = yearAxis(2026, 25);
  const s = scenario(axis);

  it('doubles every flow when devices and data double and there is no fixed part', () => {
    // Fixed parts zeroed (platform fixed fee, minimum gateways, terminals); 1,000 and 2,000 devices are whole
    // multiples of 500 devices per gateway (2 and 4 gateways), so gateways double too.
    const p = { ...defaultParameters(), platformFixedEurPerYear: 0, gatewayMinimumCount: 0, terminalsCount: 0 };
    const one = sharedInfrastructure({ axis, p, s, devices: 1000, dataMbPerYear: 2000 });
    const two = sharedInfrastructure({ axis, p, s, devices: 2000, dataMbPerYear: 4000 });
    for (const name of SERIES_NAMES) {
      for (let t = 0; t < axis.length; t++) expect(two[name][t], `${name}[${t}]`).toBeCloseTo(2 * one[name][t], 6);
    }
    expect(sum(one.capexEur)).toBeGreaterThan(0);
  });

  it('doubles the per-device platform and network flows with the defaults; gateways step', () => {
    const p = defaultParameters();
    // Within one gateway step: 600 and 1,000 devices both need ⌈x/500⌉ = 2 gateways, so only the per-device
    // flows differ.
    const a = sharedInfrastructure({ axis, p, s, devices: 600, dataMbPerYear: 600 });
    const b = sharedInfrastructure({ axis, p, s, devices: 1000, dataMbPerYear: 1000 });
    expect(b.capexEur[0]).toBeCloseTo(a.capexEur[0], 9);
    // Extra 400 devices: platform 400 × subscription €; hosting 400 × kg; network (400 MB / 1,000) × kWh/GB.
    expect(b.opexEur[1] - a.opexEur[1]).toBeCloseTo(400 * p.platformSubscriptionEurPerDevicePerYear, 9);
    const extraNetworkKwh = (400 / 1000) * 0.0165;
    expect(b.energyKwh[1] - a.energyKwh[1]).toBeCloseTo(extraNetworkKwh, 12);
    expect(b.useKgCo2e[1] - a.useKgCo2e[1]).toBeCloseTo(400 * p.platformKgCo2ePerDevicePerYear + extraNetworkKwh * 0.05, 9);
    // Crossing 500 devices adds one gateway: capex at 0 rises by exactly one gateway (digitalCostFactor 1).
    const at500 = sharedInfrastructure({ axis, p, s, devices: 500, dataMbPerYear: 0 });
    const at501 = sharedInfrastructure({ axis, p, s, devices: 501, dataMbPerYear: 0 });
    expect(at501.capexEur[0] - at500.capexEur[0]).toBeCloseTo(p.gatewayCostEur, 9);
    expect(at501.embodiedKgCo2e[0] - at500.embodiedKgCo2e[0]).toBeCloseTo(p.gatewayEmbodiedKgCo2e, 9);
  });

  it('reproduces the doc examples with the defaults', () => {
    const p = defaultParameters();
    // model.ts @example: 1,000 × 3 + 5,000 + 2 gateways × 150 + 2 tablets × 60 = 8,420 € in year 1.
    expect(sharedInfrastructure({ axis, p, s, devices: 1000, dataMbPerYear: 2000 }).opexEur[1]).toBeCloseTo(8420, 9);
    // model.ts @example: 100 nodes × 0.5 W × 8.76 = 438 kWh × 0.20 €/kWh = 87.6 € in year 1.
    const flows = emptyFlows(axis);
    addDeviceFleet(flows, s, deviceFleet(axis, { ...p, luminaireNodePowerW: 0.5 }, s, 'luminaireNode', 100));
    expect(flows.energyCostEur[1]).toBeCloseTo(87.6, 9);
    // README example: a town of 10,000 devices carries 20 gateways, 2 tablets: 31,000 € at 0, 38,120 €/yr.
    const town = sharedInfrastructure({ axis, p, s, devices: 10_000, dataMbPerYear: 20_000 });
    expect(town.capexEur[0]).toBeCloseTo(20 * 1500 + 2 * 500, 9);
    expect(town.opexEur[1]).toBeCloseTo(10_000 * 3 + 5000 + 20 * 150 + 2 * 60, 9);
  });

  it('returns finite flows with the defaults', () => {
    const flows: VariantFlows = sharedInfrastructure({ axis, p: defaultParameters(), s, devices: 12_345, dataMbPerYear: 54_321 });
    for (const name of SERIES_NAMES) for (const v of flows[name]) expect(Number.isFinite(v), name).toBe(true);
  });

  it('stays within the reference range for the platform share per device (plausibility)', () => {
    // A town network of 10,000 devices: shared footprint per device-year should sit near the platform hosting
    // assumption (0.1–0.5–2 kgCO2e/device/yr, parameters.md "Assumption ranges"), gateways and network adding little.
    const p = defaultParameters();
    const flows = sharedInfrastructure({ axis, p, s, devices: 10_000, dataMbPerYear: 20_000 });
    const perDeviceYear = sum(flows.digitalKgCo2e) / 10_000 / 25;
    expect(perDeviceYear).toBeGreaterThan(0.1);
    expect(perDeviceYear).toBeLessThan(2);
  });
});

describe('digitalInventorySchema', () => {
  it('defaults the allocation key to devices and accepts an empty section', () => {
    expect(digitalInventorySchema.parse({})).toEqual({ allocationKey: 'devices' });
  });

  it('accepts a full section', () => {
    const full = {
      gateways: 4,
      terminals: 2,
      platform: { fixedEurPerYear: 3000, subscriptionEurPerDevicePerYear: 2 },
      allocationKey: 'data',
      pooling: { communes: 200 },
    };
    expect(digitalInventorySchema.parse(full)).toEqual(full);
  });

  it('rejects unknown keys, unknown allocation keys and fewer than one commune', () => {
    expect(digitalInventorySchema.safeParse({ gatewayz: 3 }).success).toBe(false);
    expect(digitalInventorySchema.safeParse({ platform: { fixed: 3 } }).success).toBe(false);
    expect(digitalInventorySchema.safeParse({ allocationKey: 'population' }).success).toBe(false);
    expect(digitalInventorySchema.safeParse({ pooling: { communes: 0 } }).success).toBe(false);
    expect(digitalInventorySchema.safeParse({ pooling: { communes: 2.5 } }).success).toBe(false);
    expect(digitalInventorySchema.safeParse({ gateways: -1 }).success).toBe(false);
  });
});
