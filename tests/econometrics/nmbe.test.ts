import { describe, expect, it } from 'vitest';
import { nmbe } from '../../src/econometrics/nmbe.js';

describe('nmbe (Guideline 14, n − p)', () => {
  it('computes NMBE as Σ(y − ŷ)/((n − p)·ȳ), positive when the model under-predicts', () => {
    // Hand: y = [10, 12, 14, 16], ŷ = [9, 11, 13, 15]: Σ(y − ŷ) = 4, (n − p)·ȳ = 2 × 13 = 26, NMBE = 0.153846…
    expect(nmbe([10, 12, 14, 16], [9, 11, 13, 15], 2)).toBeCloseTo(4 / 26, 14);
    expect(nmbe([10, 12, 14, 16], [11, 13, 15, 17], 2)).toBeCloseTo(-4 / 26, 14);
  });

  it('is zero for a least-squares fit with an intercept (residuals sum to zero)', () => {
    // Hand: y = [1, 2, 2, 3] on x = [0, 1, 2, 3]: ŷ = 1.1 + 0.6x = [1.1, 1.7, 2.3, 2.9], residuals sum to 0.
    expect(nmbe([1, 2, 2, 3], [1.1, 1.7, 2.3, 2.9], 2)).toBeCloseTo(0, 14);
  });
});
