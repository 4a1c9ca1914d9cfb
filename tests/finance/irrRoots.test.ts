import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { irrRoots, irrRootsInto } from '../../src/finance/irrRoots.js';
import { npv } from '../../src/finance/npv.js';
import { signChanges } from '../../src/finance/internal/polynomialRoots.js';
import { anySeries, discountedScale } from './support.js';

describe('irrRoots', () => {
  it('finds both roots of a series with two sign changes', () => {
    // -100 + 230/(1+r) - 132/(1+r)² = 0. Multiply by -(1+r)² and write y = 1+r: 100y² - 230y + 132 = 0,
    // = (10y - 11)(10y - 12) (check: 100y² - 120y - 110y + 132). So y = 1.1 or 1.2: r = 10 % and 20 %.
    const roots = irrRoots([-100, 230, -132]);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(0.1, 12);
    expect(roots[1]).toBeCloseTo(0.2, 12);
  });

  it('finds roots on both sides of zero', () => {
    // [-100, 100, 0, -7]: numpy-financial's irr example gives -0.0833; the cubic -100y³ + 100y² - 7 (y = 1+r)
    // has a second positive root y ≈ 0.3211 (r ≈ -0.679): -100·0.3211³ + 100·0.3211² - 7 ≈ -3.31 + 10.31 - 7 ≈ 0.
    const roots = irrRoots([-100, 100, 0, -7]);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(-0.6789, 4);
    expect(roots[1]).toBeCloseTo(-0.0833, 4);
  });

  it('reports a tangent (double) root once', () => {
    // -1 + 2x - x² = -(1 - x)², x = 1/(1+r): a double root at x = 1, r = 0.
    expect(irrRoots([-1, 2, -1])).toEqual([0]);
  });

  it('is empty without a sign change or without a real root', () => {
    expect(irrRoots([-1, -2, -3])).toEqual([]);
    expect(irrRoots([0, 0, 0])).toEqual([]);
    // 1 - 3x + 3x²: discriminant 9 - 12 < 0.
    expect(irrRoots([1, -3, 3])).toEqual([]);
  });

  it('ignores leading and trailing zeros', () => {
    // [0, -100, 110, 0]: -100x + 110x² = x(-100 + 110x): x = 1/1.1, r = 10 % (x = 0 is r = +∞, excluded).
    const roots = irrRoots([0, -100, 110, 0]);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toBeCloseTo(0.1, 12);
  });

  it('gives sorted distinct rates > -1 with a zero NPV, no more than the sign changes (property)', () => {
    fc.assert(
      fc.property(anySeries, (values) => {
        const roots = irrRoots(values);
        expect(roots.length).toBeLessThanOrEqual(signChanges(values)); // Descartes' rule of signs
        for (let i = 0; i < roots.length; i++) {
          expect(roots[i]).toBeGreaterThan(-1);
          if (i > 0) expect(roots[i]).toBeGreaterThan(roots[i - 1]);
          // Zero NPV up to rounding, judged on the size of the discounted terms.
          expect(Math.abs(npv(roots[i], values))).toBeLessThanOrEqual(1e-9 * discountedScale(roots[i], values));
        }
      }),
    );
  });

  it('finds every root of series built from known roots (property)', () => {
    // values = coefficients of Π (x·(1+r_k) - 1) in ascending powers of x = 1/(1+r): its roots are x_k = 1/(1+r_k).
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 100 }), { minLength: 1, maxLength: 4, selector: (p) => Math.round(p / 5) }),
        (percents) => {
          let coefficients = [1];
          for (const p of percents) {
            const y = 1 + p / 100;
            const next = new Array<number>(coefficients.length + 1).fill(0);
            coefficients.forEach((c, k) => {
              next[k] -= c; // × (-1)
              next[k + 1] += c * y; // × (y·x)
            });
            coefficients = next;
          }
          const roots = irrRoots(coefficients);
          const expected = percents.map((p) => p / 100).sort((a, b) => a - b);
          expect(roots).toHaveLength(expected.length);
          roots.forEach((r, i) => expect(r).toBeCloseTo(expected[i], 6));
        },
      ),
    );
  });

  it('rejects invalid arguments with a RangeError naming irrRoots', () => {
    expect(() => irrRoots([])).toThrow(/^irrRoots: values must be/);
    expect(() => irrRoots([1, Number.NaN])).toThrow('irrRoots: values[1] must be a finite number, received NaN');
  });
});

describe('irrRootsInto', () => {
  it('writes the two roots of the hand-made quadratic and returns their count', () => {
    // [-100, 230, -132] has the IRRs 10 % and 20 % (see irrRoots above); the buffer needs 2 × 3 places.
    const rates = new Float64Array(6).fill(99);
    expect(irrRootsInto([-100, 230, -132], rates)).toBe(2);
    expect(rates[0]).toBeCloseTo(0.1, 12);
    expect(rates[1]).toBeCloseTo(0.2, 12);
    expect(rates[2]).toBe(99); // nothing written past the count
  });

  it('finds the one IRR of a conventional series on the common path', () => {
    // -100 + 110/(1+r) = 0 at r = 10 %: partial sums -100, 10 change sign once (Norström), one root.
    const rates = new Float64Array(4);
    expect(irrRootsInto([-100, 110], rates)).toBe(1);
    expect(rates[0]).toBeCloseTo(0.1, 14);
    // No sign change: no IRR, nothing written.
    expect(irrRootsInto([100, 110], rates)).toBe(0);
  });

  it('gives exactly the rates of irrRoots, in a reused buffer (property)', () => {
    const rates = new Float64Array(64);
    fc.assert(
      fc.property(anySeries, (values) => {
        const count = irrRootsInto(values, rates);
        expect(Array.from(rates.subarray(0, count))).toEqual(irrRoots(values));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a buffer shorter than twice the series', () => {
    expect(() => irrRootsInto([-100, 230, -132], new Float64Array(5))).toThrow(/^irrRootsInto: rates holds 5 values, 6 are needed/);
  });
});
