import { describe, expect, it } from 'vitest';
import { argsort, pearson, ranks, spearman, spearmanMatrix } from '../../src/uncertainty/rankCorrelation.js';

describe('ranks and argsort', () => {
  it('gives average ranks to ties, as scipy.stats.rankdata', () => {
    // scipy 1.17.1: rankdata([10, 30, 20, 30]) = [1, 3.5, 2, 3.5].
    expect(Array.from(ranks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
    expect(Array.from(argsort([30, 10, 20]))).toEqual([1, 2, 0]);
  });
});

describe('pearson and spearman', () => {
  it('match scipy', () => {
    // scipy 1.17.1: pearsonr([1, 2, 3], [2, 4, 7]) = 0.9933992677987828;
    // numpy corrcoef([1.5, 2.2, 3.9, 4.1, 7.0], [0.3, −1.2, 2.5, 2.4, 6.1]) = 0.9507022432013527;
    // spearmanr([1, 2, 2, 3, 4, 7, 7, 7], [2, 1, 3, 3, 5, 4, 9, 8]) = 0.8706358081229184 (ties averaged).
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.9933992677987828, 15);
    expect(pearson([1.5, 2.2, 3.9, 4.1, 7.0], [0.3, -1.2, 2.5, 2.4, 6.1])).toBeCloseTo(0.9507022432013527, 15);
    expect(spearman([1, 2, 2, 3, 4, 7, 7, 7], [2, 1, 3, 3, 5, 4, 9, 8])).toBeCloseTo(0.8706358081229184, 15);
  });

  it('gives ±1 for monotone relations and a symmetric matrix with unit diagonal', () => {
    const x = [1, 2, 3, 4, 5];
    expect(spearman(x, x.map((v) => v ** 3))).toBeCloseTo(1, 15);
    expect(spearman(x, x.map((v) => -Math.exp(v)))).toBeCloseTo(-1, 15);
    const m = spearmanMatrix([x, [2, 1, 4, 3, 5], [5, 3, 4, 1, 2]]);
    expect(m[0][0]).toBe(1);
    expect(m[1][2]).toBe(m[2][1]);
    // Hand calculation: ranks of [2, 1, 4, 3, 5] vs 1…5, Σd² = 1 + 1 + 1 + 1 + 0 = 4 ⇒ 1 − 6·4/(5·24) = 0.8.
    expect(m[0][1]).toBeCloseTo(0.8, 15);
  });

  it('rejects different lengths and too few values', () => {
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/^spearman: x and y must have the same length/);
    expect(() => pearson([1], [1])).toThrow(/^pearson: at least 2 values/);
  });
});
