import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasMultipleIrr } from '../../src/finance/hasMultipleIrr.js';
import { irrRoots } from '../../src/finance/irrRoots.js';
import { anySeries } from './support.js';

describe('hasMultipleIrr', () => {
  it('flags a series with two IRRs', () => {
    // Roots 10 % and 20 % (hand factorisation in irrRoots.test.ts).
    expect(hasMultipleIrr([-100, 230, -132])).toBe(true);
  });

  it('does not flag a conventional series or two sign changes without two roots', () => {
    expect(hasMultipleIrr([-100, 39, 59, 55, 20])).toBe(false); // one sign change: one root (Descartes)
    expect(hasMultipleIrr([1, -3, 3])).toBe(false); // two sign changes, no real root
    expect(hasMultipleIrr([-1, 2, -1])).toBe(false); // one double root at 0
  });

  it('agrees with irrRoots (property)', () => {
    fc.assert(
      fc.property(anySeries, (values) => {
        expect(hasMultipleIrr(values)).toBe(irrRoots(values).length >= 2);
      }),
    );
  });

  it('rejects an empty series with a RangeError naming hasMultipleIrr', () => {
    expect(() => hasMultipleIrr([])).toThrow(/^hasMultipleIrr: values must be/);
  });
});
