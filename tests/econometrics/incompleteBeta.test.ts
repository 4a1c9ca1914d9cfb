import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { incompleteBeta, logGamma } from '../../src/econometrics/incompleteBeta.js';

describe('logGamma', () => {
  it('matches ln((n − 1)!) at integers and ln √π at 1/2', () => {
    // Γ(n) = (n − 1)!: Γ(1) = 1, Γ(5) = 24, Γ(10) = 362880; Γ(1/2) = √π.
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    // reflection branch: Γ(0.25) = 3.625609908221908 (Abramowitz & Stegun table 6.1)
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(/logGamma/);
  });
});

describe('incompleteBeta (Numerical Recipes §6.4 continued fraction)', () => {
  it('equals closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_x(2, 3) = 6x² − 8x³ + 3x⁴ (hand integration).
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.7, 3.5, 1)).toBeCloseTo(0.7 ** 3.5, 13);
    expect(incompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 13);
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 13);
    expect(incompleteBeta(0.9, 2, 3)).toBeCloseTo(6 * 0.81 - 8 * 0.729 + 3 * 0.6561, 13);
  });

  it('is ½ at x = ½ when a = b, and satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(incompleteBeta(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 13);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.2, max: 50, noNaN: true }), fc.double({ min: 0.2, max: 50, noNaN: true }), (x, a, b) => {
        expect(incompleteBeta(x, a, b)).toBeCloseTo(1 - incompleteBeta(1 - x, b, a), 10);
      }),
    );
  });

  it('handles the end points and rejects bad arguments', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(() => incompleteBeta(1.5, 2, 3)).toThrow(/x must be in \[0, 1\]/);
    expect(() => incompleteBeta(0.5, 0, 3)).toThrow(/a and b must be > 0/);
  });
});
