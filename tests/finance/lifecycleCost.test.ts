import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lifecycleCost } from '../../src/finance/lifecycleCost.js';
import { npv } from '../../src/finance/npv.js';
import { anySeries, expectClose } from './support.js';

describe('lifecycleCost', () => {
  it('discounts every year but index 0', () => {
    // Hand calculation: 10000 + 500/1.04 + 500/1.04² = 10000 + 480.769 + 462.278 = 10943.047.
    expect(lifecycleCost(0.04, [10_000, 500, 500])).toBeCloseTo(10943.047337, 6);
  });

  it('is the plain sum at rate 0 (property)', () => {
    fc.assert(
      fc.property(anySeries, (costs) => {
        const sum = costs.reduce((a, b) => a + b, 0);
        expect(Math.abs(lifecycleCost(0, costs) - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...costs.map(Math.abs)));
      }),
    );
  });

  it('equals npv of the cost series (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), anySeries, (bp, costs) => expectClose(lifecycleCost(bp / 10_000, costs), npv(bp / 10_000, costs), 1e-9)));
  });

  it('rejects invalid arguments with a RangeError naming lifecycleCost', () => {
    expect(() => lifecycleCost(0.04, [])).toThrow(/^lifecycleCost: costs must be/);
    expect(() => lifecycleCost(0.04, [1, Infinity])).toThrow('lifecycleCost: costs[1] must be a finite number, received Infinity');
  });
});
