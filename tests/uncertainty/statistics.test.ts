import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  selectRanks,
  summarizeInPlace,
  drawMean,
  drawSd,
  probability,
  probabilityAbove,
  probabilityBelow,
  quantiles,
  quantileSorted,
  sortedDraws,
  summarize,
} from '../../src/uncertainty/statistics.js';

// numpy 2.4.6: x = [3.1, −2.0, 7.5, 0.0, 4.4, 10.2, −6.3, 1.1, 2.2, 5.9];
// np.quantile(x, [0.05, 0.1, 0.5, 0.9, 0.95]) (method='linear', Hyndman & Fan type 7) =
// [−4.365, −2.43, 2.65, 7.77, 8.985]; x.mean() = 2.61; x.std(ddof=1) = 4.780620601274832.
const x = [3.1, -2.0, 7.5, 0.0, 4.4, 10.2, -6.3, 1.1, 2.2, 5.9];

describe('quantiles (type 7)', () => {
  it('match numpy.quantile (linear) and R quantile (type 7)', () => {
    const q = quantiles(x, [0.05, 0.1, 0.5, 0.9, 0.95]);
    [-4.365, -2.43, 2.65, 7.77, 8.985].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });

  it('interpolate between order statistics: h = (n − 1)p', () => {
    // Hand calculation: [1, 2, 3, 4], p = 0.5 ⇒ h = 1.5 ⇒ 2 + 0.5 × (3 − 2) = 2.5; p = 0 and 1 give min and max.
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('do not modify the draws', () => {
    const draws = Float64Array.from(x);
    quantiles(draws, [0.5]);
    expect(Array.from(draws)).toEqual(x);
    expect(Array.from(sortedDraws([3, 1, 2]))).toEqual([1, 2, 3]);
  });
});

describe('summarize', () => {
  it('reports mean, sample sd, min, max and P5…P95 as numpy does', () => {
    const s = summarize(Float64Array.from(x));
    expect(s.count).toBe(10);
    expect(s.mean).toBeCloseTo(2.61, 14);
    expect(s.sd).toBeCloseTo(4.780620601274832, 14);
    expect(s.min).toBe(-6.3);
    expect(s.max).toBe(10.2);
    expect(s.p5).toBeCloseTo(-4.365, 12);
    expect(s.p10).toBeCloseTo(-2.43, 12);
    expect(s.p50).toBeCloseTo(2.65, 12);
    expect(s.p90).toBeCloseTo(7.77, 12);
    expect(s.p95).toBeCloseTo(8.985, 12);
  });

  it('uses the n − 1 denominator and gives sd 0 for one draw', () => {
    // Hand calculation: [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, Σ(x − 5)² = 32, sd = √(32/7).
    expect(drawSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 15);
    expect(drawMean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(summarize([42]).sd).toBe(0);
  });

  it('rejects empty draws and non-finite draws instead of dropping them', () => {
    expect(() => summarize([])).toThrow(/^summarize: draws must not be empty/);
    expect(() => summarize([1, NaN, 3])).toThrow(/^summarize: draws\[1\] is NaN/);
    expect(() => drawMean([1, Infinity])).toThrow(/^drawMean: draws\[1\]/);
    expect(() => quantiles([1, 2], [1.5])).toThrow(/^quantiles: p must be in \[0, 1\]/);
  });
});

describe('selectRanks and summarizeInPlace', () => {
  it('put each asked rank where a full sort puts it, duplicates included', () => {
    // Oracle: Float64Array.prototype.sort (numeric ascending). Small integer values force many ties.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0)), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (values, rawRanks) => {
          const sorted = Float64Array.from(values).sort();
          const ranks = rawRanks.map((r) => r % values.length);
          const selected = selectRanks(Float64Array.from(values), ranks);
          for (const k of ranks) expect(selected[k]).toBe(sorted[k]);
          // Same multiset of values afterwards.
          expect(Float64Array.from(selected).sort()).toEqual(sorted);
        },
      ),
    );
  });

  it('give the percentiles, minimum and maximum of a fully sorted copy', () => {
    // Oracle: sortedDraws (a native sort of a copy) and quantileSorted, which do not select.
    fc.assert(
      // (−0 and +0 are equal but toEqual tells them apart, and either may come first: zeros are normalised.)
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0), { minLength: 1, maxLength: 500 }), (values) => {
        const sorted = sortedDraws(values);
        const s = summarizeInPlace(Float64Array.from(values));
        expect([s.min, s.p5, s.p10, s.p50, s.p90, s.p95, s.max]).toEqual([
          sorted[0],
          ...[0.05, 0.1, 0.5, 0.9, 0.95].map((p) => quantileSorted(sorted, p)),
          sorted[sorted.length - 1],
        ]);
      }),
    );
  });

  it('reproduce the numpy percentiles of the reference sample', () => {
    // Same numpy figures as above: P5 −4.365, P50 2.65, P95 8.985.
    const s = summarizeInPlace(Float64Array.from(x));
    expect(s.p5).toBeCloseTo(-4.365, 12);
    expect(s.p50).toBeCloseTo(2.65, 12);
    expect(s.p95).toBeCloseTo(8.985, 12);
  });

  it('reject ranks outside the values', () => {
    expect(() => selectRanks(new Float64Array([1, 2]), [2])).toThrow(/rank 2 is outside the 2 values/);
  });
});

describe('probability', () => {
  it('is the share of draws satisfying the predicate', () => {
    // Hand count: 2 of the 4 draws are positive; 1 of 4 exceeds 15.
    expect(probability([-5, 10, 20, -1], (v) => v > 0)).toBe(0.5);
    expect(probabilityBelow([-5, 10, 20, -1], 0)).toBe(0.5);
    expect(probabilityAbove([-5, 10, 20, -1], 15)).toBe(0.25);
    // Strict inequalities: a draw equal to the threshold counts in neither.
    expect(probabilityBelow([0, 1], 0)).toBe(0);
    expect(probabilityAbove([0, 1], 1)).toBe(0);
  });

  it('passes the index to the predicate and rejects a NaN threshold', () => {
    expect(probability([5, 5, 5, 5], (_, i) => i % 2 === 0)).toBe(0.5);
    expect(() => probabilityBelow([1], NaN)).toThrow(/^probabilityBelow: threshold/);
  });
});
