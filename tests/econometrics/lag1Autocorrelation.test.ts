import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation } from '../../src/econometrics/lag1Autocorrelation.js';

describe('lag1Autocorrelation', () => {
  it('matches a hand calculation', () => {
    // e = [30, −90, 90, −30]: a = [30, −90, 90] (mean 10), b = [−90, 90, −30] (mean −10);
    // Σ(a−ā)(b−b̄) = 20·(−80) + (−100)·100 + 80·(−20) = −13,200; Σ(a−ā)² = Σ(b−b̄)² = 16,800; ρ = −0.785714…
    expect(lag1Autocorrelation([30, -90, 90, -30])).toBeCloseTo(-13200 / 16800, 14);
    expect(lag1Autocorrelation([1, 2, 3, 4, 5])).toBeCloseTo(1, 14);
    expect(lag1Autocorrelation([1, 1, 1, 2])).toBeNaN();
  });
});
