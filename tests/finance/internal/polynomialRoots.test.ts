import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certifiedNoRootInUnitInterval, rootsInUnitInterval } from '../../../src/finance/internal/polynomialRoots.js';
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
