import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocationShares, type AllocationMethod } from '../../src/carbon/allocationShares.js';
import { allocate } from '../../src/carbon/allocate.js';

const sumValues = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('splits each year by the shares', () => {
    // Documentation example: 1000 × 0.75 = 750, 1000 × 0.25 = 250; 200 × 0.75 = 150, 200 × 0.25 = 50.
    const parts = allocate([1000, 200], { lighting: 0.75, water: 0.25 });
    expect(Array.from(parts.lighting)).toEqual([750, 150]);
    expect(Array.from(parts.water)).toEqual([250, 50]);
  });

  it('refuses shares that do not sum to 1 or are negative, naming the function', () => {
    expect(() => allocate([1], { a: 0.5, b: 0.4 })).toThrow(/^allocate: shares must sum to 1/);
    expect(() => allocate([1], { a: 1.5, b: -0.5 })).toThrow(/^allocate: the share of "b"/);
    expect(() => allocate([1], {})).toThrow(RangeError);
  });

  it('shares sum to 1 and the parts sum to the whole (property)', () => {
    const method = fc.constantFrom<AllocationMethod>('devices', 'data', 'equal');
    // Keys: integers (device counts) or doubles (MB/yr), some zero; at least one positive.
    const key = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1e-3, max: 1e7, noNaN: true }));
    const keys = fc
      .dictionary(fc.string({ minLength: 1, maxLength: 8 }), key, { minKeys: 1, maxKeys: 12 })
      .filter((k) => Object.values(k).some((v) => v > 0));
    const totals = fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(keys, method, totals, (k, m, total) => {
        const shares = allocationShares(k, m);
        expect(Object.keys(shares).sort()).toEqual(Object.keys(k).sort());
        expect(Math.abs(sumValues(shares) - 1)).toBeLessThanOrEqual(1e-12);
        for (const name of Object.keys(k)) {
          if (k[name] === 0) expect(shares[name]).toBe(0);
          else expect(shares[name]).toBeGreaterThan(0);
        }
        const parts = allocate(total, shares);
        for (let t = 0; t < total.length; t++) {
          let s = 0;
          for (const name of Object.keys(parts)) s += parts[name][t];
          expect(Math.abs(s - total[t])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total[t])));
        }
      }),
    );
  });
});

describe('allocation keys', () => {
  it('keeps any user name as an own key, even __proto__', () => {
    const keys = JSON.parse('{"__proto__": 1, "water": 3}') as Record<string, number>;
    // 1 / 4 = 0.25 and 3 / 4 = 0.75.
    const shares = allocationShares(keys, 'devices');
    expect(Object.keys(shares).sort()).toEqual(['__proto__', 'water']);
    expect(Object.getOwnPropertyDescriptor(shares, '__proto__')?.value).toBe(0.25);
    const parts = allocate([8], shares);
    expect(Array.from(Object.getOwnPropertyDescriptor(parts, '__proto__')?.value as Float64Array)).toEqual([2]);
  });
});
