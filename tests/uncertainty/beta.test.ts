import { describe, expect, it } from 'vitest';
import { betaQuantile, lnBeta, lnGamma, regularizedIncompleteBeta } from '../../src/uncertainty/beta.js';

function expectRelative(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('lnGamma', () => {
  it('matches high-precision values', () => {
    // mpmath 1.3 (mp.dps = 40), mp.loggamma(x), rounded to 20 digits, written as the nearest double.
    const cases: [number, number][] = [
      [0.5, 0.5723649429247001], // ln √π
      [1e-5, 11.512919692895826],
      [3.7, 1.4280723266653879],
      [100.25, 360.28455963776423],
      [1e6, 12815504.569147611],
    ];
    for (const [x, y] of cases) expectRelative(lnGamma(x), y, 2e-15);
  });

  it('gives ln (n−1)! at integers and NaN for x ≤ 0', () => {
    // Hand calculation: Γ(5) = 4! = 24, Γ(11) = 10! = 3628800; Γ(1) = Γ(2) = 1.
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 13);
    // ln Γ(1) = ln Γ(2) = 0: the recurrence from x + k = 15 leaves an absolute error of a few 1e-15 (documented).
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-14);
    expect(lnGamma(0)).toBeNaN();
    expect(lnGamma(-1)).toBeNaN();
  });

  it('lnBeta(2, 3) = ln(1/12)', () => {
    // Hand calculation: B(2, 3) = Γ(2)Γ(3)/Γ(5) = 1·2/24 = 1/12.
    expect(lnBeta(2, 3)).toBeCloseTo(-Math.log(12), 14);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    // Hand calculation: I_x(2, 2) = 3x² − 2x³; I_x(1, b) = 1 − (1 − x)^b; I_x(a, 1) = x^a.
    for (const x of [0.01, 0.2, 0.5, 0.73, 0.99]) {
      expect(regularizedIncompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 14);
      expect(regularizedIncompleteBeta(x, 1, 3.5)).toBeCloseTo(1 - (1 - x) ** 3.5, 14);
      expect(regularizedIncompleteBeta(x, 4.2, 1)).toBeCloseTo(x ** 4.2, 14);
    }
  });

  it('matches high-precision values on both sides of the symmetry switch', () => {
    // mpmath 1.3 (mp.dps = 40), mp.betainc(a, b, 0, x, regularized=True), rounded to 20 digits, written as the
    // nearest double.
    const cases: [number, number, number, number][] = [
      [0.3, 2.5, 3.5, 0.2967529892956664],
      [0.1, 0.5, 0.5, 0.20483276469913345],
      [0.9, 10, 2, 0.6973568802000001],
      [0.05, 1.5, 20, 0.44342120168569027],
      [0.4, 30, 40, 0.31814380259056296],
    ];
    for (const [x, a, b, p] of cases) expectRelative(regularizedIncompleteBeta(x, a, b), p, 1e-13);
  });

  it('is 0 and 1 at the ends and rejects invalid shapes', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/regularizedIncompleteBeta: a/);
    expect(() => regularizedIncompleteBeta(0.5, 1, -2)).toThrow(/regularizedIncompleteBeta: b/);
  });
});

describe('betaQuantile', () => {
  it('matches closed forms', () => {
    // Hand calculation: I_x(1, 3) = 1 − (1−x)³ = p ⇒ x = 1 − (1−p)^(1/3), written −expm1(log1p(−p)/3) to keep
    // digits at small p; I_x(2.5, 1) = x^2.5 ⇒ x = p^(1/2.5). (Near p = 1 the quantile of Beta(1, 3) is
    // ill-conditioned, dx/dp = 1/(3(1−x)²), so the check stops at p = 0.999.)
    for (const p of [1e-9, 0.1, 0.5, 0.9, 0.999]) {
      expectRelative(betaQuantile(p, 1, 3), -Math.expm1(Math.log1p(-p) / 3), 1e-14);
      expectRelative(betaQuantile(p, 2.5, 1), p ** (1 / 2.5), 1e-14);
    }
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 15);
  });

  it('inverts the incomplete beta function, including U-shaped and skewed shapes', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [2.4285714285714284, 3.5714285714285716],
      [30, 40],
      [1.04, 4.96],
      [0.3, 8],
    ]) {
      for (const p of [1e-6, 0.05, 0.3, 0.5, 0.7, 0.95, 1 - 1e-6]) {
        const x = betaQuantile(p, a, b);
        expect(Math.abs(regularizedIncompleteBeta(x, a, b) - p)).toBeLessThan(1e-13 * Math.max(1, p / 1e-3));
      }
    }
  });

  it('returns the ends at p = 0 and 1 and rejects p outside [0, 1]', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(() => betaQuantile(1.2, 2, 3)).toThrow(/betaQuantile: p/);
  });
});
