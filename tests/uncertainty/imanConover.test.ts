import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/core/parameter.js';
import { imanConover, validateCorrelation } from '../../src/uncertainty/imanConover.js';
import { sampleColumns } from '../../src/uncertainty/lhs.js';
import { spearmanMatrix } from '../../src/uncertainty/rankCorrelation.js';
import { createRng } from '../../src/uncertainty/rng.js';

const dists: Distribution[] = [
  { type: 'pert', low: 0, mode: 1, high: 5 },
  { type: 'lognormal', mu: 0, sigma: 1 },
  { type: 'uniform', low: 0, high: 1 },
  { type: 'triangular', low: 15, mode: 20, high: 25 },
];
const target = [
  [1, 0.7, -0.3, 0.2],
  [0.7, 1, 0, 0.5],
  [-0.3, 0, 1, 0],
  [0.2, 0.5, 0, 1],
];

describe('imanConover', () => {
  it('reaches the target Spearman correlations within 0.012 for n = 10,000', () => {
    // Tolerance: the sampling noise of a rank correlation is about (1 − ρ²)/√n ≤ 0.01 at n = 10,000; the
    // 2·sin(πρ/6) adjustment removes the (6/π)·asin(ρ/2) bias (0.017 at ρ = 0.7) that plain scores would leave.
    const n = 10_000;
    const rng = createRng(31);
    const columns = sampleColumns(dists, n, rng);
    imanConover(columns, target, rng);
    const achieved = spearmanMatrix(columns);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(Math.abs(achieved[i][j] - target[i][j])).toBeLessThan(0.012);
    }
  });

  it('keeps every marginal exactly: each column holds the same values, reordered', () => {
    const n = 2000;
    const rng = createRng(32);
    const columns = sampleColumns(dists, n, rng);
    const before = columns.map((c) => Float64Array.from(c).sort());
    const returned = imanConover(columns, target, rng);
    expect(returned).toBe(columns);
    columns.forEach((c, j) => expect(Float64Array.from(c).sort()).toEqual(before[j]));
    // And the order did change.
    expect(spearmanMatrix(columns)[0][1]).toBeGreaterThan(0.6);
  });

  it('keeps discrete marginals (ties) exactly too', () => {
    const rng = createRng(33);
    const columns = sampleColumns(
      [
        { type: 'discrete', values: [1, 2, 3], weights: [0.2, 0.5, 0.3] },
        { type: 'uniform', low: 0, high: 1 },
      ],
      1000,
      rng,
    );
    const before = Float64Array.from(columns[0]).sort();
    imanConover(
      columns,
      [
        [1, 0.5],
        [0.5, 1],
      ],
      rng,
    );
    expect(Float64Array.from(columns[0]).sort()).toEqual(before);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const rng = createRng(34);
      return imanConover(sampleColumns(dists, 500, rng), target, rng);
    };
    expect(run()).toEqual(run());
  });

  it('leaves the identity target close to independence', () => {
    const rng = createRng(35);
    const columns = imanConover(sampleColumns(dists, 5000, rng), [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], rng);
    const achieved = spearmanMatrix(columns);
    // Independent columns of n = 5000: the sample rank correlation has sd 1/√(n − 1) ≈ 0.014; the score
    // decorrelation step makes it nearly exact.
    for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) expect(Math.abs(achieved[i][j])).toBeLessThan(0.01);
  });
});

describe('validateCorrelation', () => {
  it('returns the Cholesky factor of a valid matrix', () => {
    // Hand calculation: [[1, 0.5], [0.5, 1]] ⇒ L = [[1, 0], [0.5, √0.75]].
    const l = validateCorrelation([[1, 0.5], [0.5, 1]], 2);
    expect(l[1][0]).toBe(0.5);
    expect(l[1][1]).toBeCloseTo(Math.sqrt(0.75), 15);
  });

  it('rejects asymmetric, non-unit-diagonal, out-of-range, wrongly sized and indefinite matrices', () => {
    const rng = createRng(1);
    const columns = sampleColumns(dists.slice(0, 3), 100, rng);
    const cases: [number[][], RegExp][] = [
      [[[1, 0.5, 0], [0.4, 1, 0], [0, 0, 1]], /^imanConover: the correlation matrix must be symmetric/],
      [[[1, 0, 0], [0, 0.9, 0], [0, 0, 1]], /^imanConover: correlation\[1\]\[1\] must be 1/],
      [[[1, 1.2, 0], [1.2, 1, 0], [0, 0, 1]], /^imanConover: correlation\[0\]\[1\] must be a number in \[-1, 1\]/],
      [[[1, 0], [0, 1]], /^imanConover: the correlation matrix must have 3 rows/],
      [[[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]], /^imanConover: the matrix must be positive definite/],
    ];
    for (const [matrix, message] of cases) expect(() => imanConover(columns, matrix, rng)).toThrow(message);
  });

  it('needs more draws than parameters', () => {
    const rng = createRng(2);
    const columns = sampleColumns(dists.slice(0, 3), 3, rng);
    expect(() => imanConover(columns, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], rng)).toThrow(/^imanConover: more draws than parameters/);
  });
});
