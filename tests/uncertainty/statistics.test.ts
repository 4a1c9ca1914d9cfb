import { describe, expect, it } from 'vitest';
import {
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
