import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/core/parameter.js';
import { sobol, type BatchModel } from '../../src/uncertainty/sobol.js';

// Ishigami & Homma (1990) function, a = 7, b = 0.1, inputs independent and uniform on [−π, π]:
//   f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1.
// Analytic variance decomposition (derived here from the ANOVA terms of f; the same formulas appear in
// Sobol' & Levitan 1999, Computer Physics Communications 117, and in the SALib and UQpy test suites):
//   V1 = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V3 = 0,  V13 = b²π⁸ (1/18 − 1/50) = 8b²π⁸/225,
//   V  = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
//   S_i = V_i/V,  ST1 = (V1 + V13)/V,  ST2 = V2/V,  ST3 = V13/V.
const A = 7;
const B = 0.1;
const PI4 = Math.PI ** 4;
const PI8 = Math.PI ** 8;
const V = (A * A) / 8 + (B * PI4) / 5 + (B * B * PI8) / 18 + 0.5;
const V1 = 0.5 * (1 + (B * PI4) / 5) ** 2;
const V2 = (A * A) / 8;
const V13 = B * B * PI8 * (1 / 18 - 1 / 50);
const analyticFirst = [V1 / V, V2 / V, 0];
const analyticTotal = [(V1 + V13) / V, V2 / V, V13 / V];

const ishigami: BatchModel = (X, n) => {
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const s1 = Math.sin(X[0][j]);
    y[j] = s1 + A * Math.sin(X[1][j]) ** 2 + B * X[2][j] ** 4 * s1;
  }
  return y;
};
const uniformPi: Distribution = { type: 'uniform', low: -Math.PI, high: Math.PI };

describe('Ishigami analytic indices', () => {
  it('agree with the published values S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)', () => {
    // The formulas above evaluated (hand/Python check): V = 13.844587940719254, S1 = 0.31390519…, ST1 = 0.55758886…,
    // S2 = ST2 = 0.44241114…, ST3 = 0.24368366…
    [0.3139, 0.4424, 0].forEach((s, i) => expect(analyticFirst[i]).toBeCloseTo(s, 4));
    [0.5576, 0.4424, 0.2437].forEach((s, i) => expect(analyticTotal[i]).toBeCloseTo(s, 4));
    // The decomposition is complete: V1 + V2 + V13 = V.
    expect(V1 + V2 + V13).toBeCloseTo(V, 12);
  });
});

