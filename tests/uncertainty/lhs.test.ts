import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/core/parameter.js';
import { compileQuantile } from '../../src/uncertainty/distributions.js';
import { latinHypercube, randomUniforms, sampleColumns } from '../../src/uncertainty/lhs.js';
import { createRng } from '../../src/uncertainty/rng.js';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    // Stratification property (McKay, Beckman & Conover 1979): ⌊n·u⌋ is a permutation of 0…n−1 in every column.
    for (const [n, d] of [
      [1, 1],
      [7, 3],
      [100, 5],
      [10_000, 4],
    ]) {
      const columns = latinHypercube(n, d, createRng(n + d));
      expect(columns).toHaveLength(d);
      for (const column of columns) {
        expect(column).toHaveLength(n);
        const seen = new Uint8Array(n);
        for (const u of column) {
          expect(u).toBeGreaterThan(0);
          expect(u).toBeLessThan(1);
          seen[Math.floor(u * n)]++;
        }
        expect(seen.every((count) => count === 1)).toBe(true);
      }
    }
  });

  it('pairs strata by a different random permutation in each dimension', () => {
    const [a, b] = latinHypercube(1000, 2, createRng(5));
    const strataA = Array.from(a, (u) => Math.floor(u * 1000));
    const strataB = Array.from(b, (u) => Math.floor(u * 1000));
    expect(strataA).not.toEqual(strataB);
    // Not left in stratum order either.
    expect(strataA).not.toEqual(Array.from({ length: 1000 }, (_, k) => k));
  });

  it('estimates the mean of U(0, 1) within 1/(2n), a bound independent draws do not have', () => {
    // Hand calculation: Σ_k (k + U_k)/n over k = 0…n−1, divided by n, is (n − 1)/(2n) + mean(U_k)/n, which lies in
    // [0.5 − 1/(2n), 0.5 + 1/(2n)].
    const n = 1000;
    const [u] = latinHypercube(n, 1, createRng(9));
    const m = u.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(m - 0.5)).toBeLessThanOrEqual(1 / (2 * n));
  });

  it('is deterministic for a seed and fills preallocated columns in place', () => {
    const out = [new Float64Array(50), new Float64Array(50)];
    const returned = latinHypercube(50, 2, createRng(3), out);
    expect(returned).toBe(out);
    expect(out).toEqual(latinHypercube(50, 2, createRng(3)));
  });

  it('rejects bad counts and badly shaped output columns', () => {
    expect(() => latinHypercube(0, 2, createRng(1))).toThrow(/^latinHypercube: n must be an integer ≥ 1/);
    expect(() => latinHypercube(10, 1.5, createRng(1))).toThrow(/^latinHypercube: d/);
    expect(() => latinHypercube(10, 2, createRng(1), [new Float64Array(10)])).toThrow(/^latinHypercube: out must hold 2/);
    expect(() => latinHypercube(10, 1, createRng(1), [new Float64Array(9)])).toThrow(/^latinHypercube: out\[0\]/);
  });
});

describe('randomUniforms', () => {
  it('draws independent uniforms in (0, 1), column by column, from the generator', () => {
    const [a, b] = randomUniforms(3, 2, createRng(4));
    const rng = createRng(4);
    const expected = Array.from({ length: 6 }, () => rng.nextOpen());
    expect([...a, ...b]).toEqual(expected);
  });
});

describe('sampleColumns', () => {
  const dists: Distribution[] = [
    { type: 'pert', low: 50, mode: 120, high: 250 },
    { type: 'lognormal', mu: 0, sigma: 1 },
    { type: 'discrete', values: [8, 12, 15], weights: [0.2, 0.5, 0.3] },
  ];

  it('maps Latin hypercube uniforms through each quantile function', () => {
    const n = 200;
    const values = sampleColumns(dists, n, createRng(21));
    const uniforms = latinHypercube(n, dists.length, createRng(21));
    dists.forEach((dist, j) => {
      const q = compileQuantile(dist);
      for (let i = 0; i < n; i++) expect(values[j][i]).toBe(q(uniforms[j][i]));
    });
  });

  it("maps independent uniforms with method 'random'", () => {
    const values = sampleColumns(dists, 100, createRng(22), { method: 'random' });
    const uniforms = randomUniforms(100, dists.length, createRng(22));
    const q = compileQuantile(dists[1]);
    expect(values[1][17]).toBe(q(uniforms[1][17]));
  });

  it('accepts compiled quantile functions and preallocated output', () => {
    const out = dists.map(() => new Float64Array(64));
    const returned = sampleColumns(
      dists.map((d) => compileQuantile(d)),
      64,
      createRng(23),
      { out },
    );
    expect(returned).toBe(out);
    expect(out).toEqual(sampleColumns(dists, 64, createRng(23)));
  });

  it('never returns an infinite value for unbounded distributions', () => {
    const [x] = sampleColumns([{ type: 'normal', mean: 0, sd: 1 }], 100_000, createRng(24));
    expect(x.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('rejects an unknown method and invalid distributions, naming sampleColumns', () => {
    expect(() => sampleColumns(dists, 10, createRng(1), { method: 'sobol' as 'lhs' })).toThrow(/^sampleColumns: method/);
    expect(() => sampleColumns([{ type: 'uniform', low: 1, high: 0 }], 10, createRng(1))).toThrow(/^sampleColumns: uniform\.low/);
  });
});
