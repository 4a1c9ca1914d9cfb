import { describe, it, expect } from 'vitest';
import { allocationShares, type AllocationMethod } from '../../src/carbon/allocationShares.js';

describe('allocationShares', () => {
  it('shares in proportion to the devices', () => {
    // Documentation example: 300 / 400 = 0.75, 100 / 400 = 0.25.
    expect(allocationShares({ lighting: 300, water: 100 }, 'devices')).toEqual({ lighting: 0.75, water: 0.25 });
  });

  it('shares in proportion to the data', () => {
    // 50 MB/yr and 150 MB/yr: 50 / 200 = 0.25, 150 / 200 = 0.75; a user with no data gets 0.
    expect(allocationShares({ lighting: 50, water: 150, buildings: 0 }, 'data')).toEqual({
      lighting: 0.25,
      water: 0.75,
      buildings: 0,
    });
  });

  it('shares equally among the entries with a key > 0', () => {
    // Documentation example: two participants → 1/2 each; the entry with key 0 gets 0.
    expect(allocationShares({ lighting: 300, water: 100, buildings: 0 }, 'equal')).toEqual({
      lighting: 0.5,
      water: 0.5,
      buildings: 0,
    });
    // Three participants → 1/3 each whatever their keys.
    const three = allocationShares({ a: 1, b: 1000, c: 0.5 }, 'equal');
    for (const v of Object.values(three)) expect(v).toBe(1 / 3);
  });

  it('refuses keys that sum to zero with a RangeError naming the function', () => {
    expect(() => allocationShares({ lighting: 0, water: 0 }, 'devices')).toThrow(RangeError);
    expect(() => allocationShares({ lighting: 0, water: 0 }, 'equal')).toThrow(/^allocationShares: the keys sum to zero/);
    expect(() => allocationShares({}, 'data')).toThrow(/^allocationShares: /);
  });

  it('refuses negative or non-finite keys and unknown methods', () => {
    expect(() => allocationShares({ a: -1, b: 2 }, 'devices')).toThrow(/^allocationShares: the key of "a"/);
    expect(() => allocationShares({ a: Number.NaN }, 'devices')).toThrow(RangeError);
    expect(() => allocationShares({ a: 1 }, 'population' as AllocationMethod)).toThrow(/^allocationShares: method/);
  });
});
