import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paybackPeriod } from '../../src/finance/paybackPeriod.js';
import { money } from './support.js';

describe('paybackPeriod', () => {
  it('interpolates inside the year of the crossing', () => {
    // Hand calculation: cumulative -100, -60, -20, +20: crossing in year 3 at 2 + 20/40 = 2.5.
    expect(paybackPeriod([-100, 40, 40, 40])).toBe(2.5);
    // Cumulative reaches exactly 0 at index 2: 1 + 50/50 = 2.
    expect(paybackPeriod([-100, 50, 50])).toBe(2);
  });

  it('is 0 when the cumulative is never negative, and accepts a Float64Array', () => {
    // Cumulative 5, 6: nothing to pay back.
    expect(paybackPeriod(Float64Array.from([5, 1]))).toBe(0);
    expect(paybackPeriod([0, 0, 3])).toBe(0);
  });

  it('counts from the first negative cumulative when the flow starts at or above zero', () => {
    // No investment in year 0 but a loss in year 1: cumulative 0, -10, +10 → back to 0 at 1 + 10/20 = 1.5.
    expect(paybackPeriod([0, -10, 20])).toBe(1.5);
    // Cumulative 0, -5, -10: never paid back.
    expect(paybackPeriod([0, -5, -5])).toBeNull();
  });

  it('is null when never reached within the horizon', () => {
    // Cumulative -100, -70, -40: never ≥ 0.
    expect(paybackPeriod([-100, 30, 30])).toBeNull();
    expect(paybackPeriod([-1])).toBeNull();
  });

  it('returns the first crossing even when the cumulative falls back later', () => {
    // Cumulative -100, -40, +20, -30, -20: first crossing at 1 + 40/60 = 1.667 (see paybackReversal).
    expect(paybackPeriod([-100, 60, 60, -50, 10])).toBeCloseTo(1 + 40 / 60, 14);
  });

  it('falls or stays when savings rise (property)', () => {
    fc.assert(
      fc.property(
        money(1, 1e6),
        fc.array(fc.tuple(money(-1e5, 1e5), money(0, 1e5)), { minLength: 1, maxLength: 30 }),
        (investment, years) => {
          const base = [-investment, ...years.map(([flow]) => flow)];
          const more = [-investment, ...years.map(([flow, extra]) => flow + extra)];
          const before = paybackPeriod(base);
          const after = paybackPeriod(more);
          if (before !== null) {
            expect(after).not.toBeNull();
            expect(after as number).toBeLessThanOrEqual(before + 1e-12);
          }
        },
      ),
    );
  });

  it('rejects invalid arguments with a RangeError naming paybackPeriod', () => {
    expect(() => paybackPeriod([])).toThrow(/^paybackPeriod: values must be/);
    expect(() => paybackPeriod([-1, Number.NaN])).toThrow('paybackPeriod: values[1] must be a finite number, received NaN');
  });
});
