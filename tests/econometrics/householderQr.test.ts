import { describe, expect, it } from 'vitest';
import { qr } from 'mathjs';
import { applyQTranspose, householderQr, qrLeastSquares, upperTriangularInverse } from '../../src/econometrics/householderQr.js';
import { mulberry32 } from './support.js';

describe('householderQr', () => {
  it('factorises a small matrix as by hand', () => {
    // X = [[1, 1], [1, 2], [1, 3]]: ‖x₁‖ = √3, so |R₀₀| = √3, R₀₁ = x₁·x₂/|R₀₀| = 6/√3 = 2√3 (same sign as R₀₀);
    // |R₁₁| = ‖x₂ − mean‖ = √2.
    const f = householderQr([
      [1, 1, 1],
      [1, 2, 3],
    ]);
    expect(Math.abs(f.r[0])).toBeCloseTo(Math.sqrt(3), 14);
    expect(f.r[1] / f.r[0]).toBeCloseTo(2, 14);
    expect(Math.abs(f.r[3])).toBeCloseTo(Math.sqrt(2), 14);
    expect(Array.from(qrLeastSquares(f, [2, 4, 6]))).toEqual([expect.closeTo(0, 13), expect.closeTo(2, 13)]);
  });

  it('reflects [3, 4] onto [−5, 0]', () => {
    // One column, a_11 = 3 > 0, so R₀₀ = −‖a‖ = −5 and Qᵀa = [−5, 0].
    const f = householderQr([[3, 4]]);
    const q = applyQTranspose(f, [3, 4]);
    expect(q[0]).toBeCloseTo(-5, 14);
    expect(q[1]).toBeCloseTo(0, 14);
  });

  it('has the same |diag R| as mathjs qr on a random matrix (R is unique up to the signs of its rows)', () => {
    const u = mulberry32(7);
    const n = 12;
    const cols = [0, 1, 2, 3].map(() => Array.from({ length: n }, () => u() * 10 - 5));
    const f = householderQr(cols);
    const { R } = qr(Array.from({ length: n }, (_, i) => cols.map((c) => c[i]))) as unknown as { R: number[][] };
    for (let j = 0; j < 4; j++) {
      for (let k = j; k < 4; k++) expect(Math.abs(f.r[j * 4 + k])).toBeCloseTo(Math.abs(R[j][k]), 11);
    }
  });

  it('inverts an upper-triangular matrix', () => {
    // [[2, 1], [0, 4]]⁻¹ = [[1/2, −1/8], [0, 1/4]] (hand).
    expect(Array.from(upperTriangularInverse(Float64Array.from([2, 1, 0, 4]), 2))).toEqual([0.5, -0.125, 0, 0.25]);
  });

  it('rejects more columns than rows and ragged columns', () => {
    expect(() => householderQr([[1], [2]])).toThrow(/at least as many rows/);
    expect(() => householderQr([[1, 2, 3], [1, 2]])).toThrow(/column 1 has 2 values/);
  });
});
