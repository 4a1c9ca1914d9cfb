import { describe, expect, it } from 'vitest';
import { paybackReversal } from '../../src/finance/paybackReversal.js';

describe('paybackReversal', () => {
  it('tells when a paid-back cumulative falls below zero again', () => {
    // Cumulative -100, -40, +20, -30, -20: paid back at 1.667, below zero again in year 3 at 2 + 20/50 = 2.4.
    expect(paybackReversal([-100, 60, 60, -50, 10])).toBeCloseTo(2.4, 14);
  });

  it('is null when payback holds or is never reached', () => {
    expect(paybackReversal([-100, 40, 40, 40])).toBeNull();
    expect(paybackReversal([-100, 30, 30])).toBeNull();
  });

  it('works on the discounted cumulative when given a rate', () => {
    // At 10 %: discounted -100, 72.727, 49.587, -37.566 → cumulative -100, -27.27, +22.31, -15.25:
    // reversal at 2 + 22.314/37.566 = 2.594. Undiscounted: -100, -20, +40, -10 → 2 + 40/50 = 2.8.
    const values = [-100, 80, 60, -50];
    const c2 = -100 + 80 / 1.1 + 60 / 1.21;
    expect(paybackReversal(values, 0.1)).toBeCloseTo(2 + c2 / (50 / 1.331), 12);
    expect(paybackReversal(values)).toBeCloseTo(2.8, 14);
  });

  it('rejects invalid arguments with a RangeError naming paybackReversal', () => {
    expect(() => paybackReversal([-1, 2], Number.NaN)).toThrow(
      'paybackReversal: rate must be a finite number greater than -1, received NaN',
    );
  });
});
