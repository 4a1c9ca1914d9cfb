import { describe, expect, it } from 'vitest';
import { annuityFactor } from '../../src/finance/annuityFactor.js';
import { discountFactors } from '../../src/finance/discountFactors.js';
import { pv } from '../../src/finance/pv.js';

describe('annuityFactor', () => {
  it('is the present value of 1 per year for n years', () => {
    // Hand calculation: (1 - 1.04^-10)/0.04 = (1 - 0.675564)/0.04 = 8.110896.
    expect(annuityFactor(0.04, 10)).toBeCloseTo(8.110895779, 9);
    // Same as summing the discount factors of years 1..10, and as -pv of a 1/yr payment.
    const f = discountFactors(0.04, 11);
    expect(annuityFactor(0.04, 10)).toBeCloseTo(f.slice(1).reduce((a, b) => a + b, 0), 12);
    expect(annuityFactor(0.04, 10)).toBeCloseTo(-pv(0.04, 10, 1), 12);
  });

  it('equals years at rate 0', () => {
    expect(annuityFactor(0, 25)).toBe(25);
    expect(annuityFactor(0.05, 0)).toBe(0);
  });

  it('rejects invalid arguments with a RangeError naming annuityFactor', () => {
    expect(() => annuityFactor(-1.5, 10)).toThrow('annuityFactor: rate must be a finite number greater than -1, received -1.5');
    expect(() => annuityFactor(0.04, -1)).toThrow('annuityFactor: years must be a finite number ≥ 0, received -1');
  });
});