describe('sobol', () => {
  it('recovers the Ishigami indices with n = 2^13', () => {
    const result = sobol(ishigami, [uniformPi, uniformPi, uniformPi], { n: 2 ** 13, seed: 7 });
    // Tolerance: at n = 8192 the bootstrap standard errors are about 0.015 (first order) and 0.008 (total);
    // 0.05 is over 3 standard errors. The analytic value must also lie within twice the 95 % interval's
    // half-width of the estimate (≈ 4 standard errors).
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.first[i] - analyticFirst[i])).toBeLessThan(0.05);
      expect(Math.abs(result.total[i] - analyticTotal[i])).toBeLessThan(0.05);
      const [lo1, hi1] = result.firstCi[i];
      const [loT, hiT] = result.totalCi[i];
      expect(lo1).toBeLessThan(result.first[i]);
      expect(hi1).toBeGreaterThan(result.first[i]);
      expect(loT).toBeLessThan(result.total[i]);
      expect(hiT).toBeGreaterThan(result.total[i]);
      expect(Math.abs(result.first[i] - analyticFirst[i])).toBeLessThanOrEqual(hi1 - lo1);
      expect(Math.abs(result.total[i] - analyticTotal[i])).toBeLessThanOrEqual(hiT - loT);
    }
    // X3 acts only through its interaction with X1: first order ≈ 0, total ≈ 0.24.
    expect(result.total[2] - result.first[2]).toBeGreaterThan(0.15);
    expect(result.evaluations).toBe(2 ** 13 * 5);
    expect(result.variance).toBeGreaterThan(0.9 * V);
    expect(result.variance).toBeLessThan(1.1 * V);
  });

  it('recovers S_i = S_Ti = c_i²/Σc² for an additive model', () => {
    // Y = 1·X1 + 2·X2 + 3·X3, X_i uniform on [0, 1]: Var(c_i X_i) = c_i²/12, no interactions, so
    // S = ST = (1, 4, 9)/14 = (0.0714, 0.2857, 0.6429) (hand calculation).
    const linear: BatchModel = (X, n) => {
      const y = new Float64Array(n);
      for (let j = 0; j < n; j++) y[j] = X[0][j] + 2 * X[1][j] + 3 * X[2][j];
      return y;
    };
    const u: Distribution = { type: 'uniform', low: 0, high: 1 };
    const result = sobol(linear, [u, u, u], { n: 4096, seed: 3, method: 'lhs', bootstrap: 200 });
    const expected = [1 / 14, 4 / 14, 9 / 14];
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.first[i] - expected[i])).toBeLessThan(0.04);
      // Jansen's estimator is exact up to sampling noise here; tolerance ≈ 4 standard errors at n = 4096.
      expect(Math.abs(result.total[i] - expected[i])).toBeLessThan(0.03);
    }
  });

  it('is deterministic for a seed, and skips the intervals with bootstrap = 0', () => {
    const dists = [uniformPi, uniformPi, uniformPi];
    const a = sobol(ishigami, dists, { n: 512, seed: 11, bootstrap: 50 });
    const b = sobol(ishigami, dists, { n: 512, seed: 11, bootstrap: 50 });
    expect(a).toEqual(b);
    expect(sobol(ishigami, dists, { n: 512, seed: 12, bootstrap: 50 }).first).not.toEqual(a.first);
    const noCi = sobol(ishigami, dists, { n: 512, seed: 11, bootstrap: 0 });
    expect(noCi.first).toEqual(a.first);
    expect(noCi.firstCi[0]).toEqual([NaN, NaN]);
  });

  it('calls the model d + 2 times on n draws, sharing the columns of A and B', () => {
    const seen: Float64Array[][] = [];
    const model: BatchModel = (X, n) => {
      seen.push(X);
      return X[0].map((x, j) => x + X[1][j] * 0.5 + n * 0);
    };
    const u: Distribution = { type: 'uniform', low: 0, high: 1 };
    sobol(model, [u, u], { n: 100, seed: 1, bootstrap: 0 });
    expect(seen).toHaveLength(4);
    const [a, b, ab0, ab1] = seen;
    // A_B^(0): column 0 from B, column 1 from A (the same arrays, not copies).
    expect(ab0[0]).toBe(b[0]);
    expect(ab0[1]).toBe(a[1]);
    expect(ab1[0]).toBe(a[0]);
    expect(ab1[1]).toBe(b[1]);
  });

  it('rejects bad options, wrong output lengths, constant and non-finite outputs', () => {
    const u: Distribution = { type: 'uniform', low: 0, high: 1 };
    const ok: BatchModel = (X) => X[0];
    expect(() => sobol(ok, [], { n: 10, seed: 1 })).toThrow(/^sobol: at least one distribution/);
    expect(() => sobol(ok, [u], { n: 1, seed: 1 })).toThrow(/^sobol: n must be an integer ≥ 2/);
    expect(() => sobol(ok, [u], { n: 10, seed: 1, confidence: 1 })).toThrow(/^sobol: confidence/);
    expect(() => sobol(ok, [u], { n: 10, seed: 1, bootstrap: -1 })).toThrow(/^sobol: bootstrap/);
    expect(() => sobol((X) => X[0].subarray(1), [u], { n: 10, seed: 1 })).toThrow(/^sobol: the model must return 10 outputs/);
    expect(() => sobol((_, n) => new Float64Array(n).fill(3), [u], { n: 10, seed: 1 })).toThrow(/^sobol: the model output does not vary/);
    expect(() => sobol((_, n) => new Float64Array(n).fill(NaN), [u], { n: 10, seed: 1 })).toThrow(/^sobol: output 0 for matrix A is NaN/);
  });
});
