/**
 * models/digital with a SeriesArena (src/core/arena.ts): the `arena` option of deviceFleet and the `arena` input
 * of sharedInfrastructure give the same numbers as fresh series, and a second call reuses the first call's records.
 */
import { describe, expect, it } from 'vitest';
import { SeriesArena } from '../../../src/core/arena.js';
import { yearAxis } from '../../../src/core/time.js';
import { emptyFlows } from '../../../src/evaluate/model.js';
import { addDeviceFleet, deviceFleet, sharedInfrastructure } from '../../../models/digital/model.js';
import { defaultParameters, scenario } from './helpers.js';
import { EVERY_FLOW_SERIES } from '../flowSeries.js';

const SERIES = EVERY_FLOW_SERIES;

describe('deviceFleet with options', () => {
  const axis = yearAxis(2026, 25);
  const p = defaultParameters();
  // A trend that moves, so that a replacement at another index would show.
  const s = scenario(axis, { digitalCostFactor: Array.from({ length: 26 }, (_, t) => 1 - 0.01 * t) });

  it('gives, from an arena, the numbers of fresh series (the reference is the call without arena)', () => {
    const arena = new SeriesArena();
    const fresh = deviceFleet(axis, p, s, 'sensorNode', 40, { firstPurchaseIndex: 2 });
    const lent = deviceFleet(axis, p, s, 'sensorNode', 40, { firstPurchaseIndex: 2, arena });
    expect(Array.from(lent.fleet.capexEur)).toEqual(Array.from(fresh.fleet.capexEur));
    expect(Array.from(lent.energyKwh)).toEqual(Array.from(fresh.energyKwh));
    expect(Array.from(lent.maintenanceEur)).toEqual(Array.from(fresh.maintenanceEur));
    expect(lent.dataMbPerYear).toBe(fresh.dataMbPerYear);
    // One record for the two device series, one for the fleet.
    expect(arena.size).toBe(2);
  });

  it('reads firstPurchaseIndex from the options object', () => {
    // Bought at index 3: nothing before, the purchase at 3, the same cost as a purchase at 0 moved by 3 years of the
    // cost trend (1 − 0.01 × 3 against 1 − 0.01 × 0).
    const later = deviceFleet(axis, p, s, 'meterRadio', 10, { firstPurchaseIndex: 3 });
    const now = deviceFleet(axis, p, s, 'meterRadio', 10);
    expect(later.fleet.capexEur[0]).toBe(0);
    expect(later.fleet.capexEur[3]).toBeCloseTo(now.fleet.capexEur[0] * 0.97, 9);
  });

  it('reuses the same records on the next call after reset, zeroed then refilled', () => {
    const arena = new SeriesArena();
    const first = deviceFleet(axis, p, s, 'sensorNode', 40, { arena });
    const firstCapex = Array.from(first.fleet.capexEur);
    arena.reset();
    const second = deviceFleet(axis, p, s, 'sensorNode', 40, { arena });
    expect(second.fleet.capexEur).toBe(first.fleet.capexEur);
    expect(Array.from(second.fleet.capexEur)).toEqual(firstCapex);
    expect(arena.size).toBe(2);
  });

  it('adds the same flows whether the fleet came from an arena or not', () => {
    const arena = new SeriesArena();
    const a = emptyFlows(axis);
    const b = emptyFlows(axis);
    addDeviceFleet(a, s, deviceFleet(axis, p, s, 'subMeter', 7));
    addDeviceFleet(b, s, deviceFleet(axis, p, s, 'subMeter', 7, { arena }));
    for (const name of SERIES) expect(Array.from(b[name]), name).toEqual(Array.from(a[name]));
    expect(b.connectedDevices).toBe(7);
  });
});

describe('sharedInfrastructure with an arena', () => {
  const axis = yearAxis(2026, 25);
  const p = defaultParameters();
  const s = scenario(axis, { gridFactorKgCo2ePerKwh: Array.from({ length: 26 }, (_, t) => 0.06 - 0.001 * t) });

  it('gives the flows of fresh series, bit for bit, call after call', () => {
    const arena = new SeriesArena();
    for (const devices of [1200, 300, 1200]) {
      const fresh = sharedInfrastructure({ axis, p, s, devices, dataMbPerYear: 5000, inventory: { pooling: { communes: 3 } } });
      arena.reset();
      const lent = sharedInfrastructure({ axis, p, s, devices, dataMbPerYear: 5000, inventory: { pooling: { communes: 3 } }, arena });
      for (const name of SERIES) expect(Array.from(lent[name]), `${devices} ${name}`).toEqual(Array.from(fresh[name]));
    }
    // The flows and the gateway and terminal fleets: three records, taken again by every call.
    expect(arena.size).toBe(3);
  });

  it('returns zeros from a reused record when the next call has no device', () => {
    const arena = new SeriesArena();
    sharedInfrastructure({ axis, p, s, devices: 1000, dataMbPerYear: 2000, arena });
    arena.reset();
    const none = sharedInfrastructure({ axis, p, s, devices: 0, dataMbPerYear: 0, arena });
    for (const name of SERIES) expect(none[name].every((v) => v === 0), name).toBe(true);
  });
});
