import { describe, expect, it } from 'vitest';
import { durbinWatson } from '../../src/econometrics/durbinWatson.js';

describe('durbinWatson', () => {
  it('matches hand calculations', () => {
    // [1, −1, 1, −1]: Σ(Δe)² = 3 × 4 = 12, Σe² = 4, d = 3.
    expect(durbinWatson([1, -1, 1, -1])).toBe(3);
    // [1, 2, 3]: Σ(Δe)² = 1 + 1 = 2, Σe² = 14, d = 1/7.
    expect(durbinWatson([1, 2, 3])).toBeCloseTo(1 / 7, 15);
    // [30, −90, 90, −30]: Δe = −120, 180, −120 → 61,200; Σe² = 18,000; d = 3.4.
    expect(durbinWatson([30, -90, 90, -30])).toBeCloseTo(3.4, 14);
  });

  it('rejects fewer than two residuals and an all-zero series', () => {
    expect(() => durbinWatson([1])).toThrow(/at least 2/);
    expect(() => durbinWatson([0, 0, 0])).toThrow(/all residuals are zero/);
  });
});
