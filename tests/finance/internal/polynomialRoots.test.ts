import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  certifiedNoRootInUnitInterval,
  rootsInOpenUnitIntervalIfSimple,
  rootsInUnitInterval,
  simpleRootInOpenUnitInterval,
} from '../../../src/finance/internal/polynomialRoots.js';
import { anySeries } from '../support.js';

describe('certifiedNoRootInUnitInterval', () => {
  it('proves a constant sign when every Bernstein coefficient is clearly of one sign', () => {
    // 1 − x + x²: Bernstein coefficients on [0, 1] b0 = 1, b1 = 1 + (−1)/2 = 1/2, b2 = 1 − 1 + 1 = 1, all > 0
    // (and indeed 1 − x + x² ≥ 3/4).
    expect(certifiedNoRootInUnitInterval([1, -1, 1], 2)).toBe(true);
    // The same negated: all coefficients < 0.
    expect(certifiedNoRootInUnitInterval([-1, 1, -1], 2)).toBe(true);
  });

  it('proves nothing when there is a root, or when the polynomial comes close to 0', () => {
    // x − 0.5 vanishes at 0.5; b0 = −0.5 < 0 < b1 = 0.5.
    expect(certifiedNoRootInUnitInterval([-0.5, 1], 1)).toBe(false);
    // (x − 0.5)² + 1e-12 = 0.25 + 1e-12 − x + x² has no real root, but comes within 1e-12 of 0, far below the
    // margin 1e-9 × Σ|a_k| ≈ 2.25e-9: not certified (the full search then decides).
    expect(certifiedNoRootInUnitInterval([0.25 + 1e-12, -1, 1], 2)).toBe(false);
    // 1 − 3x + 3x² ≥ 1/4 on [0, 1] but its Bernstein coefficient b1 = 1 − 3/2 < 0: a positive polynomial the test
    // does not prove positive (it is sufficient, not necessary).
    expect(certifiedNoRootInUnitInterval([1, -3, 3], 2)).toBe(false);
  });
});

