import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discountedPaybackPeriod } from '../../src/finance/discountedPaybackPeriod.js';
import { paybackPeriod } from '../../src/finance/paybackPeriod.js';
import { money } from './support.js';

describe('discountedPaybackPeriod', () => {
  it('interpolates the discounted cumulative inside the year of the crossing', () => {
    // Hand calculation at 10 %: discounted flows -100, 54.545, 49.587; cumulative -100, -45.455, +4.132;
    // crossing in year 2 at 1 + 45.455/49.587 = 1.91667.
    expect(discountedPaybackPeriod(0.1, [-100, 60, 60])).toBeCloseTo(1 + (100 - 60 / 1.1) / (60 / 1.21), 12);
    expect(discountedPaybackPeriod(0.1, [-100, 60, 60])).toBeCloseTo(1.91667, 5);
  });

  it('equals the simple payback at rate 0, is 0 for a non-negative first flow, null when never reached', () => {
    expect(discountedPaybackPeriod(0, [-100, 40, 40, 40])).toBe(2.5);
    expect(discountedPaybackPeriod(0.05, [10, -5, 1])).toBe(0);
    // Simple payback exactly at the horizon (2.0) but discounted never: -100 + 50/1.05 + 50/1.1025 < 0.
    expect(discountedPaybackPeriod(0.05, [-100, 50, 50])).toBeNull();
  });

  it('is never shorter than the simple payback for a rate ≥ 0 (property)', () => {
    // Abel summation: the discounted cumulative is a positive combination of the undiscounted ones, so it cannot
    // reach 0 while every undiscounted cumulative so far is negative.
    fc.assert(
      fc.property(money(0, 0.2), money(1, 1e6), fc.array(money(-1e5, 1e5), { minLength: 1, maxLength: 30 }), (rate, investment, flows) => {
        const values = [-investment, ...flows];
        const discounted = discountedPaybackPeriod(rate, values);
        const simple = paybackPeriod(values);
        if (discounted !== null) {
          expect(simple).not.toBeNull();
          expect(discounted).toBeGreaterThanOrEqual((simple as number) - 1e-9);
        }
      }),
    );
  });

  it('rejects invalid arguments with a RangeError naming discountedPaybackPeriod', () => {
    expect(() => discountedPaybackPeriod(-1, [-1, 2])).toThrow(
      'discountedPaybackPeriod: rate must be a finite number greater than -1, received -1',
    );
    expect(() => discountedPaybackPeriod(0.1, [])).toThrow(/^discountedPaybackPeriod: values must be/);
  });
});
