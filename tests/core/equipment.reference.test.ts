import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addEquipmentFleet, emptyFleet, equipmentFleet, type FleetFlows, type FleetSpec } from '../../src/core/equipment.js';
import { yearAxis, type YearAxis } from '../../src/core/time.js';

/**
 * The reference: `addEquipmentFleet` as it stood before the loops were restructured for speed (the purchase loop
 * computing every amortised portion with Math.min, and the service years added purchase by purchase), kept here
 * unchanged but for its validation. The current implementation must give the same numbers, bit for bit: the same
 * terms, added into each value in the same order.
 */
function referenceAddEquipmentFleet(axis: YearAxis, spec: FleetSpec, into: FleetFlows): FleetFlows {
  const n = axis.length;
  const last = n - 1;
  const L = spec.lifetimeYears;
  const unitCost = spec.unitCostEur ?? 0;
  const unitEmbodied = spec.unitEmbodiedKgCo2e ?? 0;
  const unitEol = spec.unitEndOfLifeKgCo2e ?? 0;
  const replacementShare = spec.replacementShare ?? 1;
  const out = into;
  if (spec.count === 0) return out;
  const existing = spec.firstPurchaseIndex === null;
  const first = existing ? L - Math.min(spec.ageYears ?? 0, L) : (spec.firstPurchaseIndex ?? 0);
  if (existing) {
    const end = Math.min(Math.round(first), last);
    for (let t = 1; t <= end; t++) out.inService[t] += spec.count;
  }
  for (let k = 0; ; k++) {
    const exact = first + k * L;
    const t = Math.round(exact);
    if (t >= last) break;
    const replacement = existing || k > 0;
    const share = replacement ? replacementShare : 1;
    const costMul = spec.costTrend ? spec.costTrend[t] : 1;
    const carbonMul = spec.embodiedTrend ? spec.embodiedTrend[t] : 1;
    const units = spec.count;
    const cost = units * unitCost * share * costMul;
    const manufacturing = units * unitEmbodied * share * carbonMul;
    const eol = units * unitEol * share;
    out.purchases[t] += units;
    out.capexEur[t] += cost;
    out.embodiedKgCo2e[t] += manufacturing;
    const endExact = t + L;
    const servedYears = Math.min(endExact, last) - t;
    const perYear = (manufacturing + eol) / L;
    const lastServed = Math.min(Math.ceil(endExact - 1e-9), last);
    for (let y = t + 1; y <= lastServed; y++) {
      const portion = Math.min(1, servedYears - (y - t - 1));
      out.amortisedKgCo2e[y] += perYear * portion;
    }
    const replacedAt = Math.min(Math.round(first + (k + 1) * L), last);
    for (let y = t + 1; y <= replacedAt; y++) out.inService[y] += units;
    if (endExact <= last) {
      out.endOfLifeKgCo2e[replacedAt] += eol;
    } else {
      const residualFraction = (endExact - last) / L;
      out.residualValueEur[last] += cost * residualFraction;
      out.endOfLifeKgCo2e[last] += eol * (1 - residualFraction);
      out.embodiedKgCo2e[last] -= manufacturing * residualFraction;
    }
  }
  return out;
}

const SERIES = ['purchases', 'capexEur', 'residualValueEur', 'embodiedKgCo2e', 'endOfLifeKgCo2e', 'amortisedKgCo2e', 'inService'] as const;

/** The first value where the two fleets differ in any bit (Object.is: 0 and −0 differ), or undefined. */
function firstDifference(a: FleetFlows, b: FleetFlows): string | undefined {
  for (const name of SERIES) {
    for (let t = 0; t < a[name].length; t++) {
      if (!Object.is(a[name][t], b[name][t])) return `${name}[${t}]: ${a[name][t]} vs ${b[name][t]}`;
    }
  }
  return undefined;
}

/** A fleet of `length` years holding `values` (cycled), as a target that already holds other fleets. */
function filledFleet(length: number, values: number[]): FleetFlows {
  const f = emptyFleet(length);
  let i = 0;
  for (const name of SERIES) for (let t = 0; t < length; t++) f[name][t] = values.length === 0 ? 0 : values[i++ % values.length];
  return f;
}

