import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { selectPortfolio, DEFAULT_MAX_DELAY_YEARS, type SelectionCandidate, type SelectionOutcome } from '../../src/portfolio/select.js';

/**
 * Independent reference: enumerates every combination of (one option or nothing) per group and every start year,
 * keeps the feasible ones and returns the best total value. Exponential, for small cases only.
 */
function bruteForce(candidates: SelectionCandidate[], budgetEur: number, caps: number[] | null): number {
  const groups = new Map<string, SelectionCandidate[]>();
  for (const c of candidates) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const lists = [...groups.values()];
  const years = caps ? caps.length : 1;
  let best = 0;
  const used = new Array<number>(years).fill(0);
  const walk = (g: number, capex: number, value: number): void => {
    if (g === lists.length) {
      if (value > best) best = value;
      return;
    }
    walk(g + 1, capex, value); // nothing from this group
    for (const c of lists[g]) {
      for (let s = 0; s < years; s++) {
        if (capex + c.capexEur > budgetEur) continue;
        if (caps && used[s] + c.capexEur > caps[s]) continue;
        used[s] += c.capexEur;
        walk(g + 1, capex + c.capexEur, value + c.value / Math.pow(1 + (c.delayDiscountRate ?? 0), s));
        used[s] -= c.capexEur;
      }
    }
  };
  walk(0, 0, 0);
  return best;
}

/** The outcome is a feasible set whose totals are what it says. */
function expectConsistent(out: SelectionOutcome, candidates: SelectionCandidate[], budgetEur: number, caps: number[] | null): void {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const groups = out.chosen.map((c) => c.group);
  expect(new Set(groups).size).toBe(groups.length); // at most one per group
  const capex = out.chosen.reduce((a, c) => a + byId.get(c.id)!.capexEur, 0);
  expect(out.capexEur).toBeCloseTo(capex, 9);
  expect(capex).toBeLessThanOrEqual(budgetEur + 1e-9);
  const value = out.chosen.reduce((a, c) => a + byId.get(c.id)!.value / Math.pow(1 + (byId.get(c.id)!.delayDiscountRate ?? 0), c.startYearIndex), 0);
  expect(out.objectiveValue).toBeCloseTo(value, 9);
  if (caps) {
    caps.forEach((cap, y) => {
      const spent = out.chosen.filter((c) => c.startYearIndex === y).reduce((a, c) => a + c.capexEur, 0);
      expect(spent).toBeLessThanOrEqual(cap + 1e-9);
      expect(out.capexByYearEur[y]).toBeCloseTo(spent, 9);
    });
  }
  // every candidate is either chosen or left out, once
  expect(out.chosen.length + out.leftOut.length).toBe(candidates.length);
}

const candidateArbitrary = (withRates: boolean) =>
  fc
    .array(
      fc.array(
        fc.record({
          // small integer ranges so that equal capex, equal values and zero capex occur often (ties)
          capexEur: fc.integer({ min: 0, max: 60 }),
          value: fc.integer({ min: -20, max: 80 }),
          delayDiscountRate: withRates ? fc.constantFrom(0, 0.05, 0.1) : fc.constant(0),
        }),
        { minLength: 1, maxLength: withRates ? 3 : 4 },
      ),
      { minLength: 0, maxLength: withRates ? 4 : 6 },
    )
    .map((groups) =>
      groups.flatMap((options, g) => options.map((o, j): SelectionCandidate => ({ id: `g${g}-o${j}`, group: `g${g}`, ...o }))),
    );

