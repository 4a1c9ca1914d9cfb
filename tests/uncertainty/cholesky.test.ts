import { describe, expect, it } from 'vitest';
import { cholesky } from '../../src/uncertainty/cholesky.js';

describe('cholesky', () => {
  it('factors a small matrix by hand', () => {
    // Hand calculation: [[4, 2], [2, 5]] = L·Lᵀ with L = [[2, 0], [1, 2]] (2² = 4, 2·1 = 2, 1² + 2² = 5).
    expect(cholesky([[4, 2], [2, 5]])).toEqual([
      [2, 0],
      [1, 2],
    ]);
  });

  it('reproduces the matrix: L·Lᵀ = A', () => {
    const a = [
      [1, 0.7, -0.3, 0.2],
      [0.7, 1, 0, 0.5],
      [-0.3, 0, 1, 0],
      [0.2, 0.5, 0, 1],
    ];
    const l = cholesky(a);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += l[i][k] * l[j][k];
        expect(s).toBeCloseTo(a[i][j], 14);
        if (j > i) expect(l[i][j]).toBe(0);
      }
    }
  });

  it('rejects a matrix that is not positive definite or not square, naming the caller', () => {
    // Hand calculation: det [[1, 0.9, 0.9], [0.9, 1, −0.9], [0.9, −0.9, 1]] = 0.19 − 0.9·1.71 − 0.9·1.71 = −2.888 < 0,
    // so the matrix is not positive definite (not a valid correlation matrix).
    expect(() =>
      cholesky(
        [
          [1, 0.9, 0.9],
          [0.9, 1, -0.9],
          [0.9, -0.9, 1],
        ],
        'imanConover',
      ),
    ).toThrow(/^imanConover: the matrix must be positive definite/);
    expect(() => cholesky([[1, 0], [0]])).toThrow(/^cholesky: the matrix must be square/);
  });
});
