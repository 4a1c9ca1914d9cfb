/**
 * models/digital: the shared infrastructure's work space (sharedInfrastructureParts, beginSharedInfrastructure,
 * addSharedInfrastructureShare). A share added through the work space must be, bit for bit, `share` × the flows of
 * `sharedInfrastructure` added to the variant's flows (the engine's former `addShare` of those flows), whatever the
 * fleets the work space reuses within an evaluation; and nothing may be reused from one evaluation to the next.
 */
import { describe, expect, it } from 'vitest';
import { SeriesArena } from '../../../src/core/arena.js';
import { yearAxis } from '../../../src/core/time.js';
import { emptyFlows, type VariantFlows } from '../../../src/evaluate/model.js';
import {
  addSharedInfrastructureShare,
  beginSharedInfrastructure,
  sharedInfrastructure,
  sharedInfrastructureParts,
  type DigitalInventoryInput,
} from '../../../models/digital/model.js';
import { defaultParameters, scenario } from './helpers.js';
import { EVERY_FLOW_SERIES } from '../flowSeries.js';

const axis = yearAxis(2026, 25);
const n = axis.length;
// Trends that move, so that a fleet bought or priced at another index, or a network year taken from another index,
// would show.
const s = scenario(axis, {
  gridFactorKgCo2ePerKwh: Array.from({ length: n }, (_, t) => 0.06 - 0.001 * t),
  electricityPriceEurPerKwh: Array.from({ length: n }, (_, t) => 0.2 + 0.002 * t),
  digitalCostFactor: Array.from({ length: n }, (_, t) => 1 - 0.01 * t),
  digitalEmbodiedFactor: Array.from({ length: n }, (_, t) => 1 - 0.015 * t),
  networkEnergyKwhPerGb: Array.from({ length: n }, (_, t) => 0.0165 * (1 - 0.02 * t)),
});

/** Flows of non-round values, as a variant's own flows before its share is added. */
function variantFlows(seed: number): VariantFlows {
  const f = emptyFlows(axis);
  for (const name of EVERY_FLOW_SERIES) for (let t = 0; t < n; t++) f[name][t] = Math.sin(seed + 7 * t + name.length) * 1234.5;
  return f;
}

/** The reference: `f` plus share × every series of sharedInfrastructure, as the engine added it before. */
function referenceShare(f: VariantFlows, shared: VariantFlows, share: number): VariantFlows {
  for (const name of EVERY_FLOW_SERIES) for (let t = 0; t < n; t++) f[name][t] += share * shared[name][t];
  return f;
}

function plain(f: VariantFlows): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of EVERY_FLOW_SERIES) out[name] = Array.from(f[name]);
  return out;
}

