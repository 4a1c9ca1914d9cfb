import { describe, expect, it } from 'vitest';
import { benefitCostRatio } from '../../src/finance/benefitCostRatio.js';

describe('benefitCostRatio', () => {
  it('divides discounted benefits by discounted costs', () => {
    // Hand calculation: (6000/1.04 + 6000/1.04²) / 10000 = (5769.23 + 5547.34) / 10000 = 1.131657.
    expect(benefitCostRatio(0.04, [0, 6000, 6000], [10_000, 0, 0])).toBeCloseTo(1.1316568047, 9);
    // Rate 0: 12000 / 10000.
    expect(benefitCostRatio(0, [0, 6000, 6000], [10_000, 0, 0])).toBe(1.2);
  });

  it('is null when the discounted costs are zero or negative', () => {
    expect(benefitCostRatio(0.04, [0, 100], [0, 0])).toBeNull();
    expect(benefitCostRatio(0.04, [0, 100], [-10, 0])).toBeNull();
  });

  it('rejects invalid arguments with a RangeError naming benefitCostRatio', () => {
    expect(() => benefitCostRatio(0.04, [1], [1, 2])).toThrow('benefitCostRatio: costs must be as long as benefits (1 values), received 2 values');
    expect(() => benefitCostRatio(-1, [1], [1])).toThrow('benefitCostRatio: rate must be a finite number greater than -1, received -1');
  });
});
