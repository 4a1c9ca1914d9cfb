import { describe, expect, it } from 'vitest';
import { InventoryCache } from '../../src/core/inventoryCache.js';

describe('InventoryCache', () => {
  it('finds a value by the identity of its key, not by equal content', () => {
    const cache = new InventoryCache<{ n: number }, string>();
    const a = { n: 1 };
    cache.set(a, 'prepared a');
    expect(cache.get(a)).toBe('prepared a');
    expect(cache.get({ n: 1 })).toBeUndefined();
  });

  it('keeps the last `size` keys, the oldest replaced first, and updates a key in place', () => {
    const cache = new InventoryCache<object, number>(2);
    const [a, b, c] = [{}, {}, {}];
    cache.set(a, 1).set(b, 2);
    cache.set(a, 10); // a's entry updated: b is still there
    expect([cache.get(a), cache.get(b)]).toEqual([10, 2]);
    cache.set(c, 3); // two entries: the oldest slot (a's) goes
    expect([cache.get(a), cache.get(b), cache.get(c)]).toEqual([undefined, 2, 3]);
  });

  it('refuses a size that is not a whole number ≥ 1', () => {
    expect(() => new InventoryCache(0)).toThrow(/size must be a whole number ≥ 1, received 0/);
    expect(() => new InventoryCache(1.5)).toThrow(/received 1.5/);
  });
});
