import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addEquipmentFleet, clearFleet, emptyFleet, equipmentFleet, equipmentFleetInto, reusableFleetSpec, type FleetFlows, type FleetSpec } from '../../src/core/equipment.js';
import { yearAxis } from '../../src/core/time.js';

const arr = (xs: Float64Array): number[] => Array.from(xs);
const total = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0);
/** A series of `n` zeros with the given values set, for readable expectations. */
const series = (n: number, set: Record<number, number>): number[] => {
  const out = new Array<number>(n).fill(0);
  for (const [i, v] of Object.entries(set)) out[Number(i)] = v;
  return out;
};

describe('equipmentFleet — (a) new fleet, lifetime 10, horizon 25', () => {
  // 10 units, L = 10 years, 500 €/unit, 70 kgCO2e/unit manufacturing, 5 kgCO2e/unit end of life; axis 2026…2051
  // (26 entries, N = 25). Bought at 0, replaced at 10 and 20 (30 ≥ 25: no fourth purchase).
  const axis = yearAxis(2026, 25);
  const f = equipmentFleet(axis, {
    count: 10,
    lifetimeYears: 10,
    unitCostEur: 500,
    unitEmbodiedKgCo2e: 70,
    unitEndOfLifeKgCo2e: 5,
  });

  it('buys at 0, 10 and 20', () => {
    expect(arr(f.purchases)).toEqual(series(26, { 0: 10, 10: 10, 20: 10 }));
  });

  it('books capex at each purchase: 10 × 500 = 5000 €', () => {
    expect(arr(f.capexEur)).toEqual(series(26, { 0: 5000, 10: 5000, 20: 5000 }));
  });

  it('keeps a residual value of half the last purchase at index 25', () => {
    // The units bought at 20 serve until 30: residual fraction (20 + 10 − 25) / 10 = 0.5 → 5000 × 0.5 = 2500 €.
    expect(arr(f.residualValueEur)).toEqual(series(26, { 25: 2500 }));
  });

  it('books manufacturing at purchase and credits back the residual fraction at 25', () => {
    // 10 × 70 = 700 kg at 0, 10, 20; credit −700 × 0.5 = −350 at 25.
    expect(arr(f.embodiedKgCo2e)).toEqual(series(26, { 0: 700, 10: 700, 20: 700, 25: -350 }));
  });

  it('books end of life at disposal, and the used-up half for units still in service', () => {
    // 10 × 5 = 50 kg at 10 and 20 (disposal of the previous units); at 25, 50 × (1 − 0.5) = 25.
    expect(arr(f.endOfLifeKgCo2e)).toEqual(series(26, { 10: 50, 20: 50, 25: 25 }));
  });

  it('amortises (70 + 5) × 10 / 10 = 75 kg in every year of service', () => {
    expect(arr(f.amortisedKgCo2e)).toEqual([0, ...new Array<number>(25).fill(75)]);
    // At purchase: manufacturing 3 × 700 − 350 = 1750, end of life 50 + 50 + 25 = 125; 1875 = 25 years × 75.
    expect(total(f.embodiedKgCo2e) + total(f.endOfLifeKgCo2e)).toBe(1875);
    expect(total(f.amortisedKgCo2e)).toBe(1875);
  });

  it('(g) has 10 units in service from year 1, none at index 0', () => {
    expect(arr(f.inService)).toEqual([0, ...new Array<number>(25).fill(10)]);
  });
});

