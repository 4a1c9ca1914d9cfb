import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { amortise } from '../../src/carbon/amortise.js';
import { equipmentFleet } from '../../src/core/equipment.js';
import { yearAxis } from '../../src/core/time.js';

const total = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0);

describe('amortise', () => {
  it('spreads a one-off emission over the years it serves', () => {
    // Documentation example: 1000 kg at index 0, L = 4 → 1000 / 4 = 250 in years 1…4, nothing at 0 or 5.
    expect(Array.from(amortise([1000, 0, 0, 0, 0, 0], 4))).toEqual([0, 250, 250, 250, 250, 0]);
  });

  it('gives the last year a fraction when the lifetime is not whole', () => {
    // 100 kg at index 1, L = 2.5 → 40 a year: years 2, 3 get 40, year 4 gets 40 × 0.5 = 20 (total 100).
    const out = amortise([0, 100, 0, 0, 0, 0], 2.5);
    expect(Array.from(out)).toEqual([0, 0, 40, 40, 20, 0]);
  });

  it('drops the years past the horizon, which the at-purchase view credits back as residual', () => {
    // 600 kg at index 3 of a 6-entry series (N = 5), L = 6 → 100 a year in years 4 and 5 only: 200 in the horizon.
    // At-purchase view: 600 at index 3, residual fraction (3 + 6 − 5) / 6 = 4/6 credited at N: 600 − 400 = 200.
    const out = amortise([0, 0, 0, 600, 0, 0], 6);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 100, 100]);
    expect(total(out)).toBeCloseTo(600 - 600 * (4 / 6), 9);
  });

  it('adds the spreads of several emissions', () => {
    // 300 at 0 (L = 3: 100 in 1, 2, 3) and 90 at 2 (30 in 3, 4, 5) → 0, 100, 100, 130, 30, 30.
    expect(Array.from(amortise([300, 0, 90, 0, 0, 0], 3))).toEqual([0, 100, 100, 130, 30, 30]);
  });

  it('contributes nothing for an emission at the last index (its residual fraction is 1)', () => {
    expect(Array.from(amortise([0, 0, 50], 5))).toEqual([0, 0, 0]);
  });

  it('has the same total in the horizon as the at-purchase view with the residual credit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        (purchases, lifetimeYears) => {
          const last = purchases.length - 1;
          // At-purchase view with the residual credit: E at t, minus E × max(0, t + L − N) / L at N.
          let atPurchase = 0;
          purchases.forEach((e, t) => {
            atPurchase += e - (e * Math.max(0, t + lifetimeYears - last)) / lifetimeYears;
          });
          const scaleOf = purchases.reduce((a, b) => a + Math.abs(b), 0);
          expect(Math.abs(total(amortise(purchases, lifetimeYears)) - atPurchase)).toBeLessThanOrEqual(1e-9 * (1 + scaleOf));
        },
      ),
    );
  });

  it('matches equipmentFleet amortisation for the same purchases', () => {
    // One unit of 70 kg manufacturing + 5 kg end of life bought at 0, L = 20 over 25 years: equipmentFleet books
    // purchases at 0 and 20; amortising (manufacturing + end of life) at those indices gives the same series.
    const axis = yearAxis(2026, 25);
    const fleet = equipmentFleet(axis, { count: 1, lifetimeYears: 20, unitEmbodiedKgCo2e: 70, unitEndOfLifeKgCo2e: 5 });
    const oneOff = new Float64Array(axis.length);
    oneOff[0] = 75;
    oneOff[20] = 75;
    const out = amortise(oneOff, 20);
    for (let t = 0; t < axis.length; t++) expect(out[t]).toBeCloseTo(fleet.amortisedKgCo2e[t], 12);
  });

  it('refuses a lifetime that is not a positive finite number, naming the function', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => amortise([1], bad)).toThrow(RangeError);
      expect(() => amortise([1], bad)).toThrow(/^amortise: lifetimeYears/);
    }
  });
});
