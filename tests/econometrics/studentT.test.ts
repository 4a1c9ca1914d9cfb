import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTCritical, studentTTwoSidedP } from '../../src/econometrics/studentT.js';

describe('Student t from the incomplete beta function', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // ν = 1 (Cauchy): F(t) = ½ + atan(t)/π. ν = 2: F(t) = ½ + t / (2√(2 + t²)).
    for (const t of [-7, -1.3, 0, 0.4, 2, 30]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('matches the closed form for even degrees of freedom (Abramowitz & Stegun 26.7.3)', () => {
    // ν even, θ = atan(t/√ν): P(|T| < t) = sin θ · [1 + cos²θ/2 + (1·3)/(2·4) cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2)) cos^(ν−2)θ]
    const inside = (t: number, nu: number) => {
      const th = Math.atan(t / Math.sqrt(nu));
      const c2 = Math.cos(th) ** 2;
      let term = 1;
      let sum = 1;
      for (let k = 1; k <= (nu - 2) / 2; k++) {
        term *= (c2 * (2 * k - 1)) / (2 * k);
        sum += term;
      }
      return Math.sin(th) * sum;
    };
    for (const nu of [4, 10, 30]) {
      for (const t of [0.5, 1, 2.228, 3, 10]) expect(studentTTwoSidedP(t, nu)).toBeCloseTo(1 - inside(t, nu), 13);
    }
  });

  it('reproduces tabulated critical values', () => {
    // Student t table (two-sided): ν = 1, 95 %: 12.706; ν = 10, 95 %: 2.228; ν = 22, 90 %: 1.717;
    // ν = 30, 99 %: 2.750; ν = 100, 95 %: 1.984.
    expect(studentTCritical(0.95, 1)).toBeCloseTo(12.706, 3);
    expect(studentTCritical(0.95, 10)).toBeCloseTo(2.228, 3);
    expect(studentTCritical(0.9, 22)).toBeCloseTo(1.717, 3);
    expect(studentTCritical(0.99, 30)).toBeCloseTo(2.75, 3);
    expect(studentTCritical(0.95, 100)).toBeCloseTo(1.984, 3);
    // ν = 1 exactly: t = tan(π/2 · 0.95) = 12.7062047361747
    expect(studentTCritical(0.95, 1)).toBeCloseTo(Math.tan((Math.PI / 2) * 0.95), 9);
  });

  it('is consistent: P(|T| > critical(c)) = 1 − c', () => {
    for (const [c, df] of [
      [0.68, 5],
      [0.9, 13.5],
      [0.95, 200],
    ]) {
      expect(studentTTwoSidedP(studentTCritical(c, df), df)).toBeCloseTo(1 - c, 12);
    }
  });

  it('handles infinite and NaN statistics, and rejects bad degrees of freedom', () => {
    expect(studentTTwoSidedP(Infinity, 5)).toBe(0);
    expect(studentTTwoSidedP(NaN, 5)).toBeNaN();
    expect(studentTTwoSidedP(0, 5)).toBeCloseTo(1, 14);
    expect(() => studentTCdf(1, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTCritical(1, 5)).toThrow(/confidence/);
  });
});