describe('selectPortfolio', () => {
  it('reproduces the documentation example', () => {
    // Budget 100: A1 (60, 50) + B1 (40, 40) = 90 > A2 (100, 80) alone = 80 > A1 alone = 50.
    const out = selectPortfolio(
      [
        { id: 'A1', group: 'A', capexEur: 60, value: 50 },
        { id: 'A2', group: 'A', capexEur: 100, value: 80 },
        { id: 'B1', group: 'B', capexEur: 40, value: 40 },
      ],
      { budgetEur: 100 },
    );
    expect(out.objectiveValue).toBe(90);
    expect(out.chosen.map((c) => c.id)).toEqual(['A1', 'B1']);
    expect(out.leftOut).toEqual([{ id: 'A2', group: 'A', reason: 'otherVariantChosen' }]);
    expect(out.capexEur).toBe(100);
    expect(out.capexByYearEur).toEqual([100]);
    expect(out.optimal).toBe(true);
  });

  it('matches brute force on random small cases (≤ 6 groups × ≤ 4 options, ties and zero budgets included)', () => {
    fc.assert(
      fc.property(candidateArbitrary(false), fc.integer({ min: 0, max: 200 }), (candidates, budgetEur) => {
        const out = selectPortfolio(candidates, { budgetEur });
        expect(out.optimal).toBe(true);
        expect(out.objectiveValue).toBeCloseTo(bruteForce(candidates, budgetEur, null), 9);
        expectConsistent(out, candidates, budgetEur, null);
      }),
      { numRuns: 300, seed: 20260501 },
    );
  });

  it('matches brute force with yearly caps and the start year as part of the choice', () => {
    fc.assert(
      fc.property(
        candidateArbitrary(true),
        fc.integer({ min: 0, max: 150 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 3 }),
        (candidates, budgetEur, caps) => {
          const out = selectPortfolio(candidates, { budgetEur, yearlyCapEur: caps });
          expect(out.optimal).toBe(true);
          expect(out.capexByYearEur).toHaveLength(caps.length);
          expect(out.objectiveValue).toBeCloseTo(bruteForce(candidates, budgetEur, caps), 9);
          expectConsistent(out, candidates, budgetEur, caps);
        },
      ),
      { numRuns: 600, seed: 20260502 },
    );
  });

  it('phases two projects that do not fit in one year, delaying the one that loses least', () => {
    // Caps 100 €/yr over 2 years, both cost 100, rate 10 %:
    // A now + B delayed = 100 + 50 / 1.1 = 145.45…; B now + A delayed = 50 + 100 / 1.1 = 140.90…
    const out = selectPortfolio(
      [
        { id: 'A', group: 'A', capexEur: 100, value: 100, delayDiscountRate: 0.1 },
        { id: 'B', group: 'B', capexEur: 100, value: 50, delayDiscountRate: 0.1 },
      ],
      { budgetEur: 200, yearlyCapEur: [100, 100] },
    );
    expect(out.chosen.map((c) => [c.id, c.startYearIndex])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    expect(out.objectiveValue).toBeCloseTo(100 + 50 / 1.1, 12);
    expect(out.capexByYearEur).toEqual([100, 100]);
  });

  it('uses a window of DEFAULT_MAX_DELAY_YEARS + 1 years with a single yearly cap', () => {
    // Six projects of 10 € each, cap 10 €/yr: one per year over years 0–5, the seventh does not fit.
    const candidates = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, group: `p${i}`, capexEur: 10, value: 10 - i }));
    const out = selectPortfolio(candidates, { budgetEur: 1000, yearlyCapEur: 10 });
    expect(DEFAULT_MAX_DELAY_YEARS).toBe(5);
    expect(out.capexByYearEur).toEqual([10, 10, 10, 10, 10, 10]);
    // values 10, 9, …, 4 without delay discount: the six largest, 10 + 9 + 8 + 7 + 6 + 5 = 45
    expect(out.objectiveValue).toBe(45);
    expect(out.leftOut).toEqual([{ id: 'p6', group: 'p6', reason: 'budget' }]);
  });

  it('with a zero budget chooses only positive candidates that cost nothing', () => {
    const out = selectPortfolio(
      [
        { id: 'free', group: 'A', capexEur: 0, value: 5 },
        { id: 'paid', group: 'A', capexEur: 1, value: 50 },
        { id: 'free-negative', group: 'B', capexEur: 0, value: -5 },
      ],
      { budgetEur: 0 },
    );
    expect(out.chosen.map((c) => c.id)).toEqual(['free']);
    expect(out.objectiveValue).toBe(5);
    expect(out.leftOut).toEqual([
      { id: 'paid', group: 'A', reason: 'exceedsBudget' },
      { id: 'free-negative', group: 'B', reason: 'nonPositiveValue' },
    ]);
  });

  it('gives the reason of every left-out candidate', () => {
    const out = selectPortfolio(
      [
        { id: 'a-best', group: 'a', capexEur: 50, value: 100 },
        { id: 'a-dominated', group: 'a', capexEur: 60, value: 90 }, // costs more, worth less than a-best
        { id: 'a-twin', group: 'a', capexEur: 50, value: 100 }, // tie with a-best: the first one is kept
        { id: 'b-zero', group: 'b', capexEur: 10, value: 0 },
        { id: 'c-huge', group: 'c', capexEur: 1000, value: 1e6 },
        { id: 'd-crowded-out', group: 'd', capexEur: 60, value: 70 }, // fits alone; a-best + 50 € left is better
        { id: 'a-cheap', group: 'a', capexEur: 10, value: 20 },
      ],
      { budgetEur: 100 },
    );
    // Best: a-best (50, 100) alone = 100; d (60, 70) + a-cheap (10, 20) = 90 < 100.
    expect(out.chosen.map((c) => c.id)).toEqual(['a-best']);
    expect(out.leftOut).toEqual([
      { id: 'a-dominated', group: 'a', reason: 'dominated', dominatedBy: 'a-best' },
      { id: 'a-twin', group: 'a', reason: 'dominated', dominatedBy: 'a-best' },
      { id: 'b-zero', group: 'b', reason: 'nonPositiveValue' },
      { id: 'c-huge', group: 'c', reason: 'exceedsBudget' },
      { id: 'd-crowded-out', group: 'd', reason: 'budget' },
      { id: 'a-cheap', group: 'a', reason: 'otherVariantChosen' },
    ]);
  });

  it('returns the empty set for no candidates', () => {
    const out = selectPortfolio([], { budgetEur: 1000 });
    expect(out.chosen).toEqual([]);
    expect(out.objectiveValue).toBe(0);
    expect(out.capexEur).toBe(0);
  });

  it('says so when it stops at the node limit', () => {
    const candidates = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, group: `p${i}`, capexEur: 10 + i, value: 10 + i }));
    const out = selectPortfolio(candidates, { budgetEur: 40, nodeLimit: 3 });
    expect(out.optimal).toBe(false);
    expect(out.method).toMatch(/NOT proven optimal/);
  });

  it('refuses invalid input with a RangeError naming the function', () => {
    const ok = { id: 'a', group: 'g', capexEur: 1, value: 1 };
    expect(() => selectPortfolio([ok], { budgetEur: -1 })).toThrow(/^selectPortfolio: budgetEur/);
    expect(() => selectPortfolio([ok], { budgetEur: Number.NaN })).toThrow(RangeError);
    expect(() => selectPortfolio([{ ...ok, capexEur: -5 }], { budgetEur: 10 })).toThrow(/^selectPortfolio: capexEur of a/);
    expect(() => selectPortfolio([{ ...ok, value: Number.POSITIVE_INFINITY }], { budgetEur: 10 })).toThrow(/^selectPortfolio: value of a/);
    expect(() => selectPortfolio([ok, ok], { budgetEur: 10 })).toThrow(/^selectPortfolio: candidate ids must be unique/);
    expect(() => selectPortfolio([{ ...ok, delayDiscountRate: -1 }], { budgetEur: 10 })).toThrow(/delayDiscountRate/);
    expect(() => selectPortfolio([ok], { budgetEur: 10, yearlyCapEur: [] })).toThrow(/yearlyCapEur/);
    expect(() => selectPortfolio([ok], { budgetEur: 10, yearlyCapEur: [5, 5], maxDelayYears: 2 })).toThrow(/maxDelayYears/);
    expect(() => selectPortfolio([ok], { budgetEur: 10, yearlyCapEur: -3 })).toThrow(/yearlyCapEur\[0\]/);
  });
});
