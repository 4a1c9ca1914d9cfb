/**
 * What a model computes from an inventory alone, kept by the inventory object's identity for the next calls with
 * the same inventory (Monte Carlo draws, the scenarios of a run, the scenarios of one commune in a roll-up).
 *
 * It holds the last few inventories (strong references, `size` of them, the oldest replaced first) rather than
 * using a `WeakMap`: V8 keeps a WeakMap's keys and values alive through every minor garbage collection until a full
 * one, so in a roll-up, where each commune's inventories serve five evaluations and are then dropped, every
 * commune's inventories and prepared data were copied out of the young generation and promoted (a loop of 3 million
 * short-lived keys took 1.7 s with a WeakMap, 0.12 s without). A model's calls come inventory after inventory, so a
 * handful of entries finds every repeat; an inventory evaluated again after others were is simply prepared again.
 * Inventories are immutable after validation (the engine freezes them), so a kept entry stays valid.
 */
export class InventoryCache<K extends object, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  /** @param size inventories kept [entries], ≥ 1 */
  constructor(readonly size = 4) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`InventoryCache: size must be a whole number ≥ 1, received ${size}`);
    this.keys = new Array<K | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  /**
   * The value kept for `key` (the same object, not an equal one), or undefined.
   * @example const c = new InventoryCache<object, number>(); const inv = {}; c.set(inv, 3); c.get(inv) // 3; c.get({}) // undefined
   */
  get(key: K): V | undefined {
    for (let i = 0; i < this.size; i++) if (this.keys[i] === key) return this.values[i];
    return undefined;
  }

  /** Keeps `value` for `key`: in its entry if it has one, otherwise in place of the oldest entry. Returns the cache. */
  set(key: K, value: V): this {
    for (let i = 0; i < this.size; i++) {
      if (this.keys[i] === key) {
        this.values[i] = value;
        return this;
      }
    }
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    return this;
  }
}