describe('equipmentFleet — (b) the two carbon allocations have the same total over the horizon', () => {
  it('holds for new and existing fleets, whole and non-whole lifetimes (property)', () => {
    const spec = fc.record({
      count: fc.double({ min: 0, max: 1000, noNaN: true }),
      lifetimeYears: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.3, max: 40, noNaN: true })),
      unitEmbodiedKgCo2e: fc.double({ min: 0, max: 1000, noNaN: true }),
      unitEndOfLifeKgCo2e: fc.double({ min: 0, max: 100, noNaN: true }),
      replacementShare: fc.double({ min: 0, max: 1, noNaN: true }),
      existing: fc.boolean(),
      ageYears: fc.double({ min: 0, max: 50, noNaN: true }),
      firstPurchaseIndex: fc.integer({ min: 0, max: 70 }),
      // Trend 1 + slope × t stays within [0.4, 1.6] over 60 years.
      embodiedTrendSlope: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), spec, (horizon, s) => {
        const axis = yearAxis(2026, horizon);
        const embodiedTrend = Float64Array.from({ length: axis.length }, (_, t) => 1 + s.embodiedTrendSlope * t);
        const fleetSpec: FleetSpec = {
          count: s.count,
          lifetimeYears: s.lifetimeYears,
          unitEmbodiedKgCo2e: s.unitEmbodiedKgCo2e,
          unitEndOfLifeKgCo2e: s.unitEndOfLifeKgCo2e,
          replacementShare: s.replacementShare,
          firstPurchaseIndex: s.existing ? null : s.firstPurchaseIndex,
          ageYears: s.ageYears,
          embodiedTrend,
        };
        const f = equipmentFleet(axis, fleetSpec);
        const atPurchase = total(f.embodiedKgCo2e) + total(f.endOfLifeKgCo2e);
        const amortised = total(f.amortisedKgCo2e);
        // Scale for the tolerance: everything bought, at its full carbon.
        const bought = total(f.purchases) * (s.unitEmbodiedKgCo2e * 1.6 + s.unitEndOfLifeKgCo2e);
        expect(Math.abs(atPurchase - amortised)).toBeLessThanOrEqual(1e-9 * (1 + bought));
        // Nothing is amortised at index 0 (no year served yet), nothing bought at the last index (d).
        expect(f.amortisedKgCo2e[0]).toBe(0);
        expect(f.purchases[axis.length - 1]).toBe(0);
        // (g) Service is continuous and never double-counted: exactly `count` units in every year from the first
        // year of service (year 1 for units in place, the year after the first purchase otherwise).
        const firstServed = s.existing ? 1 : s.firstPurchaseIndex + 1;
        for (let y = 0; y < axis.length; y++) expect(f.inService[y]).toBe(y >= firstServed ? s.count : 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('equipmentFleet — (c) existing fleet with an age', () => {
  // 2 units already in place, aged 4 years, L = 10, horizon 25; a replacement costs 30 % of a new unit
  // (1000 €/unit, 70 kgCO2e/unit manufacturing).
  const axis = yearAxis(2026, 25);
  const f = equipmentFleet(axis, {
    count: 2,
    lifetimeYears: 10,
    unitCostEur: 1000,
    unitEmbodiedKgCo2e: 70,
    firstPurchaseIndex: null,
    ageYears: 4,
    replacementShare: 0.3,
  });

  it('replaces first at L − age = 6, then every 10 years', () => {
    // 6, 16; 26 is past the horizon.
    expect(arr(f.purchases)).toEqual(series(26, { 6: 2, 16: 2 }));
  });

  it('applies replacementShare to every purchase, since all are replacements', () => {
    // 2 × 1000 × 0.3 = 600 €; 2 × 70 × 0.3 = 42 kg.
    expect(arr(f.capexEur)).toEqual(series(26, { 6: 600, 16: 600 }));
    const embodied = arr(f.embodiedKgCo2e);
    expect(embodied[6]).toBeCloseTo(42, 12);
    expect(embodied[16]).toBeCloseTo(42, 12);
    // Units bought at 16 serve until 26: residual (16 + 10 − 25) / 10 = 0.1 → −4.2 kg and 60 € at 25.
    expect(embodied[25]).toBeCloseTo(-4.2, 12);
    expect(f.residualValueEur[25]).toBeCloseTo(60, 9);
  });

  it('keeps the units in service the whole horizon, and carries no carbon for the units in place', () => {
    expect(arr(f.inService)).toEqual([0, ...new Array<number>(25).fill(2)]);
    // Their manufacturing is sunk (before index 0): nothing is amortised before the first replacement.
    for (let t = 0; t <= 6; t++) expect(f.amortisedKgCo2e[t]).toBe(0);
    // After it: 42 / 10 = 4.2 kg a year.
    expect(f.amortisedKgCo2e[7]).toBeCloseTo(4.2, 12);
  });

  it('replaces at index 0 when the units have reached their lifetime', () => {
    // Age 12 ≥ L = 10: first replacement at 10 − min(12, 10) = 0, then 10, 20.
    const old = equipmentFleet(axis, { count: 1, lifetimeYears: 10, unitCostEur: 100, firstPurchaseIndex: null, ageYears: 12, replacementShare: 0.5 });
    expect(arr(old.purchases)).toEqual(series(26, { 0: 1, 10: 1, 20: 1 }));
    // 100 × 0.5 = 50 € each time.
    expect(old.capexEur[0]).toBe(50);
  });

  it('buys nothing when the units outlive the horizon', () => {
    // L = 30, age 0: first replacement at 30 > 25.
    const young = equipmentFleet(axis, { count: 3, lifetimeYears: 30, unitCostEur: 100, firstPurchaseIndex: null, ageYears: 0 });
    expect(total(young.purchases)).toBe(0);
    expect(total(young.capexEur)).toBe(0);
    expect(arr(young.inService)).toEqual([0, ...new Array<number>(25).fill(3)]);
  });
});

describe('equipmentFleet — (d) no purchase at the last index', () => {
  it('does not replace at N, where the unit would serve no year', () => {
    // L = 5, horizon 10 (N = 10): purchases at 0 and 5; the one due at 10 = N is not made.
    const axis = yearAxis(2026, 10);
    const f = equipmentFleet(axis, { count: 1, lifetimeYears: 5, unitCostEur: 100, unitEndOfLifeKgCo2e: 2 });
    expect(arr(f.purchases)).toEqual(series(11, { 0: 1, 5: 1 }));
    // The units bought at 5 end exactly at 10: no residual value, end of life at 10.
    expect(total(f.residualValueEur)).toBe(0);
    expect(arr(f.endOfLifeKgCo2e)).toEqual(series(11, { 5: 2, 10: 2 }));
  });

  it('makes no purchase when the first purchase is due at N', () => {
    const axis = yearAxis(2026, 10);
    const f = equipmentFleet(axis, { count: 4, lifetimeYears: 5, unitCostEur: 100, firstPurchaseIndex: 10 });
    expect(total(f.purchases)).toBe(0);
    expect(total(f.inService)).toBe(0);
  });
});

describe('equipmentFleet — (e) cost and embodied trends', () => {
  it('multiply the unit cost and manufacturing at the purchase index, not end of life', () => {
    // Trend 1 − 0.02 t: 1 at 0, 0.8 at 10, 0.6 at 20 (cost); embodied trend 1 − 0.01 t: 1, 0.9, 0.8.
    const axis = yearAxis(2026, 25);
    const costTrend = Float64Array.from({ length: 26 }, (_, t) => 1 - 0.02 * t);
    const embodiedTrend = Float64Array.from({ length: 26 }, (_, t) => 1 - 0.01 * t);
    const f = equipmentFleet(axis, {
      count: 1,
      lifetimeYears: 10,
      unitCostEur: 1000,
      unitEmbodiedKgCo2e: 100,
      unitEndOfLifeKgCo2e: 10,
      costTrend,
      embodiedTrend,
    });
    // 1000 × 1, 1000 × 0.8, 1000 × 0.6.
    expect(f.capexEur[0]).toBeCloseTo(1000, 9);
    expect(f.capexEur[10]).toBeCloseTo(800, 9);
    expect(f.capexEur[20]).toBeCloseTo(600, 9);
    // Residual value on the trended cost of the last purchase: 600 × 0.5 = 300.
    expect(f.residualValueEur[25]).toBeCloseTo(300, 9);
    // Manufacturing 100 × 1, 100 × 0.9, 100 × 0.8; credit −80 × 0.5 = −40 at 25.
    expect(f.embodiedKgCo2e[0]).toBeCloseTo(100, 9);
    expect(f.embodiedKgCo2e[10]).toBeCloseTo(90, 9);
    expect(f.embodiedKgCo2e[20]).toBeCloseTo(80, 9);
    expect(f.embodiedKgCo2e[25]).toBeCloseTo(-40, 9);
    // End of life is not trended: 10 at 10 and 20, 10 × 0.5 = 5 at 25.
    expect(arr(f.endOfLifeKgCo2e)).toEqual(series(26, { 10: 10, 20: 10, 25: 5 }));
    // Amortised after the purchase at 10: (90 + 10) / 10 = 10 kg a year.
    expect(f.amortisedKgCo2e[11]).toBeCloseTo(10, 12);
  });
});

describe('equipmentFleet — (f) invalid inputs', () => {
  const axis = yearAxis(2026, 10);
  it('throws a RangeError naming equipmentFleet on a lifetime ≤ 0, NaN or infinite', () => {
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => equipmentFleet(axis, { count: 1, lifetimeYears: bad })).toThrow(RangeError);
      expect(() => equipmentFleet(axis, { count: 1, lifetimeYears: bad })).toThrow(/^equipmentFleet: lifetimeYears/);
    }
  });

  it('throws on a negative or NaN count and on a fractional first purchase index', () => {
    expect(() => equipmentFleet(axis, { count: -1, lifetimeYears: 5 })).toThrow(/^equipmentFleet: count/);
    expect(() => equipmentFleet(axis, { count: Number.NaN, lifetimeYears: 5 })).toThrow(RangeError);
    expect(() => equipmentFleet(axis, { count: 1, lifetimeYears: 5, firstPurchaseIndex: 1.5 })).toThrow(
      /^equipmentFleet: firstPurchaseIndex/,
    );
  });

  it('returns zeros for an empty fleet', () => {
    const f = equipmentFleet(axis, { count: 0, lifetimeYears: 5, unitCostEur: 100 });
    expect(total(f.capexEur) + total(f.inService) + total(f.purchases)).toBe(0);
  });
});

describe('equipmentFleet — (g) units in service', () => {
  it('counts nothing before a later first purchase', () => {
    // Bought at 3, L = 4, horizon 10: in service 4…7 (bought at 3), 8…10 (bought at 7); 0 before.
    const f = equipmentFleet(yearAxis(2026, 10), { count: 5, lifetimeYears: 4, firstPurchaseIndex: 3 });
    expect(arr(f.purchases)).toEqual(series(11, { 3: 5, 7: 5 }));
    expect(arr(f.inService)).toEqual([0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('never counts a unit twice when the lifetime is not whole', () => {
    // L = 2.5, horizon 6, 1 unit: purchases at round(0) = 0, round(2.5) = 3, round(5) = 5 (round(7.5) = 8 > 6).
    // Each unit serves until the next purchase: 1…3, 4…5, 6 → exactly 1 unit in service every year.
    const f = equipmentFleet(yearAxis(2026, 6), { count: 1, lifetimeYears: 2.5, unitEmbodiedKgCo2e: 1, unitEndOfLifeKgCo2e: 0.5 });
    expect(arr(f.purchases)).toEqual([1, 0, 0, 1, 0, 1, 0]);
    expect(arr(f.inService)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    // End of life at disposal, the index of the next purchase: 0.5 at 3 and at 5; the unit bought at 5 serves
    // until 7.5 > 6, residual fraction (7.5 − 6) / 2.5 = 0.6 → 0.5 × 0.4 = 0.2 at 6, manufacturing credit −0.6.
    const eol = arr(f.endOfLifeKgCo2e);
    expect(eol.slice(0, 6)).toEqual([0, 0, 0, 0.5, 0, 0.5]);
    expect(eol[6]).toBeCloseTo(0.2, 12);
    expect(f.embodiedKgCo2e[6]).toBeCloseTo(-0.6, 12);
  });
});

describe('equipmentFleetInto and emptyFleet', () => {
  const SERIES: (keyof FleetFlows)[] = ['purchases', 'capexEur', 'residualValueEur', 'embodiedKgCo2e', 'endOfLifeKgCo2e', 'amortisedKgCo2e', 'inService'];

  it('gives seven independent series of zeros', () => {
    const f = emptyFleet(4);
    for (const name of SERIES) expect(arr(f[name])).toEqual([0, 0, 0, 0]);
    f.capexEur[3] = 7; // the views share one buffer but not their values
    for (const name of SERIES) if (name !== 'capexEur') expect(arr(f[name])).toEqual([0, 0, 0, 0]);
  });

  it('writes the same numbers as equipmentFleet, bit for bit, over whatever the target held (property)', () => {
    const spec = fc.record({
      count: fc.double({ min: 0, max: 1000, noNaN: true }),
      lifetimeYears: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.3, max: 40, noNaN: true })),
      unitCostEur: fc.double({ min: 0, max: 1e5, noNaN: true }),
      unitEmbodiedKgCo2e: fc.double({ min: 0, max: 1000, noNaN: true }),
      unitEndOfLifeKgCo2e: fc.double({ min: 0, max: 100, noNaN: true }),
      replacementShare: fc.double({ min: 0, max: 1, noNaN: true }),
      existing: fc.boolean(),
      ageYears: fc.double({ min: 0, max: 50, noNaN: true }),
      firstPurchaseIndex: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), spec, spec, (horizon, a, b) => {
        const axis = yearAxis(2026, horizon);
        const costTrend = Float64Array.from({ length: axis.length }, (_, t) => 1 - 0.01 * t);
        const toSpec = (s: typeof a): FleetSpec => ({ ...s, firstPurchaseIndex: s.existing ? null : s.firstPurchaseIndex, costTrend });
        // The target first holds another fleet: equipmentFleetInto must overwrite it, not add to it.
        const into = equipmentFleetInto(axis, toSpec(b), emptyFleet(axis.length));
        const reused = equipmentFleetInto(axis, toSpec(a), into);
        const fresh = equipmentFleet(axis, toSpec(a));
        expect(reused).toBe(into);
        for (const name of SERIES) expect(arr(reused[name])).toEqual(arr(fresh[name]));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a target that is not on the axis', () => {
    expect(() => equipmentFleetInto(yearAxis(2026, 10), { count: 1, lifetimeYears: 5 }, emptyFleet(5))).toThrow(
      /equipmentFleetInto: into.purchases has 5 values, the axis 11/,
    );
  });
});

describe('addEquipmentFleet', () => {
  const axis12 = yearAxis(2026, 12); // indices 0 … 12
  const cohort = (ageYears: number): FleetSpec => ({ count: 5, lifetimeYears: 4, unitCostEur: 10, unitEmbodiedKgCo2e: 3, firstPurchaseIndex: null, ageYears });

  it('adds a fleet into another: the doc example, two staggered cohorts', () => {
    // Aged 0: first replacement at 4 − 0 = 4, then 8 (12 is the last index: no purchase). Aged 2: at 2, 6, 10.
    const f = equipmentFleetInto(axis12, cohort(0), emptyFleet(13));
    addEquipmentFleet(axis12, cohort(2), f);
    expect(Array.from(f.capexEur)).toEqual([0, 0, 50, 0, 50, 0, 50, 0, 50, 0, 50, 0, 0]); // 5 units × 10 € at 2, 4, 6, 8, 10
    // The cohort bought at 10 serves to 14: half of it is left at 12, a residual of 25 € and a 7.5 kg credit.
    expect(f.residualValueEur[12]).toBe(25);
    expect(f.embodiedKgCo2e[12]).toBe(-7.5);
    // Both cohorts in service from index 1: 10 units every year.
    expect(Array.from(f.inService.subarray(1))).toEqual(new Array(12).fill(10));
  });

  it('gives the sum of the fleets computed one by one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.double({ min: 0, max: 1000, noNaN: true }), life: fc.double({ min: 0.5, max: 30, noNaN: true }), age: fc.double({ min: 0, max: 40, noNaN: true }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (fleets) => {
          const axis = yearAxis(2026, 25);
          const specs: FleetSpec[] = fleets.map((x) => ({ count: x.count, lifetimeYears: x.life, unitCostEur: 7, unitEmbodiedKgCo2e: 2, unitEndOfLifeKgCo2e: 1, firstPurchaseIndex: null, ageYears: x.age }));
          const total = emptyFleet(axis.length);
          for (const spec of specs) addEquipmentFleet(axis, spec, total);
          const separate = specs.map((spec) => equipmentFleet(axis, spec));
          for (const name of ['purchases', 'capexEur', 'residualValueEur', 'embodiedKgCo2e', 'endOfLifeKgCo2e', 'amortisedKgCo2e', 'inService'] as const) {
            for (let t = 0; t < axis.length; t++) {
              const sum = separate.reduce((a, f) => a + f[name][t], 0);
              expect(Math.abs(total[name][t] - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));
            }
          }
        },
      ),
    );
  });
});

describe('reusableFleetSpec', () => {
  it('gives, once its fields are set, the fleet a spec written out gives, and serves again for another fleet', () => {
    const axis = yearAxis(2026, 25);
    const spec = reusableFleetSpec();
    // Its defaults are those equipmentFleet assumes when a field is left out: bought at index 0, full replacements.
    expect([spec.firstPurchaseIndex, spec.ageYears, spec.replacementShare, spec.costTrend, spec.embodiedTrend]).toEqual([0, 0, 1, undefined, undefined]);
    spec.count = 10;
    spec.lifetimeYears = 8;
    spec.unitCostEur = 500;
    spec.unitEmbodiedKgCo2e = 40;
    const first = equipmentFleet(axis, spec);
    expect(first).toEqual(equipmentFleet(axis, { count: 10, lifetimeYears: 8, unitCostEur: 500, unitEmbodiedKgCo2e: 40 }));
    // 10 units × 500 € at indices 0, 8, 16 and 24 (lifetime 8): 5,000 € each time.
    expect([0, 8, 16, 24].map((t) => first.capexEur[t])).toEqual([5000, 5000, 5000, 5000]);
    spec.firstPurchaseIndex = null;
    spec.ageYears = 6;
    expect(equipmentFleet(axis, spec)).toEqual(
      equipmentFleet(axis, { count: 10, lifetimeYears: 8, unitCostEur: 500, unitEmbodiedKgCo2e: 40, firstPurchaseIndex: null, ageYears: 6 }),
    );
  });
});

describe('clearFleet', () => {
  it('sets every series of a fleet to zeros and returns the same fleet', () => {
    // 100 units of 50 € over 4-year lives on a 10-year axis: purchases, capex, carbon, units in service all non-zero.
    const fleet = equipmentFleet(yearAxis(2026, 10), { count: 100, lifetimeYears: 4, unitCostEur: 50, unitEmbodiedKgCo2e: 2, unitEndOfLifeKgCo2e: 1 });
    expect(fleet.capexEur[0]).toBe(5000);
    expect(clearFleet(fleet)).toBe(fleet);
    for (const [name, values] of Object.entries(fleet)) {
      if (values instanceof Float64Array) expect(Array.from(values).every((x) => x === 0), name).toBe(true);
    }
  });
});
