import { describe, expect, it } from 'vitest';
import { cvRmse } from '../../src/econometrics/cvRmse.js';
import { nmbe } from '../../src/econometrics/nmbe.js';

describe('cvRmse (Guideline 14, n − p)', () => {
  it('computes CV(RMSE) with n − p in the denominator', () => {
    // Hand: y = [10, 12, 14, 16], ŷ = [11, 11, 15, 15]: residuals ±1, SSE = 4, n − p = 2, ȳ = 13,
    // CV = √(4/2)/13 = 0.108786…
    expect(cvRmse([10, 12, 14, 16], [11, 11, 15, 15], 2)).toBeCloseTo(Math.sqrt(2) / 13, 14);
    // with p = 0 the denominator is n: √(4/4)/13
    expect(cvRmse([10, 12, 14, 16], [11, 11, 15, 15], 0)).toBeCloseTo(1 / 13, 14);
  });

  it('rejects mismatched lengths and p ≥ n', () => {
    expect(() => cvRmse([1, 2], [1], 0)).toThrow(/cvRmse: y has 2 values, fitted 1/);
    expect(() => nmbe([1, 2], [1, 2], 2)).toThrow(/nmbe: p must be an integer in \[0, n\)/);
  });
});
