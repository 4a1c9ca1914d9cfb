import { beforeAll, describe, it, expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { sharedInfrastructure, type DigitalInventoryInput } from '../../models/digital/model.js';
import { resolveParameters, type RunData } from '../../src/evaluate/engine.js';
import { loadRunData, prepareRun } from '../../src/evaluate/load.js';
import { socioEconomicCosts } from '../../src/evaluate/perspective.js';
import { valuesOf } from '../../src/evaluate/resolve.js';
import { npv } from '../../src/finance/index.js';
import { parseTerritory, type LoadedTerritory } from '../../src/io/territory.js';
import { seriesForPack } from '../../src/scenario/index.js';
import { poolingEffect, type PoolingReport } from '../../src/portfolio/pooling.js';

// Two small communes. Bourg A: 600 sodium light points (→ 600 luminaire nodes in the node variant) and a flood
// warning network of 2 stations + 3 heat sensors (5 devices); village B: 150 light points.
const BOURG_A = `
id: bourg-a
name: Bourg A
kind: commune
population: 3000
useCases:
  lighting:
    inventory:
      luminaires:
        - { type: sodium-hp, count: 600, powerW: 170, ageYears: 20 }
      cabinets: 20
  climate-risk:
    inventory:
      population: 3000
      stations: 2
      heatSensors: 3
      hazards:
        - id: crue
          kind: flood
          publicShare: 0.3
          damageCurve:
            - { returnPeriodYears: 10, damageEur: 100000 }
            - { returnPeriodYears: 100, damageEur: 1000000 }
`;
const VILLAGE_B = `
id: village-b
name: Village B
kind: commune
population: 800
useCases:
  lighting:
    inventory:
      luminaires:
        - { type: sodium-hp, count: 150, powerW: 170, ageYears: 25 }
      cabinets: 6
`;

let a: LoadedTerritory;
let b: LoadedTerritory;
let data: RunData;
let report: PoolingReport;

beforeAll(async () => {
  a = await parseTerritory(BOURG_A, '/inline/bourg-a.yaml');
  b = await parseTerritory(VILLAGE_B, '/inline/village-b.yaml');
  data = loadRunData();
  report = poolingEffect([a, b], { data });
});

describe('poolingEffect', () => {
  it('sizes the infrastructure each commune carries alone and pooled (models/digital Eq. 5–7)', () => {
    // Catalogue defaults: 500 devices per gateway, minimum 1 gateway, 2 terminals, 5,000 €/yr platform fee.
    // Bourg A: 600 nodes + 5 warning devices = 605 → alone ⌈605 / 500⌉ = 2 gateways; pooled among 2:
    // max(1 / 2, 605 / 500) = 1.21 gateways, 2 / 2 = 1 terminal, 5,000 / 2 = 2,500 €/yr.
    // Village B: 150 → alone max(1, ⌈0.3⌉) = 1 gateway; pooled max(0.5, 0.3) = 0.5.
    const [ca, cb] = report.communes;
    expect(ca.devices).toBe(605);
    expect(ca.sizing.alone).toMatchObject({ gateways: 2, terminals: 2, platformFixedEurPerYear: 5000, communes: 1 });
    expect(ca.sizing.pooled).toMatchObject({ terminals: 1, platformFixedEurPerYear: 2500, communes: 2 });
    expect(ca.sizing.pooled.gateways).toBeCloseTo(1.21, 12);
    expect(cb.devices).toBe(150);
    expect(cb.sizing.alone.gateways).toBe(1);
    expect(cb.sizing.pooled.gateways).toBe(0.5);
  });

  it('makes every digital variant cost each commune no more when pooled, in money and in digital carbon', () => {
    // Pooled sizing never exceeds the sizing alone (1.21 ≤ 2, 0.5 ≤ 1, half the terminals and the fee), so every
    // digital variant's share of the infrastructure costs less and emits less.
    expect(report.rows.length).toBe(5); // A: node, cabinet (lighting), early-warning; B: node, cabinet
    for (const r of report.rows) {
      expect(r.difference.socioEconomicNpvEur, `${r.territory}/${r.variant}`).toBeGreaterThan(0);
      expect(r.difference.financialNpvEur, `${r.territory}/${r.variant}`).toBeGreaterThan(0);
      expect(r.pooled.digitalTco2e).toBeLessThan(r.alone.digitalTco2e);
      expect(r.pooled.capexEur).toBeLessThanOrEqual(r.alone.capexEur);
      // difference = pooled − alone, field by field
      expect(r.difference.socioEconomicNpvEur).toBeCloseTo(r.pooled.socioEconomicNpvEur - r.alone.socioEconomicNpvEur, 6);
    }
    // the reference variant of each use case is the one with the most devices (600 nodes > 20 cabinet controllers)
    expect(report.rows.filter((r) => r.reference).map((r) => `${r.territory}/${r.useCase}/${r.variant}`)).toEqual([
      'bourg-a/lighting/led-telemanagement-node',
      'bourg-a/climate-risk/early-warning',
      'village-b/lighting/led-telemanagement-node',
    ]);
    for (const c of report.communes) expect(c.difference.socioEconomicNpvEur).toBeGreaterThan(0);
  });

  it('allocates the whole infrastructure across use cases: the shares of the reference variants sum to it', () => {
    // Independent computation for Bourg A: the shared infrastructure for its 605 devices, alone and pooled, from
    // models/digital directly; its socio-economic cost difference (excl. VAT, with the carbon value), discounted
    // at the socio-economic rate, must equal the sum over lighting and climate-risk of the reference variants' NPV
    // differences. Device data cancel out of the difference (same devices both ways), so 0 MB is passed.
    const run = prepareRun(a, { scenarios: ['TEND'] });
    const pack = run.packs[0];
    const p = valuesOf(resolveParameters(run, run.useCases[0], pack));
    const s = seriesForPack(pack, run.axis);
    const infra = (inventory: DigitalInventoryInput) =>
      socioEconomicCosts(sharedInfrastructure({ axis: run.axis, p, s, inventory, devices: 605, dataMbPerYear: 0 }), s.carbonValueEurPerTco2e).totalEur;
    const alone = infra({ allocationKey: 'devices' });
    const pooled = infra({ allocationKey: 'devices', pooling: { communes: 2 } });
    const saving = npv(p.socioEconomicDiscountRate, alone.map((x, t) => x - pooled[t]));
    const bourg = report.communes[0];
    expect(bourg.territory).toBe('bourg-a');
    expect(bourg.difference.socioEconomicNpvEur).toBeCloseTo(saving, 6);
    const byUseCase = report.rows.filter((r) => r.territory === 'bourg-a' && r.reference).map((r) => r.difference.socioEconomicNpvEur);
    expect(byUseCase).toHaveLength(2);
    expect(byUseCase[0] + byUseCase[1]).toBeCloseTo(saving, 6);
  });

  it('splits the pool’s fixed parts among its communes so that they sum to the whole', () => {
    // Pool of the two communes with its own network: 3 gateways, 4 tablets, a 9,000 €/yr platform fee.
    // Each commune carries 1/2 of each: 1.5 + 1.5 = 3 gateways, 2 + 2 = 4 tablets, 4,500 + 4,500 = 9,000 €/yr.
    const pool = { gateways: 3, terminals: 4, platform: { fixedEurPerYear: 9000 } };
    const withPool = poolingEffect([a, b], { data, pool });
    const sum = (f: (c: (typeof withPool.communes)[number]) => number) => withPool.communes.reduce((acc, c) => acc + f(c), 0);
    expect(sum((c) => c.sizing.pooled.gateways)).toBe(3);
    expect(sum((c) => c.sizing.pooled.terminals)).toBe(4);
    expect(sum((c) => c.sizing.pooled.platformFixedEurPerYear)).toBe(9000);
    // totals are the sums over the communes
    expect(withPool.total.difference.financialNpvEur).toBeCloseTo(sum((c) => c.difference.financialNpvEur), 6);
  });

  it("gives a commune the share of the pool its own file states (its statutory contribution), the others 1/N", async () => {
    // Bourg A's file: a pool of 2 communes, of which it pays 80 %. Pool: 3 gateways, 4 tablets, 9,000 €/yr.
    // Bourg A carries 3 × 0.8 = 2.4 gateways, 4 × 0.8 = 3.2 tablets, 9,000 × 0.8 = 7,200 €/yr; village B 1/2.
    const a80 = await parseTerritory(`${BOURG_A}digital:\n  pooling: { communes: 2, share: 0.8 }\n`, '/inline/bourg-a.yaml');
    const pool = { gateways: 3, terminals: 4, platform: { fixedEurPerYear: 9000 } };
    const r = poolingEffect([a80, b], { data, pool });
    expect(r.communes[0].sizing.pooled).toMatchObject({ share: 0.8, gateways: 2.4, terminals: 3.2, platformFixedEurPerYear: 7200 });
    expect(r.communes[1].sizing.pooled).toMatchObject({ share: 0.5, gateways: 1.5, terminals: 2, platformFixedEurPerYear: 4500 });
    expect(r.notes[0].en).toMatch(/bourg-a carries the share its file gives .* the others 1\/2/);
    // A share stated for another pool size does not apply to this one: a pool of 5, equal parts.
    expect(poolingEffect([a80, b], { data, pool, poolCommunes: 5 }).communes[0].sizing.pooled.share).toBe(0.2);
  });

  it('notes a pool larger than the communes given, and the model’s limits', () => {
    const big = poolingEffect([b], { data, poolCommunes: 200 });
    // 150 devices in a pool of 200: max(1 / 200, 150 / 500) = 0.3 gateway, 2 / 200 = 0.01 terminal, 25 €/yr
    expect(big.communes[0].sizing.pooled).toMatchObject({ gateways: 0.3, terminals: 0.01, platformFixedEurPerYear: 25 });
    expect(big.notes.map((n) => n.en).join('\n')).toMatch(/200 communes, 1 of them described here/);
    expect(big.notes.some((n) => /1\/200 of the pool's fixed parts/.test(n.en))).toBe(true);
  });

  it('refuses a pool too small, duplicate ids and pool figures with a pooling key', () => {
    expect(() => poolingEffect([a, b], { data, poolCommunes: 1 })).toThrow(InputError);
    expect(() => poolingEffect([b], { data })).toThrow(/a pool of 1 communes/);
    expect(() => poolingEffect([a, a], { data })).toThrow(/two territories have the id bourg-a/);
    expect(() => poolingEffect([a, b], { data, pool: { pooling: { communes: 3 } } as never })).toThrow(InputError);
    expect(() => poolingEffect([a, b], { data, pool: { gateways: -1 } })).toThrow(/invalid pool figures/);
    expect(() => poolingEffect([], { data })).toThrow(InputError);
  });
});
