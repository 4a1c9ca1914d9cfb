import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from '../../src/uncertainty/normal.js';

/** |actual − expected| ≤ rel·|expected|. */
function expectRelative(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normalQuantile (AS 241)', () => {
  it('gives Φ⁻¹(0.975) = 1.959963984540054', () => {
    // mpmath 1.3 at 40 digits: √2·erfinv(0.95) = 1.9599639845400542355; scipy.special.ndtri(0.975) prints
    // 1.959963984540054; Abramowitz & Stegun table 26.5 gives 1.959963985. The double nearest 0.975 is
    // 0.975 − 2.2e-17, whose exact quantile is 1.9599639845400542355 − 2.2e-17/φ(1.96) ≈ …0538; AS 241 is
    // within 2 ulps (4.4e-16) of it.
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThanOrEqual(5e-16);
    expect(Math.abs(normalQuantile(0.975) - 1.9599639845400538)).toBeLessThanOrEqual(4.5e-16);
  });

  it('matches high-precision values across the centre, intermediate and far-tail branches', () => {
    // mpmath 1.3 (mp.dps = 40), √2·erfinv(2p − 1), rounded to 20 digits, written as the nearest double.
    const cases: [number, number][] = [
      [0.3, -0.5244005127080408], // |p − 0.5| ≤ 0.425: central branch
      [0.9, 1.2815515655446004], // r ≤ 5 branch
      [0.001, -3.0902323061678136], // r ≤ 5 branch
      [1e-10, -6.361340902404057], // r > 5 branch
    ];
    for (const [p, z] of cases) expectRelative(normalQuantile(p), z, 1e-15);
  });

  it('is 0 at 1/2, odd around 1/2, ±Infinity at 0 and 1, NaN outside [0, 1]', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it('matches high-precision values, with relative accuracy deep in the lower tail', () => {
    // mpmath 1.3 (mp.dps = 40), mp.ncdf(x), rounded to 20 digits, written as the nearest double.
    const cases: [number, number][] = [
      [-3, 0.0013498980316300946],
      [-1.5, 0.06680720126885807],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [2.5, 0.9937903346742238],
      [-10, 7.619853024160525e-24],
      [-30, 4.906713927148187e-198],
    ];
    for (const [x, p] of cases) expectRelative(normalCdf(x), p, 2e-15);
  });

  it('keeps 2e-15 relative accuracy on both sides of the series / continued-fraction switch (|x| = 1.5)', () => {
    // mpmath 1.3 (mp.dps = 30), mp.ncdf(-x), rounded to 22 digits, written as the nearest double.
    const lowerTail: [number, number][] = [
      [0.3, 0.3820885778110474],
      [0.9, 0.18406012534675947],
      [1.2, 0.11506967022170828],
      [1.5, 0.06680720126885807],
      [1.8, 0.0359303191129258],
      [2.4, 0.008197535924596131],
      [3.5, 0.00023262907903552504],
      [5.0, 2.866515718791939e-07],
      [7.0, 1.279812543885835e-12],
    ];
    for (const [x, p] of lowerTail) expectRelative(normalCdf(-x), p, 2e-15);
  });

  it('inverts normalQuantile', () => {
    for (const p of [1e-12, 1e-5, 0.01, 0.2, 0.5, 0.77, 0.99, 0.999999]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-14);
    }
  });

  it('handles infinities and NaN', () => {
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe('normalPdf', () => {
  it('is 1/√(2π) at 0 and e^(−1/2)/√(2π) at ±1', () => {
    // Hand calculation: 1/√(2π) = 0.3989422804014327; × e^(−0.5) = 0.24197072451914337.
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
    expect(normalPdf(1)).toBeCloseTo(0.24197072451914337, 16);
    expect(normalPdf(-1)).toBe(normalPdf(1));
  });
});