describe('addSharedInfrastructureShare', () => {
  it('adds half of the infrastructure of 1,000 devices: the doc example', () => {
    // sharedInfrastructure's @example: year-1 running costs of 8,420 EUR (1,000 × 3 + 5,000 + 2 × 150 + 2 × 60);
    // half of it is 4,210 EUR. Capex at 0: 2 gateways × 1,500 + 2 tablets × 500 = 4,000 EUR, half 2,000.
    const parts = sharedInfrastructureParts();
    const flows = emptyFlows(axis);
    beginSharedInfrastructure(parts, axis, scenario(axis));
    addSharedInfrastructureShare(flows, parts, defaultParameters(), 1000, 2000, 0.5);
    expect(flows.opexEur[1]).toBeCloseTo(4210, 9);
    expect(flows.capexEur[0]).toBeCloseTo(2000, 9);
    expect(flows.opexEur[0]).toBe(0); // the platform runs from index 1, the devices from the year after purchase
  });

  const inventories: [string, DigitalInventoryInput | undefined][] = [
    ['no digital section', undefined],
    ['given gateways and terminals', { gateways: 25, terminals: 4 }],
    ['pooled among 200 communes', { pooling: { communes: 200 } }],
    ['own platform prices, pooled among 3', { platform: { fixedEurPerYear: 30_000, subscriptionEurPerDevicePerYear: 1.5 }, pooling: { communes: 3 } }],
  ];

  it.each(inventories)('gives, bit for bit, share × sharedInfrastructure for each variant of an evaluation (%s)', (_, inventory) => {
    const p = defaultParameters();
    // Seven variants as in the town example: some device counts repeat (same gateway count), others do not.
    const variants = [
      [13_900.6, 27_806, 0.31],
      [9_803.6, 8_086, 0.12],
      [13_900.6, 27_806, 0.27],
      [13_900.6, 27_806, 0.05],
      [13_641.5, 27_316, 0.4],
      [13_900.6, 27_806, 0.37],
      [600, 100, 1],
    ];
    for (const arena of [undefined, new SeriesArena()]) {
      const parts = sharedInfrastructureParts();
      for (let evaluation = 0; evaluation < 2; evaluation++) {
        arena?.reset();
        beginSharedInfrastructure(parts, axis, s, inventory, arena);
        variants.forEach(([devices, data, share], v) => {
          const expected = referenceShare(variantFlows(v), sharedInfrastructure({ axis, p, s, inventory, devices, dataMbPerYear: data }), share);
          const f = variantFlows(v);
          addSharedInfrastructureShare(f, parts, p, devices, data, share);
          expect(plain(f), `variant ${v}`).toEqual(plain(expected));
        });
      }
    }
  });

  it('reuses one gateway fleet per gateway count and one terminal fleet in an evaluation', () => {
    // Defaults, one commune: ⌈1,200 / 500⌉ = ⌈1,400 / 500⌉ = 3 gateways, ⌈2,600 / 500⌉ = 6 gateways. Two gateway
    // counts → two gateway fleets, plus the terminals' fleet: three records of the arena, whatever the shares.
    const p = defaultParameters();
    const parts = sharedInfrastructureParts();
    const arena = new SeriesArena();
    beginSharedInfrastructure(parts, axis, s, undefined, arena);
    for (const devices of [1200, 1400, 2600, 1200, 2600]) addSharedInfrastructureShare(emptyFlows(axis), parts, p, devices, 0, 0.2);
    expect(arena.size).toBe(3);
    expect(parts.gatewayFleetsValid).toBe(2);
  });

  it('gives the right flows with more gateway counts than fleets kept (pooled: a count per device count)', () => {
    // Pooled among 10 communes, gateways = max(1/10, N/500) differ for every N: eight counts for the four fleets
    // kept, each of them met twice, in an order that evicts the fleets before they are met again.
    const p = defaultParameters();
    const inventory = { pooling: { communes: 10 } };
    const parts = sharedInfrastructureParts();
    beginSharedInfrastructure(parts, axis, s, inventory, new SeriesArena());
    const counts = [700, 1300, 2100, 2900, 3700, 4100, 5300, 6700];
    for (const devices of [...counts, ...counts.reverse()]) {
      const expected = referenceShare(emptyFlows(axis), sharedInfrastructure({ axis, p, s, inventory, devices, dataMbPerYear: 10 }), 0.5);
      const f = emptyFlows(axis);
      addSharedInfrastructureShare(f, parts, p, devices, 10, 0.5);
      expect(plain(f), `${devices} devices`).toEqual(plain(expected));
    }
  });

  it('uses each parameter set of an evaluation with its own values (use cases with other digital parameters)', () => {
    // Use case A with the defaults, B with a gateway at 3,000 € and 3 terminals: 1,000 devices need 2 gateways.
    // Capex at 0 (share 1): A 2 × 1,500 + 2 × 500 = 4,000 €; B 2 × 3,000 + 3 × 500 = 7,500 €; A again 4,000 €.
    const a = defaultParameters();
    const b = { ...defaultParameters(), gatewayCostEur: 3000, terminalsCount: 3 };
    const parts = sharedInfrastructureParts();
    beginSharedInfrastructure(parts, axis, scenario(axis));
    const capexAt0 = [a, b, a, b].map((p) => {
      const f = emptyFlows(axis);
      addSharedInfrastructureShare(f, parts, p, 1000, 0, 1);
      return f.capexEur[0];
    });
    expect(capexAt0[0]).toBeCloseTo(4000, 9);
    expect(capexAt0[1]).toBeCloseTo(7500, 9);
    expect(capexAt0[2]).toBeCloseTo(4000, 9);
    expect(capexAt0[3]).toBeCloseTo(7500, 9);
  });

  it('keeps nothing from one evaluation to the next (Monte Carlo rewrites p in place)', () => {
    // Same p object, its gateway cost rewritten between two evaluations: 2 gateways × 1,500 + 2 × 500 = 4,000 €,
    // then 2 × 2,000 + 2 × 500 = 5,000 € at index 0.
    const p = defaultParameters();
    const parts = sharedInfrastructureParts();
    const arena = new SeriesArena();
    const capexAt0: number[] = [];
    for (const cost of [1500, 2000]) {
      p.gatewayCostEur = cost;
      arena.reset();
      beginSharedInfrastructure(parts, axis, scenario(axis), undefined, arena);
      const f = emptyFlows(axis);
      addSharedInfrastructureShare(f, parts, p, 1000, 0, 1);
      capexAt0.push(f.capexEur[0]);
    }
    expect(capexAt0[0]).toBeCloseTo(4000, 9);
    expect(capexAt0[1]).toBeCloseTo(5000, 9);
  });

  it('adds nothing for zero devices or a zero share', () => {
    const parts = sharedInfrastructureParts();
    beginSharedInfrastructure(parts, axis, s);
    const f = variantFlows(3);
    addSharedInfrastructureShare(f, parts, defaultParameters(), 0, 0, 0.5);
    addSharedInfrastructureShare(f, parts, defaultParameters(), 1000, 2000, 0);
    expect(plain(f)).toEqual(plain(variantFlows(3)));
  });

  it('rejects a share before the evaluation is started, a negative share or count, and flows of another axis', () => {
    const p = defaultParameters();
    const parts = sharedInfrastructureParts();
    expect(() => addSharedInfrastructureShare(emptyFlows(axis), parts, p, 10, 0, 1)).toThrow(/beginSharedInfrastructure/);
    beginSharedInfrastructure(parts, axis, s);
    expect(() => addSharedInfrastructureShare(emptyFlows(axis), parts, p, 10, 0, -0.1)).toThrow(/share must be/);
    expect(() => addSharedInfrastructureShare(emptyFlows(axis), parts, p, -1, 0, 1)).toThrow(/devices must be/);
    expect(() => addSharedInfrastructureShare(emptyFlows(yearAxis(2026, 10)), parts, p, 10, 0, 1)).toThrow(/flows have 11 values, the axis 26/);
  });

  it('reports a missing parameter as sharedInfrastructure does', () => {
    const p: Record<string, number> = defaultParameters();
    delete p.terminalCostEur;
    const parts = sharedInfrastructureParts();
    beginSharedInfrastructure(parts, axis, s);
    expect(() => addSharedInfrastructureShare(emptyFlows(axis), parts, p, 10, 0, 1)).toThrow(/parameter terminalCostEur is missing/);
    expect(() => sharedInfrastructure({ axis, p, s, devices: 10, dataMbPerYear: 0 })).toThrow(/parameter terminalCostEur is missing/);
  });
});