describe('rootsInUnitInterval with and without the no-root shortcut', () => {
  it('returns the same roots, bit for bit (property, cash-flow-like series)', () => {
    fc.assert(
      fc.property(anySeries, (values) => {
        const reversed = values.slice().reverse();
        expect(rootsInUnitInterval(values)).toEqual(rootsInUnitInterval(values, false));
        expect(rootsInUnitInterval(reversed)).toEqual(rootsInUnitInterval(reversed, false));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns the same roots, bit for bit, on polynomials built from known roots (property)', () => {
    // Coefficients of Π (x − r_k) for roots r_k in (−0.5, 1.5), some of them in (0, 1].
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 8 }), (hundredths) => {
        let coefficients = [1];
        for (const h of hundredths) {
          const r = h / 100;
          const next = new Array<number>(coefficients.length + 1).fill(0);
          coefficients.forEach((c, k) => {
            next[k] -= c * r;
            next[k + 1] += c;
          });
          coefficients = next;
        }
        expect(rootsInUnitInterval(coefficients)).toEqual(rootsInUnitInterval(coefficients, false));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the root of a hand-made quadratic either way', () => {
    // (x − 0.5)(x − 2) = 1 − 2.5x + x²: one root in (0, 1], at 0.5.
    expect(rootsInUnitInterval([1, -2.5, 1])).toEqual([0.5]);
    expect(rootsInUnitInterval([1, -2.5, 1], false)).toEqual([0.5]);
  });
});

describe('rootsInOpenUnitIntervalIfSimple (Norström)', () => {
  it('settles a series whose partial sums change sign once, and declines when they change twice', () => {
    // −1 + 0.5x + 0.3x² + 0.4x³: partial sums −1, −0.5, −0.2, 0.2 change sign once; P(0) = −1 < 0 < P(1) = 0.2.
    const one = rootsInOpenUnitIntervalIfSimple([-1, 0.5, 0.3, 0.4]);
    expect(one).toHaveLength(1);
    expect(one![0]).toBeCloseTo(rootsInUnitInterval([-1, 0.5, 0.3, 0.4])[0], 14);
    // −100 + 230x − 132x²: roots 1/1.1 and 1/1.2 (irrRoots' example); partial sums −100, 130, −2 change twice.
    expect(rootsInOpenUnitIntervalIfSimple([-100, 230, -132])).toBeNull();
    // Partial sums 1, 3, 6 never change sign: no root in (0, 1).
    expect(rootsInOpenUnitIntervalIfSimple([1, 2, 3])).toEqual([]);
    // Coefficients changing sign four times, partial sums never: 5 − 1x + 1x² − 1x³ + 1x⁴ > 0 on (0, 1).
    expect(rootsInOpenUnitIntervalIfSimple([5, -1, 1, -1, 1])).toEqual([]);
    // Sum zero: x = 1 is a root, left to the full search.
    expect(rootsInOpenUnitIntervalIfSimple([-1, 1])).toBeNull();
  });

  it('agrees with the full search whenever it answers (property, cash-flow-like series)', () => {
    // Oracle: rootsInUnitInterval without shortcut, restricted to (0, 1).
    let answered = 0;
    fc.assert(
      fc.property(anySeries, (values) => {
        const fast = rootsInOpenUnitIntervalIfSimple(values);
        if (fast === null) return;
        answered++;
        const full = rootsInUnitInterval(values, false).filter((x) => x < 1);
        expect(fast.length).toBe(full.length);
        fast.forEach((x, i) => expect(Math.abs(x - full[i])).toBeLessThanOrEqual(1e-12 * full[i] + 1e-15));
      }),
      { numRuns: 500 },
    );
    expect(answered).toBeGreaterThan(100); // the fast path is not a dead branch on cash-flow-like series
  });
});

describe('simpleRootInOpenUnitInterval', () => {
  it('returns the root, -1 for none and NaN when the tests cannot tell', () => {
    // −1 + 0.5x + 0.3x² + 0.4x³: partial sums −1, −0.5, −0.2, 0.2 change sign once, one root; the cubic's other
    // two roots are complex (its derivative 0.5 + 0.6x + 1.2x² has no real root, so it is increasing), and
    // P(0.9) = −1 + 0.45 + 0.243 + 0.2916 = −0.0154 < 0 < P(0.91) = −1 + 0.455 + 0.24843 + 0.3014284 = 0.0048584.
    const x = simpleRootInOpenUnitInterval([-1, 0.5, 0.3, 0.4], 3);
    expect(x).toBeGreaterThan(0.9);
    expect(x).toBeLessThan(0.91);
    expect(Math.abs(-1 + 0.5 * x + 0.3 * x ** 2 + 0.4 * x ** 3)).toBeLessThan(1e-15);
    // Partial sums 1, 3, 6: no root in (0, 1). Two changes of the partial sums (−100, 130, −2): not settled.
    expect(simpleRootInOpenUnitInterval([1, 2, 3], 2)).toBe(-1);
    expect(simpleRootInOpenUnitInterval([-100, 230, -132], 2)).toBeNaN();
  });

  it('reads only the coefficients up to the degree given', () => {
    // The same cubic followed by values that would change the answer if they were read.
    expect(simpleRootInOpenUnitInterval([-1, 0.5, 0.3, 0.4, -1e9, 5], 3)).toBe(simpleRootInOpenUnitInterval([-1, 0.5, 0.3, 0.4], 3));
  });

  it('agrees with rootsInOpenUnitIntervalIfSimple, which wraps it (property, cash-flow-like series)', () => {
    fc.assert(
      fc.property(anySeries, (values) => {
        const x = simpleRootInOpenUnitInterval(values, values.length - 1);
        const wrapped = rootsInOpenUnitIntervalIfSimple(values);
        expect(wrapped).toEqual(Number.isNaN(x) ? null : x < 0 ? [] : [x]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the root of a model cash flow as the full search does', () => {
    // A public-lighting retrofit's socio-economic incremental cash flow (ville-moyenne example, rounded to euros),
    // a series whose iterates end on rounding noise (f(x) ≈ 1e-9 next to a last step of 1e-13). The root from the
    // start 0.9 must be the full search's (from the midpoints of its pieces), to rounding.
    const values = [
      -4450673, 584921, 572315, 559716, 547125, 547833, 548560, 549306, 550071, 550855, 551659, 552484, 553330, 554197, 555086, 555997,
      556932, 557890, 558873, 559880, -3295318, 561970, 563055, 564167, 565306, 3303665,
    ];
    const x = simpleRootInOpenUnitInterval(values, values.length - 1);
    const full = rootsInUnitInterval(values, false).filter((r) => r < 1);
    expect(full).toHaveLength(1);
    expect(Math.abs(x - full[0])).toBeLessThanOrEqual(1e-14 * full[0]);
  });
});