const fleetArbitrary = fc.record({
  count: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
  // Whole and fractional lifetimes, from many purchases a year (0.05) to one longer than any horizon.
  lifetimeYears: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.05, max: 60, noNaN: true }), fc.constantFrom(0.5, 1.5, 2.5, 7.5, 12.4999, 3 + 1e-10, 3 - 1e-10)),
  unitCostEur: fc.double({ min: 0, max: 1e5, noNaN: true }),
  unitEmbodiedKgCo2e: fc.double({ min: 0, max: 1e3, noNaN: true }),
  unitEndOfLifeKgCo2e: fc.double({ min: 0, max: 100, noNaN: true }),
  replacementShare: fc.double({ min: 0, max: 1, noNaN: true }),
  existing: fc.boolean(),
  // Ages beyond the lifetime (replaced at once), negative ones, and the lifetime's fractions the cohorts use.
  ageYears: fc.oneof(fc.double({ min: -10, max: 80, noNaN: true }), fc.integer({ min: 0, max: 40 })),
  firstPurchaseIndex: fc.integer({ min: 0, max: 70 }),
  withCostTrend: fc.boolean(),
  withEmbodiedTrend: fc.boolean(),
});

describe('addEquipmentFleet against the reference implementation (bit for bit)', () => {
  it('adds the same numbers as the reference, fleet after fleet into one target (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fleetArbitrary, { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 9 }),
        fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (horizon, fleets, held, trendSlopes) => {
          const axis = yearAxis(2026, horizon);
          const n = axis.length;
          // Trends as the scenario packs give them: a multiplier by index (here geometric, random rate).
          const costTrend = Float64Array.from({ length: n }, (_, t) => Math.pow(trendSlopes[0], t / 25));
          const embodiedTrend = Float64Array.from({ length: n }, (_, t) => Math.pow(trendSlopes[1], t / 25));
          const actual = filledFleet(n, held);
          const expected = filledFleet(n, held);
          for (const x of fleets) {
            const spec: FleetSpec = {
              count: x.count,
              lifetimeYears: x.lifetimeYears,
              unitCostEur: x.unitCostEur,
              unitEmbodiedKgCo2e: x.unitEmbodiedKgCo2e,
              unitEndOfLifeKgCo2e: x.unitEndOfLifeKgCo2e,
              replacementShare: x.replacementShare,
              firstPurchaseIndex: x.existing ? null : x.firstPurchaseIndex,
              ageYears: x.ageYears,
              costTrend: x.withCostTrend ? costTrend : undefined,
              embodiedTrend: x.withEmbodiedTrend ? embodiedTrend : undefined,
            };
            expect(addEquipmentFleet(axis, spec, actual)).toBe(actual);
            referenceAddEquipmentFleet(axis, spec, expected);
          }
          expect(firstDifference(actual, expected)).toBeUndefined();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the reference numbers for the staggered cohorts the models add (lamps, water meters)', () => {
    // k cohorts of count/k units aged 0, L/k, 2L/k … (lighting's relamping, water's meters), with fractional
    // lifetimes as Monte Carlo draws them.
    const axis = yearAxis(2026, 25);
    for (const L of [3, 4, 15, 3.7, 14.2, 16.634951149182164]) {
      const cohorts = Math.max(1, Math.round(L));
      const actual = emptyFleet(axis.length);
      const expected = emptyFleet(axis.length);
      for (let k = 0; k < cohorts; k++) {
        const spec: FleetSpec = { count: 1000 / cohorts, lifetimeYears: L, unitCostEur: 60, unitEmbodiedKgCo2e: 1.3, unitEndOfLifeKgCo2e: 0.2, firstPurchaseIndex: null, ageYears: (k * L) / cohorts };
        addEquipmentFleet(axis, spec, actual);
        referenceAddEquipmentFleet(axis, spec, expected);
      }
      expect(firstDifference(actual, expected)).toBeUndefined();
    }
  });

  it('rejects an age that is not a number (the purchase loop would never end)', () => {
    // With ageYears NaN the first purchase position L − min(NaN, L) is NaN, and no rounding of it reaches the end
    // of the horizon.
    expect(() => equipmentFleet(yearAxis(2026, 10), { count: 1, lifetimeYears: 5, firstPurchaseIndex: null, ageYears: Number.NaN })).toThrow(
      /equipmentFleet: ageYears must be a number, received NaN/,
    );
  });

  it('keeps units aged −∞ in service over the whole horizon, without a purchase, as before', () => {
    // L − min(−∞, L) = +∞: the first replacement never comes; 4 units serve years 1 … 10.
    const f = equipmentFleet(yearAxis(2026, 10), { count: 4, lifetimeYears: 5, unitCostEur: 10, firstPurchaseIndex: null, ageYears: -Infinity });
    expect(Array.from(f.inService)).toEqual([0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(Array.from(f.purchases)).toEqual(new Array<number>(11).fill(0));
  });
});
